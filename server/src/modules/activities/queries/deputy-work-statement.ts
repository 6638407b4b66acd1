// The one hand-written statement that reads other modules' tables (ADR 0020): a deputy's record — the deputy,
// the mandates' levels, the activities settings, (for a term) the term, and every count of work grouped by
// year — in ONE statement, one round trip. Measured (docs/PERFORMANCE.md, activities): the counts through each
// module's own query were 11 statements for a year and ≈45 for a term, every one an index scan, and the
// record's cost was the number of statements (parse, plan, protocol), 9× and 17× the pk read at p95.
//
// What is counted is exactly what the modules' own counts count, and must stay so (the record's tests check
// it against their data); each block names the module's function it mirrors:
// - suggestions (countDeputySuggestions): submitted in the period, not withdrawn; led as proposer, and
//   co-signed as a confirmed co-signer;
// - opinions (countDeputyReceptions): receptions held in the period, the deputy checked in;
// - meetings (countMeetingsAttended): meetings begun in the period, the deputy present, or on leave;
// - this module: activities begun in the period that the deputy attended (by kind), firm visits in the period
//   (visits and distinct firms), and pledges of the period's years (made, fulfilled).
// Each count is grouped by the year (Shanghai time, UTC+8 without summer time) with GROUPING SETS: the rows
// with a year are that year's part of the period, the row without one the whole period's (distinct firms and
// activities by kind are not sums of years). A period is whole days, both included.
import { prepared, raw, stmt, type Statement } from '../../../platform/statement';
import type { Database } from '../../../db/client';

/** One count: `m` the measure, `y` its year (null: the whole period), `kind` an activity's kind (by kind). */
export interface WorkRow {
  m: string;
  y: number | null;
  kind: string | null;
  n: number;
}

export interface DeputyWorkRows {
  deputy: { id: string; name: string } | null;
  levels: string[];
  settings: unknown;
  term: { id: string; number: number; startDate: string; endDate: string; until: string } | null;
  work: WorkRow[];
}

// A Shanghai day's start as a timestamptz, and a timestamptz's Shanghai year.
const dayStart = (day: string) => `((${day})::timestamp - interval '8 hours') AT TIME ZONE 'UTC'`;
const yearOf = (ts: string) => `extract(year from (${ts} AT TIME ZONE 'UTC') + interval '8 hours')::int`;

function counts(c: string, d: string): Statement {
  const from = dayStart('b.from_day');
  const to = dayStart('b.to_day + 1');
  const tail = `GROUP BY GROUPING SETS ((y), ())`;
  return stmt`
    SELECT 'led' AS m, y, NULL::text AS kind, count(*)::int AS n FROM (
      SELECT ${raw(yearOf('s.submitted_at'))} AS y FROM suggestions s, b
      WHERE s.congress_id = ${c} AND s.proposer_deputy_id = ${d} AND s.submitted_at IS NOT NULL
        AND s.status <> 'withdrawn' AND s.submitted_at >= ${raw(from)} AND s.submitted_at < ${raw(to)}) x
    ${raw(tail)}
    UNION ALL
    SELECT 'cosigned', y, NULL, count(*)::int FROM (
      SELECT ${raw(yearOf('s.submitted_at'))} AS y
      FROM suggestion_cosigners sc JOIN suggestions s ON s.id = sc.suggestion_id, b
      WHERE sc.deputy_id = ${d} AND sc.status = 'confirmed' AND s.congress_id = ${c}
        AND s.submitted_at IS NOT NULL AND s.status <> 'withdrawn'
        AND s.submitted_at >= ${raw(from)} AND s.submitted_at < ${raw(to)}) x
    ${raw(tail)}
    UNION ALL
    SELECT 'receptions', y, NULL, count(*)::int FROM (
      SELECT ${raw(yearOf('r.starts_at'))} AS y
      FROM reception_deputies rd JOIN receptions r ON r.id = rd.reception_id, b
      WHERE rd.congress_id = ${c} AND rd.deputy_id = ${d} AND rd.checked_in_at IS NOT NULL
        AND r.status = 'held' AND r.starts_at >= ${raw(from)} AND r.starts_at < ${raw(to)}) x
    ${raw(tail)}
    UNION ALL
    SELECT m, y, NULL, count(*)::int FROM (
      SELECT CASE mm.attendance WHEN 'present' THEN 'meetings' ELSE 'excused' END AS m,
             extract(year from mt.start_date)::int AS y
      FROM meeting_members mm JOIN meetings mt ON mt.id = mm.meeting_id, b
      WHERE mm.congress_id = ${c} AND mm.deputy_id = ${d} AND mm.attendance IN ('present', 'onLeave')
        AND mt.start_date >= b.from_day AND mt.start_date <= b.to_day) x
    GROUP BY GROUPING SETS ((m, y), (m))
    UNION ALL
    SELECT 'activities', y, kind, count(*)::int FROM (
      SELECT ${raw(yearOf('a.starts_at'))} AS y, a.kind
      FROM activity_participants ap JOIN activities a ON a.id = ap.activity_id, b
      WHERE ap.congress_id = ${c} AND ap.deputy_id = ${d} AND ap.attended_at IS NOT NULL
        AND a.starts_at >= ${raw(from)} AND a.starts_at < ${raw(to)}) x
    GROUP BY GROUPING SETS ((y), (kind), ())
    UNION ALL
    SELECT unnest(ARRAY['visits', 'firms']), y, NULL, unnest(ARRAY[count(*), count(DISTINCT firm_id)])::int
    FROM (
      SELECT extract(year from f.visited_on)::int AS y, f.firm_id FROM firm_visits f, b
      WHERE f.congress_id = ${c} AND f.deputy_id = ${d}
        AND f.visited_on >= b.from_day AND f.visited_on <= b.to_day) x
    ${raw(tail)}
    UNION ALL
    SELECT unnest(ARRAY['pledges', 'fulfilled']), y, NULL,
           unnest(ARRAY[count(*), count(*) FILTER (WHERE status = 'fulfilled')])::int
    FROM (
      SELECT p.year AS y, p.status FROM pledges p, b
      WHERE p.congress_id = ${c} AND p.deputy_id = ${d}
        AND p.year >= extract(year from b.from_day) AND p.year <= extract(year from b.to_day)) x
    ${raw(tail)}`;
}

function whole(c: string, d: string, bounds: Statement, term: boolean): Statement {
  return stmt`WITH ${bounds},
    w AS (${counts(c, d)})
    SELECT
      (SELECT json_build_object('id', id, 'name', name) FROM deputies WHERE congress_id = ${c} AND id = ${d})
        AS deputy,
      (SELECT coalesce(json_agg(l.level), '[]'::json)
         FROM (SELECT DISTINCT level FROM mandates WHERE congress_id = ${c} AND deputy_id = ${d}) l) AS levels,
      (SELECT settings -> 'activities' FROM congresses WHERE id = ${c}) AS settings,
      ${raw(
        term
          ? `(SELECT json_build_object('id', t.id, 'number', t.number, 'startDate', t.start_date,
               'endDate', t.end_date, 'until', b.to_day) FROM t, b)`
          : 'NULL::json',
      )} AS term,
      (SELECT coalesce(json_agg(w), '[]'::json) FROM w) AS work`;
}

// Named (prepared once per connection): planned afresh on every request through Drizzle, the statement cost
// ≈2.6 ms of PostgreSQL CPU a record (docs/PERFORMANCE.md, activities; ADR 0020).
async function run(database: Pick<Database, 'query'>, s: Statement): Promise<DeputyWorkRows> {
  const rows = await database.query<DeputyWorkRows>(...prepared(s));
  const r = rows[0];
  return { ...r, levels: r.levels ?? [], work: r.work ?? [] };
}

/** The record between two days (YYYY-MM-DD, both included), in one statement. */
export function readDeputyWork(
  database: Pick<Database, 'query'>,
  congressId: string,
  deputyId: string,
  fromDay: string,
  toDay: string,
) {
  const bounds = stmt`b AS (SELECT ${fromDay}::date AS from_day, ${toDay}::date AS to_day)`;
  return run(database, whole(congressId, deputyId, bounds, false));
}

/**
 * The record over a term (the current one unless named), to `today` for the term in course, in one
 * statement; `term` is null (and the counts empty) when there is no such term.
 */
export function readDeputyTermWork(
  database: Pick<Database, 'query'>,
  congressId: string,
  deputyId: string,
  today: string,
  termId?: string,
) {
  const which = termId ? stmt`id = ${termId}` : stmt`is_current`;
  const bounds = stmt`t AS (SELECT id, number, start_date, end_date FROM terms
      WHERE congress_id = ${congressId} AND ${which} LIMIT 1),
    b AS (SELECT start_date AS from_day, least(end_date, ${today}::date) AS to_day FROM t)`;
  return run(database, whole(congressId, deputyId, bounds, true));
}
