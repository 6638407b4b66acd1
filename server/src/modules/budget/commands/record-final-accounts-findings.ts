// The reviewers' findings on one of the 12 points of the final accounts' review (预算法 Art. 79); the last stands.
import { and, eq } from 'drizzle-orm';
import type { FinalAccountsPoint } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { step } from '../../../platform/step';
import { budgetFinalAccountPoints as p } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetStep } from '../budget.repository';

export function recordFinalAccountsFindings(
  ctx: Ctx,
  budgetId: string,
  point: FinalAccountsPoint,
  input: { findings: string },
) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'recordFinalAccounts',
    load: (w, actor) => loadBudgetStep(w, actor, budgetId),
    async write({ w, row: budget, actor }) {
      const [before] = await w.db
        .select({ findings: p.findings })
        .from(p)
        .where(and(eq(p.budgetId, budget.id), eq(p.point, point)));
      const at = new Date();
      await w.db
        .insert(p)
        .values({
          budgetId: budget.id,
          congressId: budget.congressId,
          point,
          findings: input.findings,
          updatedBy: actor.accountId,
          updatedAt: at,
        })
        .onConflictDoUpdate({
          target: [p.budgetId, p.point],
          set: { findings: input.findings, updatedBy: actor.accountId, updatedAt: at },
        });
      return {
        result: { point, findings: input.findings, updatedAt: at.toISOString() },
        audit: {
          action: 'budget.recordFinalAccountsFindings',
          entityType: 'budget',
          entityId: budget.id,
          before: before ? { point, findings: before.findings } : undefined,
          after: { point, findings: input.findings },
        },
      };
    },
  });
}
