// Public statistics per street, category and month, and the period report (people received, opinions
// collected, solved, in progress, overdue), each computed from the records. Solved rate and satisfaction
// rate are given side by side so a high satisfaction figure cannot hide unsolved problems.
import { sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '@minyi/domain/opinions';
import type { Db } from '../../../db/client';

const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);
const dayEnd = (d: string) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + 86_400_000);
const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((s) => sql`${s}`),
    sql`, `,
  );

export interface Figures {
  received: number;
  solved: number;
  inProgress: number;
  overdue: number;
  closedUnresolved: number;
  inadmissible: number;
  merged: number;
  raisedAsSuggestion: number;
  rated: number;
  satisfied: number;
  solvedRate: number | null;
  satisfactionRate: number | null;
}

const figuresSql = (now: Date) => sql`
  count(*)::int AS received,
  count(*) FILTER (WHERE status = 'closedResolved')::int AS solved,
  count(*) FILTER (WHERE status IN (${list(OPEN_STATUSES)}))::int AS in_progress,
  count(*) FILTER (WHERE status = 'forwarded' AND deadline_at < ${now})::int AS overdue,
  count(*) FILTER (WHERE status = 'closedUnresolved')::int AS closed_unresolved,
  count(*) FILTER (WHERE status = 'inadmissible')::int AS inadmissible,
  count(*) FILTER (WHERE status = 'merged')::int AS merged,
  count(*) FILTER (WHERE status = 'raisedAsSuggestion')::int AS raised,
  count(rating)::int AS rated,
  count(*) FILTER (WHERE rating IN ('satisfied', 'basicallySatisfied'))::int AS satisfied`;

function toFigures(r: Record<string, unknown>): Figures {
  const n = (k: string) => Number(r[k] ?? 0);
  // Merged and inadmissible items are not problems the system was asked to solve.
  const base = n('received') - n('merged') - n('inadmissible');
  return {
    received: n('received'),
    solved: n('solved'),
    inProgress: n('in_progress'),
    overdue: n('overdue'),
    closedUnresolved: n('closed_unresolved'),
    inadmissible: n('inadmissible'),
    merged: n('merged'),
    raisedAsSuggestion: n('raised'),
    rated: n('rated'),
    satisfied: n('satisfied'),
    solvedRate: base > 0 ? Math.round((n('solved') / base) * 1000) / 1000 : null,
    satisfactionRate: n('rated') > 0 ? Math.round((n('satisfied') / n('rated')) * 1000) / 1000 : null,
  };
}

export async function opinionStatistics(
  db: Db,
  input: { congressId: string; from: string; to: string; streetId?: string },
) {
  const now = new Date();
  const res = await db.execute(sql`
    SELECT street_id, category, to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, ${figuresSql(now)}
    FROM opinions
    WHERE congress_id = ${input.congressId} AND created_at >= ${dayStart(input.from)} AND created_at < ${dayEnd(input.to)}
      ${input.streetId ? sql`AND street_id = ${input.streetId}` : sql``}
    GROUP BY street_id, category, month
    ORDER BY month, street_id, category`);
  const rows = (res as unknown as { rows: Record<string, unknown>[] }).rows;
  const totalRes = await db.execute(sql`
    SELECT ${figuresSql(now)} FROM opinions
    WHERE congress_id = ${input.congressId} AND created_at >= ${dayStart(input.from)} AND created_at < ${dayEnd(input.to)}
      ${input.streetId ? sql`AND street_id = ${input.streetId}` : sql``}`);
  return {
    from: input.from,
    to: input.to,
    total: toFigures((totalRes as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {}),
    items: rows.map((r) => ({
      streetId: r.street_id as string,
      category: r.category as string,
      month: r.month as string,
      ...toFigures(r),
    })),
  };
}

export async function periodReport(
  db: Db,
  input: { congressId: string; from: string; to: string; streetId?: string },
) {
  const now = new Date();
  const from = dayStart(input.from);
  const to = dayEnd(input.to);
  const street = input.streetId ? sql`AND street_id = ${input.streetId}` : sql``;
  const rec = await db.execute(sql`
    SELECT street_id, count(*)::int AS receptions, coalesce(sum(people_received), 0)::int AS people
    FROM receptions
    WHERE congress_id = ${input.congressId} AND status = 'held' AND starts_at >= ${from} AND starts_at < ${to} ${street}
    GROUP BY street_id`);
  const ops = await db.execute(sql`
    SELECT street_id, ${figuresSql(now)}
    FROM opinions
    WHERE congress_id = ${input.congressId} AND created_at >= ${from} AND created_at < ${to} ${street}
    GROUP BY street_id`);
  const recRows = (rec as unknown as { rows: Record<string, unknown>[] }).rows;
  const opRows = (ops as unknown as { rows: Record<string, unknown>[] }).rows;
  const streets = [...new Set([...recRows, ...opRows].map((r) => r.street_id as string))];
  const byStreet = streets.map((streetId) => {
    const r = recRows.find((x) => x.street_id === streetId);
    const o = opRows.find((x) => x.street_id === streetId) ?? {};
    return {
      streetId,
      receptions: Number(r?.receptions ?? 0),
      peopleReceived: Number(r?.people ?? 0),
      ...toFigures(o),
    };
  });
  const sum = (k: keyof (typeof byStreet)[number]) => byStreet.reduce((a, s) => a + (Number(s[k]) || 0), 0);
  const base = sum('received') - sum('merged') - sum('inadmissible');
  return {
    from: input.from,
    to: input.to,
    total: {
      receptions: sum('receptions'),
      peopleReceived: sum('peopleReceived'),
      received: sum('received'),
      solved: sum('solved'),
      inProgress: sum('inProgress'),
      overdue: sum('overdue'),
      closedUnresolved: sum('closedUnresolved'),
      inadmissible: sum('inadmissible'),
      merged: sum('merged'),
      raisedAsSuggestion: sum('raisedAsSuggestion'),
      rated: sum('rated'),
      satisfied: sum('satisfied'),
      solvedRate: base > 0 ? Math.round((sum('solved') / base) * 1000) / 1000 : null,
      satisfactionRate: sum('rated') > 0 ? Math.round((sum('satisfied') / sum('rated')) * 1000) / 1000 : null,
    },
    byStreet,
  };
}
