// Adds a term (届); at most one term of a congress is current.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createTermSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { terms } from '../registry.table';
import { registryPolicy } from '../registry.policy';

export async function createTerm(
  ctx: Ctx,
  congressId: string,
  input: z.infer<typeof createTermSchema>,
): Promise<string> {
  if (input.endDate <= input.startDate)
    throw invalidField('endDate', '应晚于开始日期', 'must be after startDate');
  return transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    const [same] = await w.db
      .select({ id: terms.id })
      .from(terms)
      .where(and(eq(terms.congressId, congressId), eq(terms.number, input.number)));
    if (same) throw conflict('term_exists', { zh: '该届次已存在', en: 'This term already exists' });
    const id = newId();
    if (input.isCurrent)
      await w.db.update(terms).set({ isCurrent: false }).where(eq(terms.congressId, congressId));
    const values = {
      id,
      congressId,
      number: input.number,
      startDate: input.startDate,
      endDate: input.endDate,
      isCurrent: input.isCurrent ?? false,
    };
    await w.db.insert(terms).values(values);
    await w.audit({ action: 'term.create', entityType: 'term', entityId: id, after: values });
    return id;
  });
}
