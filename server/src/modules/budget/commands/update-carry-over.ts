// What of a carry-over is still unused, as it is spent.
import { eq } from 'drizzle-orm';
import { formatFen, parseYuan } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { budgetCarryOvers } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetChildStep } from '../budget.repository';

export function updateCarryOver(ctx: Ctx, carryOverId: string, input: { unused: string }) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'recordCarryOver',
    load: (w, actor) =>
      loadBudgetChildStep(w, actor, budgetCarryOvers, carryOverId, { zh: '结转资金', en: 'carry-over' }),
    async write({ w, row: { row } }) {
      const unusedFen = parseYuan(input.unused)!;
      if (unusedFen > row.amountFen)
        throw invalidField(
          'unused',
          '未使用金额不能大于结转金额',
          'the unused amount exceeds the carry-over',
        );
      await w.db
        .update(budgetCarryOvers)
        .set({ unusedFen, updatedAt: new Date() })
        .where(eq(budgetCarryOvers.id, row.id));
      return {
        result: { id: row.id, unused: formatFen(unusedFen) },
        audit: {
          action: 'budget.updateCarryOver',
          entityType: 'budgetCarryOver',
          entityId: row.id,
          before: { unused: formatFen(row.unusedFen) },
          after: { unused: formatFen(unusedFen) },
        },
      };
    },
  });
}
