// Edits a working committee or a street working committee.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateWorkingCommitteeSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { workingCommittees } from '../registry.table';
import { registryPolicy } from '../registry.policy';

export async function editWorkingCommittee(
  ctx: Ctx,
  congressId: string,
  id: string,
  patch: z.infer<typeof updateWorkingCommitteeSchema>,
) {
  await transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    const [before] = await w.db
      .select()
      .from(workingCommittees)
      .where(and(eq(workingCommittees.congressId, congressId), eq(workingCommittees.id, id)))
      .for('update');
    if (!before) throw notFound({ zh: '工作委员会', en: 'working committee' });
    // Nothing to change: no statement (an empty SET is invalid SQL) and no audit row.
    if (!Object.keys(patch).length) return;
    await w.db.update(workingCommittees).set(patch).where(eq(workingCommittees.id, id));
    await w.audit({
      action: 'workingCommittee.edit',
      entityType: 'workingCommittee',
      entityId: id,
      before,
      after: patch,
    });
  });
}
