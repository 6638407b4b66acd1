// The handling report for the standing committee (代表法 Art. 51 ¶3): counts by unit, category, result and rating,
// with the solved rate and the satisfaction rate side by side; the quality review's own statistics; follow-up.
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { readSuggestionSettings } from '../suggestions.repository';

type Rows<T> = { rows: T[] };
const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

export interface ReportFilter {
  sittingId?: string;
  year?: number;
}

export async function getHandlingReport(ctx: Ctx, f: ReportFilter) {
  const actor = requireRole(ctx.actor, ['congressStaff', 'leader']);
  const db = ctx.app.db;
  const conds: SQL[] = [
    sql`s.congress_id = ${actor.congressId}`,
    sql`s.status NOT IN ('draft', 'awaitingCosigners', 'withdrawn')`,
  ];
  if (f.sittingId) conds.push(sql`s.sitting_id = ${f.sittingId}`);
  if (f.year) conds.push(sql`extract(year FROM s.submitted_at AT TIME ZONE 'Asia/Shanghai') = ${f.year}`);
  const where = sql.join(conds, sql` AND `);
  const q = async <T>(query: SQL) => ((await db.execute(query)) as unknown as Rows<T>).rows;

  const [totals] = await q<Record<string, number>>(sql`
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE s.status = 'referredAsOpinion')::int AS referred,
      count(*) FILTER (WHERE s.status = 'returnedForRevision')::int AS returned,
      count(*) FILTER (WHERE s.assigned_at IS NOT NULL)::int AS assigned,
      count(*) FILTER (WHERE s.replied_at IS NOT NULL)::int AS replied,
      count(*) FILTER (WHERE s.status IN ('assigned', 'handBackRequested', 'rehandling') AND s.deadline < now())::int AS overdue,
      count(*) FILTER (WHERE s.is_key)::int AS "key",
      count(*) FILTER (WHERE s.extended)::int AS extended,
      count(*) FILTER (WHERE s.rehandling_round > 0)::int AS rehandled,
      count(*) FILTER (WHERE s.status = 'followUp')::int AS "followUp",
      count(*) FILTER (WHERE s.follow_up_solved_at IS NOT NULL)::int AS "followUpSolved",
      count(*) FILTER (WHERE s.reply_category = 'A')::int AS solved,
      count(*) FILTER (WHERE s.review_checks IS NOT NULL AND (s.review_checks->>'oneMatter') = 'false')::int AS "failedOneMatter",
      count(*) FILTER (WHERE s.review_checks IS NOT NULL AND (s.review_checks->>'notPersonal') = 'false')::int AS "failedNotPersonal",
      count(*) FILTER (WHERE s.review_checks IS NOT NULL AND (s.review_checks->>'specific') = 'false')::int AS "failedSpecific",
      count(*) FILTER (WHERE s.reviewed_at IS NOT NULL)::int AS reviewed
    FROM suggestions s WHERE ${where}`);

  const byCategory = await q<{ key: string; count: number }>(sql`
    SELECT s.category AS key, count(*)::int AS count FROM suggestions s WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`);
  const byResult = await q<{ key: string; count: number }>(sql`
    SELECT s.reply_category AS key, count(*)::int AS count FROM suggestions s WHERE ${where} AND s.reply_category IS NOT NULL GROUP BY 1 ORDER BY 1`);
  const byStatus = await q<{ key: string; count: number }>(sql`
    SELECT s.status AS key, count(*)::int AS count FROM suggestions s WHERE ${where} GROUP BY 1 ORDER BY 1`);
  // Ratings of the first reply (初次办理满意率) and of the latest one.
  const ratingRows = await q<{ rating: string; round: number; count: number }>(sql`
    SELECT r.rating, p.round, count(*)::int AS count
    FROM suggestion_ratings r JOIN suggestion_replies p ON p.id = r.reply_id JOIN suggestions s ON s.id = r.suggestion_id
    WHERE ${where} GROUP BY 1, 2`);
  const byUnit = await q<{
    unitId: string;
    name: string;
    assigned: number;
    replied: number;
    overdue: number;
    solved: number;
    satisfied: number;
    rated: number;
  }>(sql`
    SELECT u.id AS "unitId", u.name,
      count(*)::int AS assigned,
      count(*) FILTER (WHERE s.replied_at IS NOT NULL)::int AS replied,
      count(*) FILTER (WHERE s.status IN ('assigned', 'handBackRequested', 'rehandling') AND s.deadline < now())::int AS overdue,
      count(*) FILTER (WHERE s.reply_category = 'A')::int AS solved,
      count(*) FILTER (WHERE s.rating IN ('satisfied', 'basicallySatisfied'))::int AS satisfied,
      count(*) FILTER (WHERE s.rating IS NOT NULL)::int AS rated
    FROM suggestions s JOIN handling_units u ON u.id = s.lead_unit_id
    WHERE ${where} GROUP BY 1, 2 ORDER BY 3 DESC, 2`);

  const settings = await readSuggestionSettings(db, actor.congressId);
  const ratingCount = (rating: string, round?: number) =>
    ratingRows
      .filter((r) => r.rating === rating && (round === undefined || r.round === round))
      .reduce((a, r) => a + r.count, 0);
  const firstRated = ratingRows.filter((r) => r.round === 1).reduce((a, r) => a + r.count, 0);
  const allRated = ratingRows.reduce((a, r) => a + r.count, 0);
  const ratedItems = byUnit.reduce((a, u) => a + u.rated, 0);
  const satisfiedItems = byUnit.reduce((a, u) => a + u.satisfied, 0);

  return {
    filter: f,
    totals,
    review: {
      reviewed: totals.reviewed,
      accepted: totals.assigned + (byStatus.find((s) => s.key === 'accepted')?.count ?? 0),
      returned: totals.returned,
      referred: totals.referred,
      failedChecks: {
        oneMatter: totals.failedOneMatter,
        notPersonal: totals.failedNotPersonal,
        specific: totals.failedSpecific,
      },
    },
    // Solved rate (A of replied) and satisfaction rate (satisfied + basically satisfied of rated) side by side.
    solvedRate: pct(totals.solved, totals.replied),
    satisfactionRate: pct(satisfiedItems, ratedItems),
    firstReplySatisfactionRate: pct(
      ratingCount('satisfied', 1) + ratingCount('basicallySatisfied', 1),
      firstRated,
    ),
    byCategory: byCategory.map((c) => ({
      ...c,
      label: settings.suggestionCategories.find((x) => x.code === c.key)?.zh ?? c.key,
    })),
    byResult: byResult.map((c) => ({
      ...c,
      label: settings.replyCategories.find((x) => x.code === c.key)?.zh ?? c.key,
    })),
    byStatus,
    byRating: (['satisfied', 'basicallySatisfied', 'dissatisfied'] as const).map((r) => ({
      key: r,
      count: ratingCount(r),
      firstRound: ratingCount(r, 1),
    })),
    ratingsTotal: allRated,
    byUnit: byUnit.map((u) => ({
      ...u,
      solvedRate: pct(u.solved, u.replied),
      satisfactionRate: pct(u.satisfied, u.rated),
    })),
  };
}
