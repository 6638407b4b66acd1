// The conclusion of the review report to the presidium (预算法 Art. 49): whether to approve the draft and the
// suggestions on execution, management and supervision. The last version stands.
import { eq } from 'drizzle-orm';
import type { RecordReviewConclusion } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { step } from '../../../platform/step';
import { budgetReviewConclusions } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetStep } from '../budget.repository';

export function recordReviewConclusion(ctx: Ctx, budgetId: string, input: RecordReviewConclusion) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'recordReview',
    load: (w, actor) => loadBudgetStep(w, actor, budgetId),
    async write({ w, row: budget, actor }) {
      const [before] = await w.db
        .select()
        .from(budgetReviewConclusions)
        .where(eq(budgetReviewConclusions.budgetId, budget.id));
      const at = new Date();
      const values = { ...input, updatedBy: actor.accountId, updatedAt: at };
      await w.db
        .insert(budgetReviewConclusions)
        .values({ budgetId: budget.id, congressId: budget.congressId, ...values })
        .onConflictDoUpdate({ target: budgetReviewConclusions.budgetId, set: values });
      return {
        result: { ...input, updatedAt: at.toISOString() },
        audit: {
          action: 'budget.recordReviewConclusion',
          entityType: 'budget',
          entityId: budget.id,
          before: before
            ? { recommendation: before.recommendation, suggestions: before.suggestions }
            : undefined,
          after: input,
        },
      };
    },
  });
}
