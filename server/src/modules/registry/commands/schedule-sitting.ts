// Schedules a sitting (次会议) of a term; its number is unique within the term.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createSittingSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { sittings } from '../registry.table';
import { ensureRef } from '../registry.repository';
import { registryPolicy } from '../registry.policy';

export async function scheduleSitting(
  ctx: Ctx,
  congressId: string,
  input: z.infer<typeof createSittingSchema>,
): Promise<string> {
  if (input.endDate < input.startDate)
    throw invalidField('endDate', '不能早于开始日期', 'must not be before startDate');
  return transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    await ensureRef(w.db, 'terms', congressId, input.termId, 'termId');
    const [same] = await w.db
      .select({ id: sittings.id })
      .from(sittings)
      .where(and(eq(sittings.termId, input.termId), eq(sittings.number, input.number)));
    if (same) throw conflict('sitting_exists', { zh: '该次会议已存在', en: 'This sitting already exists' });
    const id = newId();
    const values = {
      id,
      congressId,
      termId: input.termId,
      number: input.number,
      startDate: input.startDate,
      endDate: input.endDate,
      status: 'planned' as const,
    };
    await w.db.insert(sittings).values(values);
    await w.audit({ action: 'sitting.create', entityType: 'sitting', entityId: id, after: values });
    return id;
  });
}
