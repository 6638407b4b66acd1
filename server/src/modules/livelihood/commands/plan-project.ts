// The plan of a chosen project: lead unit, budget, target date and milestones (staff).
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { projectPolicy } from '../livelihood.policy';
import { newId } from '../../../platform/ids';
import { getHandlingUnit } from '../../registry';
import { livelihoodMilestones, livelihoodProjects } from '../livelihood.table';
import { loadProjectStep } from '../livelihood.repository';

export function planProject(
  ctx: Ctx,
  projectId: string,
  input: {
    leadUnitId?: string;
    budget?: number;
    targetDate?: string;
    milestones?: { title: string; targetDate: string }[];
  },
) {
  return step(ctx, {
    policy: projectPolicy,
    action: 'plan',
    load: (w, actor) => loadProjectStep(w, actor, projectId),
    // Planning keeps the status; an accepted project is no longer planned.
    transition: ({ row }) => ({ from: row.status, to: row.status === 'accepted' ? null : row.status }),
    async write({ w, row: p }) {
      const congressId = p.congressId;
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
      return {
        result: undefined,
        audit: {
          action: 'livelihoodProject.plan',
          entityType: 'livelihoodProject',
          entityId: projectId,
          congressId,
          before: p,
          after: { ...set, milestones: input.milestones },
        },
      };
    },
  });
}
