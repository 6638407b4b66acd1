// The standing committee's decision on an adjustment plan (预算法 Art. 69): approved or not, on the meeting's day.
// An approved adjustment's line changes make the adjusted budget (调整预算数) the lines are read against.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { budgetAdjustments } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetChildStep } from '../budget.repository';

export function decideAdjustment(
  ctx: Ctx,
  adjustmentId: string,
  input: { decision: 'approved' | 'rejected'; decidedOn: string },
) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'decideAdjustment',
    load: (w, actor) =>
      loadBudgetChildStep(w, actor, budgetAdjustments, adjustmentId, {
        zh: '预算调整方案',
        en: 'adjustment',
      }),
    transition: ({ row: { row } }) => ({
      from: row.status,
      to: row.status === 'submitted' ? input.decision : null,
    }),
    async write({ w, row: { row } }) {
      if (input.decidedOn < row.meetingDate)
        throw invalidField('decidedOn', '决定日期不能早于审查会议', 'decided before the meeting');
      await w.db
        .update(budgetAdjustments)
        .set({ status: input.decision, decidedOn: input.decidedOn, updatedAt: new Date() })
        .where(eq(budgetAdjustments.id, row.id));
      return {
        result: { id: row.id, status: input.decision },
        audit: {
          action: 'budget.decideAdjustment',
          entityType: 'budgetAdjustment',
          entityId: row.id,
          after: input,
        },
      };
    },
  });
}
