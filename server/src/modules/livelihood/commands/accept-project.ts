// Acceptance (验收) of a completed project (staff).
import { eq } from 'drizzle-orm';
import { canMoveProject } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { wrongState } from '../../../platform/errors';
import { livelihoodProjects } from '../livelihood.table';
import { loadProject } from '../livelihood.repository';

export async function acceptProject(ctx: Ctx, congressId: string, projectId: string) {
  return transact(ctx, async (w) => {
    const p = await loadProject(w, congressId, projectId, true);
    if (!canMoveProject(p.status, 'accepted')) throw wrongState(p.status);
    await w.db
      .update(livelihoodProjects)
      .set({ status: 'accepted', updatedAt: new Date() })
      .where(eq(livelihoodProjects.id, projectId));
    await w.audit({
      action: 'livelihoodProject.accept',
      entityType: 'livelihoodProject',
      entityId: projectId,
      congressId,
      before: { status: p.status },
      after: { status: 'accepted' },
    });
  });
}
