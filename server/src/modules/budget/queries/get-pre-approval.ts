// Spending before the budget's approval against 预算法 Art. 54: the months that began before approval, this year's
// spending in them per function class against last year's same months (Art. 54 (2): at last year's level), the
// classes above it, and the urgent investment projects released early with the ground each stood on.
import { and, eq, lte, sql } from 'drizzle-orm';
import {
  formatFen,
  monthsBeforeApproval,
  preApprovalAboveLastYear,
  RELEASE_BASES,
  type ReleaseBasis,
} from '@minyi/domain/budget';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { budgetExecution as e, budgetInvestmentProjects as p, budgetLines, budgets } from '../budget.table';
import { readableBudget } from '../budget.repository';

async function byClass(db: Db, budgetId: string, months: number) {
  const rows = await db
    .select({ code: sql<string>`left(${e.code}, 3)`, fen: sql<string>`sum(${e.amountFen})::text` })
    .from(e)
    .where(and(eq(e.budgetId, budgetId), lte(e.month, months), sql`${e.code} ~ '^2'`))
    .groupBy(sql`left(${e.code}, 3)`);
  return new Map(rows.map((r) => [r.code, BigInt(r.fen)]));
}

export async function getPreApproval(db: Db, actor: Actor, budgetId: string) {
  const b = await readableBudget(db, actor, budgetId);
  const months = monthsBeforeApproval(b.year, b.approvedOn, shanghaiDate(new Date()));
  const [last] = await db
    .select({ id: budgets.id })
    .from(budgets)
    .where(and(eq(budgets.congressId, b.congressId), eq(budgets.year, b.year - 1)));
  const now = months ? await byClass(db, b.id, months) : new Map<string, bigint>();
  const before = months && last ? await byClass(db, last.id, months) : new Map<string, bigint>();
  const names = await db
    .select({ code: budgetLines.code, name: budgetLines.name })
    .from(budgetLines)
    .where(and(eq(budgetLines.budgetId, b.id), sql`length(${budgetLines.code}) = 3`));
  const codes = [...new Set([...now.keys(), ...before.keys()])].sort();
  const classes = codes.map((code) => {
    const thisYear = now.get(code) ?? 0n;
    const lastYear = before.get(code) ?? 0n;
    return {
      code,
      name: names.find((n) => n.code === code)?.name ?? '',
      thisYear: formatFen(thisYear),
      lastYear: formatFen(lastYear),
      above: !!last && preApprovalAboveLastYear(thisYear, lastYear),
    };
  });
  const released = await db
    .select({
      basis: p.releaseBasis,
      count: sql<number>`count(*)::int`,
      fen: sql<string>`sum(${p.amountFen})::text`,
    })
    .from(p)
    .where(and(eq(p.budgetId, b.id), sql`${p.releasedOn} IS NOT NULL`))
    .groupBy(p.releaseBasis);
  const total = (xs: { fen: string }[]) => formatFen(xs.reduce((s, x) => s + BigInt(x.fen), 0n));
  return {
    approvedOn: b.approvedOn,
    months,
    lastYearAvailable: !!last,
    thisYear: formatFen(classes.reduce((s, c) => s + (now.get(c.code) ?? 0n), 0n)),
    lastYear: formatFen(classes.reduce((s, c) => s + (before.get(c.code) ?? 0n), 0n)),
    classes,
    releases: {
      count: released.reduce((s, r) => s + r.count, 0),
      amount: total(released),
      byBasis: RELEASE_BASES.map((basis: ReleaseBasis) => {
        const r = released.find((x) => x.basis === basis);
        return { basis, count: r?.count ?? 0, amount: formatFen(BigInt(r?.fen ?? '0')) };
      }),
    },
  };
}
