// The plan of a chosen project: lead unit, budget, target date and milestones (staff).
import { eq } from 'drizzle-orm';
import { transact, type Ctx } from '../../../platform/context';
import { invalidField, wrongState } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { getHandlingUnit } from '../../registry';
import { livelihoodMilestones, livelihoodProjects } from '../livelihood.table';
import { loadProject } from '../livelihood.repository';

export async function planProject(
  ctx: Ctx,
  congressId: string,
  projectId: string,
  input: {
    leadUnitId?: string;
    budget?: number;
    targetDate?: string;
    milestones?: { title: string; targetDate: string }[];
  },
) {
  return transact(ctx, async (w) => {
    const p = await loadProject(w, congressId, projectId, true);
    if (p.status === 'accepted') throw wrongState(p.status);
    if (input.leadUnitId && !(await getHandlingUnit(w.db, congressId, input.leadUnitId)))
      throw invalidField('leadUnitId', '未知的承办单位', 'unknown handling unit');
    const set = {
      leadUnitId: input.leadUnitId ?? p.leadUnitId,
      budget: input.budget ?? p.budget,
      targetDate: input.targetDate ?? p.targetDate,
      updatedAt: new Date(),
    };
    await w.db.update(livelihoodProjects).set(set).where(eq(livelihoodProjects.id, projectId));
    if (input.milestones) {
      // Re-planning replaces the list; a milestone kept under the same title keeps the day it was reached.
      const reached = new Map(
        (
          await w.db
            .delete(livelihoodMilestones)
            .where(eq(livelihoodMilestones.projectId, projectId))
            .returning({ title: livelihoodMilestones.title, doneOn: livelihoodMilestones.doneOn })
        ).map((m) => [m.title, m.doneOn]),
      );
      if (input.milestones.length) {
        await w.db.insert(livelihoodMilestones).values(
          input.milestones.map((m) => ({
            id: newId(),
            congressId,
            projectId,
            ...m,
            doneOn: reached.get(m.title) ?? null,
          })),
        );
      }
    }
    await w.audit({
      action: 'livelihoodProject.plan',
      entityType: 'livelihoodProject',
      entityId: projectId,
      congressId,
      before: p,
      after: { ...set, milestones: input.milestones },
    });
  });
}
