// The execution curve of a code prefix (or the whole budget): month by month, that month's spending, the
// cumulative spending and its rate against the budget of the prefix's lines, beside the elapsed share of the year
// (序时进度). Expenditure only (revenue codes 1xx are not spending).
import { and, eq, like, sql } from 'drizzle-orm';
import { formatFen, ratePercent } from '@minyi/domain/budget';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { budgetExecution, budgetLines } from '../budget.table';
import { readableBudget } from '../budget.repository';

export async function getExecutionCurve(db: Db, actor: Actor, budgetId: string, q: { code?: string }) {
  await readableBudget(db, actor, budgetId);
  const prefix = q.code ?? '';
  // The budget of the prefix: its top lines only (a line whose parent is also under the prefix is counted there).
  const lines = await db
    .select({ code: budgetLines.code, fen: budgetLines.amountFen })
    .from(budgetLines)
    .where(
      and(
        eq(budgetLines.budgetId, budgetId),
        like(budgetLines.code, `${prefix}%`),
        sql`${budgetLines.code} NOT LIKE '1%'`,
      ),
    );
  const codes = new Set(lines.map((l) => l.code));
  let budgetFen = 0n;
  for (const l of lines) {
    let p = l.code.length > 3 ? l.code.slice(0, -2) : null;
    let covered = false;
    while (p && p.startsWith(prefix)) {
      if (codes.has(p)) covered = true;
      p = p.length > 3 ? p.slice(0, -2) : null;
    }
    if (!covered) budgetFen += l.fen;
  }
  const months = await db
    .select({ month: budgetExecution.month, spent: sql<string>`sum(${budgetExecution.amountFen})::text` })
    .from(budgetExecution)
    .where(
      and(
        eq(budgetExecution.budgetId, budgetId),
        like(budgetExecution.code, `${prefix}%`),
        sql`${budgetExecution.code} NOT LIKE '1%'`,
      ),
    )
    .groupBy(budgetExecution.month);
  const byMonth = new Map(months.map((m) => [m.month, BigInt(m.spent)]));
  const last = months.reduce((a, m) => Math.max(a, m.month), 0);
  let cumulative = 0n;
  const items = Array.from({ length: last }, (_, i) => {
    const month = i + 1;
    const spent = byMonth.get(month) ?? 0n;
    cumulative += spent;
    return {
      month,
      spent: formatFen(spent),
      cumulative: formatFen(cumulative),
      rate: ratePercent(cumulative, budgetFen),
      elapsed: ratePercent(BigInt(month), 12n),
    };
  });
  return { code: prefix, budget: formatFen(budgetFen), executed: formatFen(cumulative), items };
}
