// Records the budget's dates as they happen: the draft reaching the standing committee (Art. 44), approval by
// the congress, publication (Art. 14). The warnings read them.
import { eq } from 'drizzle-orm';
import type { UpdateBudgetDates } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { step } from '../../../platform/step';
import { budgets } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetStep } from '../budget.repository';

export function updateBudgetDates(ctx: Ctx, budgetId: string, input: UpdateBudgetDates) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'updateDates',
    load: (w, actor) => loadBudgetStep(w, actor, budgetId),
    async write({ w, row }) {
      const before = {
        draftSubmittedOn: row.draftSubmittedOn,
        approvedOn: row.approvedOn,
        publishedOn: row.publishedOn,
      };
      const after = { ...before, ...input };
      await w.db
        .update(budgets)
        .set({ ...after, updatedAt: new Date() })
        .where(eq(budgets.id, row.id));
      return {
        result: { id: row.id, ...after },
        audit: { action: 'budget.updateDates', entityType: 'budget', entityId: row.id, before, after },
      };
    },
  });
}
