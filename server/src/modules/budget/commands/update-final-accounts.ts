// The final accounts' dates as they happen (监督法 Art. 19, 27; 预算法 Art. 77–79): the draft's submission, the
// audit work report heard with it, the rectification report heard, the approval. A field left out stays.
import { eq } from 'drizzle-orm';
import type { UpdateFinalAccounts } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { budgetFinalAccounts } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetStep } from '../budget.repository';

export function updateFinalAccounts(ctx: Ctx, budgetId: string, input: UpdateFinalAccounts) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'recordFinalAccounts',
    load: (w, actor) => loadBudgetStep(w, actor, budgetId),
    async write({ w, row: budget }) {
      for (const [k, v] of Object.entries(input))
        if (v && Number(v.slice(0, 4)) <= budget.year)
          throw invalidField(k, '决算事项应在预算年度结束之后', 'final accounts come after the budget year');
      const [before] = await w.db
        .select()
        .from(budgetFinalAccounts)
        .where(eq(budgetFinalAccounts.budgetId, budget.id));
      const next = {
        submittedOn: before?.submittedOn ?? null,
        auditReportOn: before?.auditReportOn ?? null,
        rectificationHeardOn: before?.rectificationHeardOn ?? null,
        approvedOn: before?.approvedOn ?? null,
        ...input,
      };
      if (
        next.rectificationHeardOn &&
        (!next.auditReportOn || next.rectificationHeardOn < next.auditReportOn)
      )
        throw invalidField(
          'rectificationHeardOn',
          '整改情况报告应在审计工作报告之后听取',
          'the rectification report is heard after the audit report',
        );
      const at = new Date();
      await w.db
        .insert(budgetFinalAccounts)
        .values({ budgetId: budget.id, congressId: budget.congressId, ...next, updatedAt: at })
        .onConflictDoUpdate({ target: budgetFinalAccounts.budgetId, set: { ...next, updatedAt: at } });
      return {
        result: next,
        audit: {
          action: 'budget.updateFinalAccounts',
          entityType: 'budget',
          entityId: budget.id,
          before: before ?? undefined,
          after: next,
        },
      };
    },
  });
}
