// A project of the government investment pre-arrangement list (政府投资项目预安排), reviewed before the sitting;
// an urgent one may be released early within 预算法 Art. 54 (spending before approval).
import { formatFen, parseYuan, type CreateInvestmentProject } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { budgetInvestmentProjects } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetStep } from '../budget.repository';

export function addInvestmentProject(ctx: Ctx, budgetId: string, input: CreateInvestmentProject) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'addInvestmentProject',
    load: (w, actor) => loadBudgetStep(w, actor, budgetId),
    async write({ w, row: budget }) {
      const row = {
        id: newId(),
        congressId: budget.congressId,
        budgetId: budget.id,
        ...input,
        amountFen: parseYuan(input.amount)!,
      };
      const { amount: _amount, ...stored } = row;
      await w.db.insert(budgetInvestmentProjects).values(stored);
      return {
        result: { id: row.id },
        audit: {
          action: 'budget.addInvestmentProject',
          entityType: 'budgetInvestmentProject',
          entityId: row.id,
          after: { ...input, amount: formatFen(row.amountFen), budgetId: budget.id },
        },
      };
    },
  });
}
