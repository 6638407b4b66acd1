// An adjustment of a project's schedule, with the reason and the standing committee's approval (staff).
import { eq } from 'drizzle-orm';
import { canMoveProject } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { wrongState } from '../../../platform/errors';
import { livelihoodProjects } from '../livelihood.table';
import { loadProject } from '../livelihood.repository';

export async function adjustProject(
  ctx: Ctx,
  congressId: string,
  projectId: string,
  input: { reason: string; approvedOn: string; approvalReference: string; newTargetDate?: string },
) {
  return transact(ctx, async (w) => {
    const p = await loadProject(w, congressId, projectId, true);
    if (!canMoveProject(p.status, 'adjusted')) throw wrongState(p.status);
    const set = {
      status: 'adjusted' as const,
      adjustmentReason: input.reason,
      adjustmentApprovedOn: input.approvedOn,
      adjustmentReference: input.approvalReference,
      targetDate: input.newTargetDate ?? p.targetDate,
      updatedAt: new Date(),
    };
    await w.db.update(livelihoodProjects).set(set).where(eq(livelihoodProjects.id, projectId));
    await w.audit({
      action: 'livelihoodProject.adjust',
      entityType: 'livelihoodProject',
      entityId: projectId,
      congressId,
      before: { status: p.status, targetDate: p.targetDate },
      after: set,
    });
  });
}
