// The reviewers' findings on one focus point of the preliminary review (预算法 Art. 48), written again as the
// review goes on (the last version stands; the audit trail keeps the earlier ones).
import { and, eq } from 'drizzle-orm';
import type { ReviewPoint } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { step } from '../../../platform/step';
import { budgetReviewPoints } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetStep } from '../budget.repository';

export function recordReviewFindings(
  ctx: Ctx,
  budgetId: string,
  point: ReviewPoint,
  input: { findings: string },
) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'recordReview',
    load: (w, actor) => loadBudgetStep(w, actor, budgetId),
    async write({ w, row: budget, actor }) {
      const [before] = await w.db
        .select({ findings: budgetReviewPoints.findings })
        .from(budgetReviewPoints)
        .where(and(eq(budgetReviewPoints.budgetId, budget.id), eq(budgetReviewPoints.point, point)));
      const at = new Date();
      await w.db
        .insert(budgetReviewPoints)
        .values({
          budgetId: budget.id,
          congressId: budget.congressId,
          point,
          findings: input.findings,
          updatedBy: actor.accountId,
          updatedAt: at,
        })
        .onConflictDoUpdate({
          target: [budgetReviewPoints.budgetId, budgetReviewPoints.point],
          set: { findings: input.findings, updatedBy: actor.accountId, updatedAt: at },
        });
      return {
        result: { point, findings: input.findings, updatedAt: at.toISOString() },
        audit: {
          action: 'budget.recordReviewFindings',
          entityType: 'budget',
          entityId: budget.id,
          before: before ? { point, findings: before.findings } : undefined,
          after: { point, findings: input.findings },
        },
      };
    },
  });
}
