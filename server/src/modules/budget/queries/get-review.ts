// The preliminary review of a budget year (预算法 Art. 44, 48–49): the draft's timeliness, the reviewers'
// findings on each focus point of Art. 48 in the law's order (null where none yet), the conclusion, and the
// figures the report is drafted from: this draft's four budgets, the reserve's share, last year's budget
// against its execution, the consultation's counts and the investment list.
import { and, eq, sql } from 'drizzle-orm';
import {
  BUDGET_KINDS,
  draftDeadline,
  draftLate,
  formatFen,
  ratePercent,
  REVIEW_POINTS,
  RESERVE_CODE,
  type BudgetKind,
} from '@minyi/domain/budget';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import {
  budgetConsultationInvitees,
  budgetConsultationOpinions,
  budgetConsultationRounds,
  budgetExecution,
  budgetInvestmentProjects,
  budgetLines,
  budgetReviewConclusions,
  budgetReviewPoints,
  budgets,
} from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { budgetResource, readableBudget, type BudgetRow } from '../budget.repository';

/** Expenditure per budget (the function classes, 2xx) of a budget year, in fen. */
async function expenditureByKind(db: Db, budgetId: string) {
  const rows = await db
    .select({ kind: budgetLines.kind, fen: sql<string>`sum(${budgetLines.amountFen})::text` })
    .from(budgetLines)
    .where(and(eq(budgetLines.budgetId, budgetId), sql`${budgetLines.code} ~ '^2[0-9]{2}$'`))
    .groupBy(budgetLines.kind);
  const out = Object.fromEntries(BUDGET_KINDS.map((k) => [k, 0n])) as Record<BudgetKind, bigint>;
  for (const r of rows) out[r.kind] = BigInt(r.fen);
  return out;
}

export async function reviewFigures(db: Db, b: BudgetRow) {
  const byKind = await expenditureByKind(db, b.id);
  const [reserve] = await db
    .select({ fen: budgetLines.amountFen })
    .from(budgetLines)
    .where(
      and(
        eq(budgetLines.budgetId, b.id),
        eq(budgetLines.kind, 'general'),
        eq(budgetLines.code, RESERVE_CODE),
      ),
    );
  const [last] = await db
    .select()
    .from(budgets)
    .where(and(eq(budgets.congressId, b.congressId), eq(budgets.year, b.year - 1)));
  let lastYear = null;
  if (last) {
    const lastByKind = await expenditureByKind(db, last.id);
    const [spent] = await db
      .select({ fen: sql<string>`coalesce(sum(${budgetExecution.amountFen}), 0)::text` })
      .from(budgetExecution)
      .where(and(eq(budgetExecution.budgetId, last.id), sql`${budgetExecution.code} ~ '^2'`));
    const budgeted = Object.values(lastByKind).reduce((a, x) => a + x, 0n);
    lastYear = {
      year: last.year,
      budget: formatFen(budgeted),
      executed: formatFen(BigInt(spent.fen)),
      rate: ratePercent(BigInt(spent.fen), budgeted),
    };
  }
  const [c] = await db
    .select({
      rounds: sql<number>`count(DISTINCT ${budgetConsultationRounds.id})::int`,
      deputies: sql<number>`count(DISTINCT ${budgetConsultationInvitees.id}) FILTER (WHERE ${budgetConsultationInvitees.kind} = 'deputy')::int`,
      voters: sql<number>`count(DISTINCT ${budgetConsultationInvitees.id}) FILTER (WHERE ${budgetConsultationInvitees.kind} = 'voterRepresentative')::int`,
    })
    .from(budgetConsultationRounds)
    .leftJoin(budgetConsultationInvitees, eq(budgetConsultationInvitees.roundId, budgetConsultationRounds.id))
    .where(eq(budgetConsultationRounds.budgetId, b.id));
  const [o] = await db
    .select({
      opinions: sql<number>`count(*)::int`,
      answered: sql<number>`(count(*) FILTER (WHERE ${budgetConsultationOpinions.status} = 'answered'))::int`,
    })
    .from(budgetConsultationOpinions)
    .where(eq(budgetConsultationOpinions.budgetId, b.id));
  const [p] = await db
    .select({
      count: sql<number>`count(*)::int`,
      amount: sql<string>`coalesce(sum(${budgetInvestmentProjects.amountFen}), 0)::text`,
      urgentCount: sql<number>`(count(*) FILTER (WHERE ${budgetInvestmentProjects.urgent}))::int`,
      urgentAmount: sql<string>`coalesce(sum(${budgetInvestmentProjects.amountFen}) FILTER (WHERE ${budgetInvestmentProjects.urgent}), 0)::text`,
    })
    .from(budgetInvestmentProjects)
    .where(eq(budgetInvestmentProjects.budgetId, b.id));
  return {
    expenditure: Object.fromEntries(BUDGET_KINDS.map((k) => [k, formatFen(byKind[k])])) as Record<
      BudgetKind,
      string
    >,
    reserve: formatFen(reserve?.fen ?? 0n),
    reserveShare: ratePercent(reserve?.fen ?? 0n, byKind.general),
    lastYear,
    consultation: { ...c, ...o },
    investment: {
      count: p.count,
      amount: formatFen(BigInt(p.amount)),
      urgentCount: p.urgentCount,
      urgentAmount: formatFen(BigInt(p.urgentAmount)),
    },
  };
}

export async function loadReview(db: Db, b: BudgetRow) {
  const rows = await db.select().from(budgetReviewPoints).where(eq(budgetReviewPoints.budgetId, b.id));
  const [conclusion] = await db
    .select()
    .from(budgetReviewConclusions)
    .where(eq(budgetReviewConclusions.budgetId, b.id));
  return {
    points: REVIEW_POINTS.map((point) => {
      const r = rows.find((x) => x.point === point);
      return { point, findings: r?.findings ?? null, updatedAt: r?.updatedAt.toISOString() ?? null };
    }),
    conclusion: conclusion
      ? {
          recommendation: conclusion.recommendation,
          suggestions: conclusion.suggestions,
          updatedAt: conclusion.updatedAt.toISOString(),
        }
      : null,
  };
}

export async function getReview(db: Db, actor: Actor, budgetId: string) {
  const b = await readableBudget(db, actor, budgetId);
  return {
    sittingDate: b.sittingDate,
    draftDeadline: draftDeadline(b.sittingDate),
    draftSubmittedOn: b.draftSubmittedOn,
    draftLate: b.draftSubmittedOn ? draftLate(b.sittingDate, b.draftSubmittedOn) : null,
    ...(await loadReview(db, b)),
    figures: await reviewFigures(db, b),
    abilities: budgetPolicy.abilities(actor, budgetResource(b)),
  };
}
