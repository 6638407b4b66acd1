// A carry-over into the budget year (结转资金, 预算法 Art. 42) with the year it was first carried from and what of
// it is still unused; unused for two years it becomes a balance (the carryOverIdle warning).
import { formatFen, parseYuan, type CreateCarryOver } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { budgetCarryOvers } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetStep } from '../budget.repository';

export function recordCarryOver(ctx: Ctx, budgetId: string, input: CreateCarryOver) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'recordCarryOver',
    load: (w, actor) => loadBudgetStep(w, actor, budgetId),
    async write({ w, row: budget }) {
      if (input.fromYear >= budget.year)
        throw invalidField('fromYear', '结转年度应早于本预算年度', 'carried from a year before this one');
      const amountFen = parseYuan(input.amount)!;
      const unusedFen = parseYuan(input.unused)!;
      if (unusedFen > amountFen)
        throw invalidField(
          'unused',
          '未使用金额不能大于结转金额',
          'the unused amount exceeds the carry-over',
        );
      const row = {
        id: newId(),
        congressId: budget.congressId,
        budgetId: budget.id,
        code: input.code,
        name: input.name,
        fromYear: input.fromYear,
        amountFen,
        unusedFen,
      };
      await w.db.insert(budgetCarryOvers).values(row);
      return {
        result: { id: row.id },
        audit: {
          action: 'budget.recordCarryOver',
          entityType: 'budgetCarryOver',
          entityId: row.id,
          after: { ...input, amount: formatFen(amountFen), unused: formatFen(unusedFen) },
        },
      };
    },
  });
}
