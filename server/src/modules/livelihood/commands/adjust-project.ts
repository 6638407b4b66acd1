// An adjustment of a project's schedule, with the reason and the standing committee's approval (staff).
import { eq } from 'drizzle-orm';
import { canMoveProject } from '@minyi/domain/livelihood';
import type { Ctx } from '../../../platform/context';
import { step } from '../../../platform/step';
import { livelihoodProjects } from '../livelihood.table';
import { projectPolicy } from '../livelihood.policy';
import { loadProjectStep } from '../livelihood.repository';

export function adjustProject(
  ctx: Ctx,
  projectId: string,
  input: { reason: string; approvedOn: string; approvalReference: string; newTargetDate?: string },
) {
  return step(ctx, {
    policy: projectPolicy,
    action: 'adjust',
    load: (w, actor) => loadProjectStep(w, actor, projectId),
    transition: ({ row }) => ({
      from: row.status,
      to: canMoveProject(row.status, 'adjusted') ? 'adjusted' : null,
    }),
    async write({ w, row: p }) {
      const set = {
        status: 'adjusted' as const,
        adjustmentReason: input.reason,
        adjustmentApprovedOn: input.approvedOn,
        adjustmentReference: input.approvalReference,
        targetDate: input.newTargetDate ?? p.targetDate,
        updatedAt: new Date(),
      };
      await w.db.update(livelihoodProjects).set(set).where(eq(livelihoodProjects.id, projectId));
      return {
        result: undefined,
        audit: {
          action: 'livelihoodProject.adjust',
          entityType: 'livelihoodProject',
          entityId: projectId,
          congressId: p.congressId,
          before: { targetDate: p.targetDate },
          after: set,
        },
      };
    },
  });
}
