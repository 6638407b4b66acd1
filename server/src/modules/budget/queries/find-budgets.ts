// The congress's budget years, newest first, with each one's total by budget (the sum of its 类 lines) and
// whether the draft reached the standing committee in time (Art. 44).
import { and, desc, eq, sql } from 'drizzle-orm';
import { BUDGET_KINDS, draftDeadline, draftLate, formatFen, type BudgetKind } from '@minyi/domain/budget';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { budgetLines, budgets } from '../budget.table';
import { READERS } from '../budget.policy';

/** Totals by budget of the 类-level expenditure lines (function 2xx) of some budgets. */
export async function totalsByKind(db: Db, budgetIds: string[]) {
  if (!budgetIds.length) return new Map<string, Record<BudgetKind, string>>();
  const rows = await db
    .select({
      budgetId: budgetLines.budgetId,
      kind: budgetLines.kind,
      total: sql<string>`sum(${budgetLines.amountFen})::text`,
    })
    .from(budgetLines)
    .where(and(sql`${budgetLines.budgetId} IN ${budgetIds}`, sql`${budgetLines.code} ~ '^2[0-9]{2}$'`))
    .groupBy(budgetLines.budgetId, budgetLines.kind);
  const out = new Map<string, Record<BudgetKind, string>>();
  for (const id of budgetIds)
    out.set(id, Object.fromEntries(BUDGET_KINDS.map((k) => [k, '0.00'])) as Record<BudgetKind, string>);
  for (const r of rows) out.get(r.budgetId)![r.kind] = formatFen(BigInt(r.total));
  return out;
}

export async function findBudgets(db: Db, actor: Actor) {
  const reader = READERS.some((r) => actor.roles.includes(r));
  if (!reader && !actor.handlingUnitId) throw forbidden();
  const rows = await db
    .select()
    .from(budgets)
    .where(
      and(
        eq(budgets.congressId, actor.congressId),
        reader ? undefined : eq(budgets.financeUnitId, actor.handlingUnitId!),
      ),
    )
    .orderBy(desc(budgets.year))
    .limit(100);
  const totals = await totalsByKind(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((b) => ({
      id: b.id,
      year: b.year,
      sittingDate: b.sittingDate,
      draftDeadline: draftDeadline(b.sittingDate),
      draftSubmittedOn: b.draftSubmittedOn,
      draftLate: b.draftSubmittedOn ? draftLate(b.sittingDate, b.draftSubmittedOn) : null,
      approvedOn: b.approvedOn,
      publishedOn: b.publishedOn,
      totals: totals.get(b.id)!,
    })),
    nextCursor: null,
  };
}
