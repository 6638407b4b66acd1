// Edits a term (届); at most one term of a congress is current.
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateTermSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, invalidField, notFound } from '../../../platform/errors';
import { terms } from '../registry.table';
import { registryPolicy } from '../registry.policy';

export async function editTerm(
  ctx: Ctx,
  congressId: string,
  id: string,
  patch: z.infer<typeof updateTermSchema>,
) {
  await transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    const [before] = await w.db
      .select()
      .from(terms)
      .where(and(eq(terms.congressId, congressId), eq(terms.id, id)))
      .for('update');
    if (!before) throw notFound({ zh: '届次', en: 'term' });
    // Nothing to change: no statement (an empty SET is invalid SQL) and no audit row.
    if (!Object.keys(patch).length) return;
    const start = patch.startDate ?? before.startDate;
    const end = patch.endDate ?? before.endDate;
    if (end <= start) throw invalidField('endDate', '应晚于开始日期', 'must be after startDate');
    if (patch.number !== undefined && patch.number !== before.number) {
      const [same] = await w.db
        .select({ id: terms.id })
        .from(terms)
        .where(and(eq(terms.congressId, congressId), eq(terms.number, patch.number), ne(terms.id, id)));
      if (same) throw conflict('term_exists', { zh: '该届次已存在', en: 'This term already exists' });
    }
    if (patch.isCurrent)
      await w.db
        .update(terms)
        .set({ isCurrent: false })
        .where(and(eq(terms.congressId, congressId), ne(terms.id, id)));
    await w.db.update(terms).set(patch).where(eq(terms.id, id));
    await w.audit({ action: 'term.edit', entityType: 'term', entityId: id, before, after: patch });
  });
}
