// The lines under a classification code prefix, by code, each with what was spent on it or below it this year and
// the execution rate (the drill-down: 类 → 款 → 项). Cursor over (code, budget).
import { and, asc, eq, gt, like, or, sql } from 'drizzle-orm';
import { formatFen, ratePercent, type BudgetKind } from '@minyi/domain/budget';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { decodeCursor, page } from '../../../platform/http';
import { budgetLines } from '../budget.table';
import { readableBudget } from '../budget.repository';

const LEVEL_LENGTH = { class: 3, section: 5, item: 7 } as const;

export async function findLines(
  db: Db,
  actor: Actor,
  budgetId: string,
  q: {
    code?: string;
    budget?: BudgetKind;
    level?: keyof typeof LEVEL_LENGTH;
    cursor?: string;
    limit: number;
  },
) {
  await readableBudget(db, actor, budgetId);
  const after = decodeCursor(q.cursor, ['text', 'text']);
  // Qualified by hand: inside the subquery drizzle would name both tables' `code` alike.
  // A line's execution is every row on its code or below it. Codes are digits only, at most 7, so the codes under
  // `p` are exactly those between `p` and `p || '9999'`: a range the primary key (budget_id, code, month) reads,
  // where `LIKE p || '%'` with a per-row pattern scanned every execution row of the budget for each line.
  const executed = sql<string>`coalesce((SELECT sum(e.amount_fen) FROM budget_execution e
    WHERE e.budget_id = "budget_lines"."budget_id"
      AND e.code >= "budget_lines"."code" AND e.code <= "budget_lines"."code" || '9999'
      AND e.code LIKE "budget_lines"."code" || '%'), 0)::text`;
  const rows = await db
    .select({
      code: budgetLines.code,
      name: budgetLines.name,
      budget: budgetLines.kind,
      amountFen: budgetLines.amountFen,
      executed,
    })
    .from(budgetLines)
    .where(
      and(
        eq(budgetLines.budgetId, budgetId),
        q.code ? like(budgetLines.code, `${q.code}%`) : undefined,
        q.budget ? eq(budgetLines.kind, q.budget) : undefined,
        q.level ? sql`length(${budgetLines.code}) = ${LEVEL_LENGTH[q.level]}` : undefined,
        after
          ? or(
              gt(budgetLines.code, after[0]),
              and(eq(budgetLines.code, after[0]), sql`${budgetLines.kind} > ${after[1]}`),
            )
          : undefined,
      ),
    )
    .orderBy(asc(budgetLines.code), asc(budgetLines.kind))
    .limit(q.limit + 1);
  const items = rows.map((r) => {
    const spent = BigInt(r.executed);
    return {
      code: r.code,
      name: r.name,
      budget: r.budget,
      amount: formatFen(r.amountFen),
      executed: formatFen(spent),
      rate: ratePercent(spent, r.amountFen),
    };
  });
  return page(items, q.limit, (r) => [r.code, r.budget]);
}
