// A transfer to a lower level recorded on the budget year (预算法 Art. 52: general transfers issued within 30
// days of approval, special within 60), by congress staff or the finance department's feed; issued or not yet.
import { formatFen, parseYuan, type CreateTransfer } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { budgetTransfers } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetStep } from '../budget.repository';

export function recordTransfer(ctx: Ctx, budgetId: string, input: CreateTransfer) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'recordTransfer',
    load: (w, actor) => loadBudgetStep(w, actor, budgetId),
    async write({ w, row: budget }) {
      if (input.issuedOn && budget.approvedOn && input.issuedOn < budget.approvedOn)
        throw invalidField('issuedOn', '下达日期早于预算批准日期', 'issued before the budget was approved');
      const row = {
        id: newId(),
        congressId: budget.congressId,
        budgetId: budget.id,
        code: input.code,
        recipient: input.recipient,
        kind: input.kind,
        purpose: input.purpose,
        amountFen: parseYuan(input.amount)!,
        issuedOn: input.issuedOn,
      };
      await w.db.insert(budgetTransfers).values(row);
      return {
        result: { id: row.id },
        audit: {
          action: 'budget.recordTransfer',
          entityType: 'budgetTransfer',
          entityId: row.id,
          after: { ...input, amount: formatFen(row.amountFen), budgetId: budget.id },
        },
      };
    },
  });
}
