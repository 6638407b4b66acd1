// The year-end view of follow-up (跟踪办理, 上海规定 Art. 22): the items first answered B or C in the year (or the
// sitting), where each stands now from its records — reported solved, moved up a category (C→B), or still
// pending — counted per lead unit and by movement (e.g. B→solved, C→B).
import { sql, type SQL } from 'drizzle-orm';
import { followUpOutcome, type FollowUpOutcome } from '@minyi/domain/suggestions';
import type { Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { readSuggestionSettings } from '../suggestions.repository';

export interface FollowUpFilter {
  sittingId?: string;
  year?: number;
  unitId?: string;
}

interface Row {
  id: string;
  number: string | null;
  title: string;
  status: string;
  unitId: string | null;
  unitName: string | null;
  firstCategory: string;
  firstAnsweredAt: string;
  latestCategory: string | null;
  solvedAt: string | null;
  isKey: boolean;
}

type Counts = Record<FollowUpOutcome, number> & { total: number };
const zero = (): Counts => ({ total: 0, solved: 0, improved: 0, pending: 0 });
const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

export async function getFollowUpReport(ctx: Ctx, f: FollowUpFilter) {
  const actor = requireRole(ctx.actor, ['congressStaff', 'leader']);
  const db = ctx.app.db;
  const settings = await readSuggestionSettings(db, actor.congressId);
  const order = settings.replyCategories.map((c) => c.code);
  const followUp = settings.followUpCategories.filter((c) => order.includes(c));
  const empty = {
    filter: f,
    followUpCategories: followUp,
    totals: zero(),
    movements: [],
    byUnit: [],
    items: [],
  };
  if (followUp.length === 0) return empty;

  const conds: SQL[] = [sql`s.congress_id = ${actor.congressId}`];
  if (f.sittingId) conds.push(sql`s.sitting_id = ${f.sittingId}`);
  if (f.year) conds.push(sql`extract(year FROM fr.created_at AT TIME ZONE 'Asia/Shanghai') = ${f.year}`);
  if (f.unitId) conds.push(sql`s.lead_unit_id = ${f.unitId}`);
  const res = (await db.execute(sql`
    WITH fr AS (
      SELECT DISTINCT ON (p.suggestion_id) p.suggestion_id, p.category, p.created_at
      FROM suggestion_replies p
      WHERE p.congress_id = ${actor.congressId}
        AND p.category IN (${sql.join(
          followUp.map((c) => sql`${c}`),
          sql`, `,
        )})
      ORDER BY p.suggestion_id, p.round
    )
    SELECT s.id, s.number, s.title, s.status, s.lead_unit_id AS "unitId", u.name AS "unitName",
           fr.category AS "firstCategory", fr.created_at AS "firstAnsweredAt",
           s.reply_category AS "latestCategory", s.follow_up_solved_at AS "solvedAt", s.is_key AS "isKey"
    FROM fr JOIN suggestions s ON s.id = fr.suggestion_id
    LEFT JOIN handling_units u ON u.id = s.lead_unit_id
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY u.name NULLS LAST, s.seq NULLS LAST, s.id
  `)) as unknown as { rows: Row[] };

  const totals = zero();
  const units = new Map<string, { unitId: string | null; name: string | null; counts: Counts }>();
  const moves = new Map<string, { from: string; to: string; count: number }>();
  const items = res.rows.map((r) => {
    const outcome = followUpOutcome(order, r.firstCategory, r.latestCategory, !!r.solvedAt);
    totals.total++;
    totals[outcome]++;
    const key = r.unitId ?? '';
    const unit = units.get(key) ?? { unitId: r.unitId, name: r.unitName, counts: zero() };
    unit.counts.total++;
    unit.counts[outcome]++;
    units.set(key, unit);
    // The movement: to "solved", to the newer category (C→B), or staying where it was.
    const to = outcome === 'solved' ? 'solved' : outcome === 'improved' ? r.latestCategory! : r.firstCategory;
    const move = moves.get(`${r.firstCategory}→${to}`) ?? { from: r.firstCategory, to, count: 0 };
    move.count++;
    moves.set(`${r.firstCategory}→${to}`, move);
    return {
      ...r,
      firstAnsweredAt: iso(r.firstAnsweredAt)!,
      solvedAt: iso(r.solvedAt),
      outcome,
    };
  });
  const toRank = (to: string) => (to === 'solved' ? -1 : order.indexOf(to));
  return {
    filter: f,
    followUpCategories: followUp,
    totals,
    movements: [...moves.values()].sort(
      (a, b) => order.indexOf(a.from) - order.indexOf(b.from) || toRank(a.to) - toRank(b.to),
    ),
    byUnit: [...units.values()].map((u) => ({
      unitId: u.unitId,
      name: u.name,
      ...u.counts,
      solvedRate: u.counts.total ? Math.round((u.counts.solved / u.counts.total) * 1000) / 10 : null,
    })),
    items,
  };
}
