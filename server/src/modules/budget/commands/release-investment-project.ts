// An urgent project of the pre-arrangement list released before the congress approves the budget, on a ground of
// 预算法 Art. 54 (the standing committee's pre-session review of the list, 急用项目及时下达). Only an urgent project,
// once, and before the approval (after it the budget itself governs).
import { eq } from 'drizzle-orm';
import type { ReleaseInvestmentProject } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { budgetInvestmentProjects } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetChildStep } from '../budget.repository';

export function releaseInvestmentProject(ctx: Ctx, projectId: string, input: ReleaseInvestmentProject) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'releaseInvestmentProject',
    load: (w, actor) =>
      loadBudgetChildStep(w, actor, budgetInvestmentProjects, projectId, {
        zh: '政府投资项目',
        en: 'investment project',
      }),
    transition: ({ row: { row } }) => ({
      from: row.releasedOn ? 'released' : 'listed',
      to: row.releasedOn ? null : 'released',
    }),
    async write({ w, row: { row, budget } }) {
      if (!row.urgent)
        throw conflict('not_urgent', {
          zh: '只有急用项目可以在预算批准前提前下达',
          en: 'Only an urgent project may be released before the budget is approved',
        });
      if (budget.approvedOn && input.releasedOn >= budget.approvedOn)
        throw invalidField(
          'releasedOn',
          '提前下达应在预算批准之前',
          'an early release comes before the budget’s approval',
        );
      await w.db
        .update(budgetInvestmentProjects)
        .set({ releasedOn: input.releasedOn, releaseBasis: input.basis, releaseNote: input.note })
        .where(eq(budgetInvestmentProjects.id, row.id));
      return {
        result: { id: row.id, releasedOn: input.releasedOn, basis: input.basis },
        audit: {
          action: 'budget.releaseInvestmentProject',
          entityType: 'budgetInvestmentProject',
          entityId: row.id,
          after: input,
        },
      };
    },
  });
}
