// Acceptance (验收) of a completed project (staff).
import { eq } from 'drizzle-orm';
import { canMoveProject } from '@minyi/domain/livelihood';
import type { Ctx } from '../../../platform/context';
import { step } from '../../../platform/step';
import { livelihoodProjects } from '../livelihood.table';
import { projectPolicy } from '../livelihood.policy';
import { loadProjectStep } from '../livelihood.repository';

export function acceptProject(ctx: Ctx, projectId: string) {
  return step(ctx, {
    policy: projectPolicy,
    action: 'accept',
    load: (w, actor) => loadProjectStep(w, actor, projectId),
    transition: ({ row }) => ({
      from: row.status,
      to: canMoveProject(row.status, 'accepted') ? 'accepted' : null,
    }),
    async write({ w, row: p }) {
      await w.db
        .update(livelihoodProjects)
        .set({ status: 'accepted', updatedAt: new Date() })
        .where(eq(livelihoodProjects.id, projectId));
      return {
        result: undefined,
        audit: {
          action: 'livelihoodProject.accept',
          entityType: 'livelihoodProject',
          entityId: projectId,
          congressId: p.congressId,
        },
      };
    },
  });
}
