// The investment list's totals: how many projects and how much, how many urgent and how much (the early release
// under Art. 54) and how many of those were released, and the totals by category and by street for the chart.
import { eq, sql } from 'drizzle-orm';
import { formatFen } from '@minyi/domain/budget';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { budgetInvestmentProjects as p } from '../budget.table';
import { readableBudget } from '../budget.repository';

export async function getInvestmentSummary(db: Db, actor: Actor, budgetId: string) {
  await readableBudget(db, actor, budgetId);
  const [t] = await db
    .select({
      count: sql<number>`count(*)::int`,
      urgentCount: sql<number>`count(*) FILTER (WHERE ${p.urgent})::int`,
      amount: sql<string>`coalesce(sum(${p.amountFen}), 0)::text`,
      urgentAmount: sql<string>`coalesce(sum(${p.amountFen}) FILTER (WHERE ${p.urgent}), 0)::text`,
      releasedCount: sql<number>`count(*) FILTER (WHERE ${p.releasedOn} IS NOT NULL)::int`,
      releasedAmount: sql<string>`coalesce(sum(${p.amountFen}) FILTER (WHERE ${p.releasedOn} IS NOT NULL), 0)::text`,
    })
    .from(p)
    .where(eq(p.budgetId, budgetId));
  const group = (col: typeof p.category | typeof p.street) =>
    db
      .select({
        key: col,
        count: sql<number>`count(*)::int`,
        amount: sql<string>`sum(${p.amountFen})::text`,
        urgentAmount: sql<string>`coalesce(sum(${p.amountFen}) FILTER (WHERE ${p.urgent}), 0)::text`,
      })
      .from(p)
      .where(eq(p.budgetId, budgetId))
      .groupBy(col)
      .orderBy(sql`sum(${p.amountFen}) DESC`);
  const fmt = (rows: Awaited<ReturnType<typeof group>>) =>
    rows.map((r) => ({
      key: r.key,
      count: r.count,
      amount: formatFen(BigInt(r.amount)),
      urgentAmount: formatFen(BigInt(r.urgentAmount)),
    }));
  const byCategory = fmt(await group(p.category));
  const byStreet = fmt(await group(p.street));
  return {
    count: t.count,
    urgentCount: t.urgentCount,
    urgentAmount: formatFen(BigInt(t.urgentAmount)),
    amount: formatFen(BigInt(t.amount)),
    releasedCount: t.releasedCount,
    releasedAmount: formatFen(BigInt(t.releasedAmount)),
    byCategory,
    byStreet,
  };
}
