// One month's execution per code (that month's spending or revenue, not year to date), from congress staff or
// the finance department's staff (its system's feed, 联网监督, 监督法 Art. 30). Importing a month again replaces
// that month's figures for the codes it lists and leaves the others.
import { sql } from 'drizzle-orm';
import { formatFen, parseYuan, type ExecutionImport } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { budgetExecution } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetStep } from '../budget.repository';

export function importExecution(ctx: Ctx, budgetId: string, input: ExecutionImport) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'importExecution',
    load: (w, actor) => loadBudgetStep(w, actor, budgetId),
    async write({ w, row: budget }) {
      const [year, month] = input.month.split('-').map(Number);
      if (year !== budget.year)
        throw new AppError(
          400,
          'validation_failed',
          { zh: `月份应在${budget.year}年度内`, en: `The month must be within ${budget.year}` },
          {
            errors: [
              {
                field: 'month',
                in: 'body',
                code: 'invalid',
                message: { zh: '不在预算年度内', en: 'outside the budget year' },
              },
            ],
          },
        );
      // Rows for the same code add up (a finance system may send a code's payments one by one).
      const byCode = new Map<string, bigint>();
      for (const r of input.rows) byCode.set(r.code, (byCode.get(r.code) ?? 0n) + parseYuan(r.amount)!);
      const values = [...byCode].map(([code, fen]) => ({
        congressId: budget.congressId,
        budgetId: budget.id,
        code,
        month,
        amountFen: fen,
      }));
      for (let i = 0; i < values.length; i += 2000)
        await w.db
          .insert(budgetExecution)
          .values(values.slice(i, i + 2000))
          .onConflictDoUpdate({
            target: [budgetExecution.budgetId, budgetExecution.code, budgetExecution.month],
            set: { amountFen: sql`excluded.amount_fen`, importedAt: new Date() },
          });
      const total = values.reduce((a, v) => a + v.amountFen, 0n);
      return {
        result: { month: input.month, codes: values.length, total: formatFen(total) },
        audit: {
          action: 'budget.importExecution',
          entityType: 'budget',
          entityId: budget.id,
          after: { month: input.month, codes: values.length, total: formatFen(total) },
        },
      };
    },
  });
}
