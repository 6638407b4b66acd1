// The day a recorded transfer was issued (正式下达); once issued it is not issued again.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { budgetTransfers } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetChildStep } from '../budget.repository';

export function issueTransfer(ctx: Ctx, transferId: string, input: { issuedOn: string }) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'recordTransfer',
    load: (w, actor) =>
      loadBudgetChildStep(w, actor, budgetTransfers, transferId, { zh: '转移支付', en: 'transfer' }),
    transition: ({ row: { row } }) => ({
      from: row.issuedOn ? 'issued' : 'pending',
      to: row.issuedOn ? null : 'issued',
    }),
    async write({ w, row: { row, budget } }) {
      if (budget.approvedOn && input.issuedOn < budget.approvedOn)
        throw invalidField('issuedOn', '下达日期早于预算批准日期', 'issued before the budget was approved');
      await w.db
        .update(budgetTransfers)
        .set({ issuedOn: input.issuedOn, updatedAt: new Date() })
        .where(eq(budgetTransfers.id, row.id));
      return {
        result: { id: row.id, issuedOn: input.issuedOn },
        audit: {
          action: 'budget.issueTransfer',
          entityType: 'budgetTransfer',
          entityId: row.id,
          after: { issuedOn: input.issuedOn },
        },
      };
    },
  });
}
