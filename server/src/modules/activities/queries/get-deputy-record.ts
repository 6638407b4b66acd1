// A deputy's record (代表履职档案, 代表法 2025 Art. 58 ¶2: the standing committee records deputies' performance
// and publishes it), public: each kind of work counted once, from its own module's data — suggestions led and
// co-signed (suggestions), receptions at liaison places checked in (opinions), activities attended (this
// module), meetings attended or excused (meetings), firms visited in enterprise-visit campaigns and pledges
// fulfilled (this module) — in a year (Shanghai time) or a term, and the duty points by the congress's rules,
// shown beside the score. Nothing private: the deputy's name and mandates' levels only.
import { and, eq, gte, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { dutyPoints, periodOf, type ActivitiesSettings } from '@minyi/domain/activities';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Db } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { deputies, mandates, terms } from '../../registry';
import { countDeputyReceptions } from '../../opinions';
import { countDeputySuggestions } from '../../suggestions';
import { countMeetingsAttended } from '../../meetings';
import { activities, activityParticipants, firmVisits, pledges } from '../activities.table';
import { readActivitiesSettings } from '../activities.settings';

/** The work of a deputy between two days (YYYY-MM-DD, both included), each kind from its own module. */
export async function countDeputyWork(
  db: Db,
  congressId: string,
  deputyId: string,
  fromDay: string,
  toDay: string,
  settings: ActivitiesSettings,
) {
  const { from, to } = periodOf(fromDay, toDay);
  const fromYear = Number(fromDay.slice(0, 4));
  const toYear = Number(toDay.slice(0, 4));
  const [suggestions, receptions, meetings, byKind, visits, pledged] = await Promise.all([
    countDeputySuggestions(db, congressId, deputyId, from, to),
    countDeputyReceptions(db, congressId, deputyId, from, to),
    countMeetingsAttended(db, congressId, deputyId, fromDay, toDay),
    db
      .select({ kind: activities.kind, count: sql<number>`count(*)::int` })
      .from(activityParticipants)
      .innerJoin(activities, eq(activities.id, activityParticipants.activityId))
      .where(
        and(
          eq(activityParticipants.congressId, congressId),
          eq(activityParticipants.deputyId, deputyId),
          isNotNull(activityParticipants.attendedAt),
          gte(activities.startsAt, from),
          lt(activities.startsAt, to),
        ),
      )
      .groupBy(activities.kind)
      .orderBy(sql`count(*) DESC`, activities.kind),
    db
      .select({
        visits: sql<number>`count(*)::int`,
        firms: sql<number>`count(DISTINCT ${firmVisits.firmId})::int`,
      })
      .from(firmVisits)
      .where(
        and(
          eq(firmVisits.congressId, congressId),
          eq(firmVisits.deputyId, deputyId),
          gte(firmVisits.visitedOn, fromDay),
          lte(firmVisits.visitedOn, toDay),
        ),
      ),
    // Pledges belong to their year: a period counts the pledges of the years it covers.
    db
      .select({
        made: sql<number>`count(*)::int`,
        fulfilled: sql<number>`(count(*) FILTER (WHERE ${pledges.status} = 'fulfilled'))::int`,
      })
      .from(pledges)
      .where(
        and(
          eq(pledges.congressId, congressId),
          eq(pledges.deputyId, deputyId),
          gte(pledges.year, fromYear),
          lte(pledges.year, toYear),
        ),
      ),
  ]);
  const counts = {
    suggestions: suggestions.led,
    receptions,
    activities: byKind.reduce((n, k) => n + Number(k.count), 0),
    meetingsAttended: meetings.attended,
    firmVisits: Number(visits[0]?.visits ?? 0),
    pledgesFulfilled: Number(pledged[0]?.fulfilled ?? 0),
  };
  const points = dutyPoints(counts, settings.pointsPerUnit);
  return {
    ...counts,
    suggestionsCosigned: suggestions.cosigned,
    meetingsExcused: meetings.excused,
    firmsVisited: Number(visits[0]?.firms ?? 0),
    pledgesMade: Number(pledged[0]?.made ?? 0),
    activitiesByKind: byKind.map((k) => ({ kind: k.kind, count: Number(k.count) })),
    points: points.total,
    pointsRules: points.lines,
  };
}

async function loadDeputy(db: Db, congressId: string, deputyId: string) {
  const [d] = await db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(and(eq(deputies.congressId, congressId), eq(deputies.id, deputyId)));
  if (!d) throw notFound({ zh: '代表', en: 'deputy' });
  const levels = await db
    .selectDistinct({ level: mandates.level })
    .from(mandates)
    .where(and(eq(mandates.congressId, congressId), eq(mandates.deputyId, deputyId)));
  return { id: d.id, name: d.name, levels: levels.map((l) => l.level) };
}

export async function getDeputyRecord(db: Db, congressId: string, deputyId: string, year: number) {
  const [deputy, settings] = await Promise.all([
    loadDeputy(db, congressId, deputyId),
    readActivitiesSettings(db, congressId),
  ]);
  const work = await countDeputyWork(db, congressId, deputyId, `${year}-01-01`, `${year}-12-31`, settings);
  return { deputy, year, ...work };
}

/**
 * A deputy's record over a term (the current one unless named): the whole term's counts and points (to today
 * for the term in course), and each year's points, so the yearly and term totals are read side by side.
 */
export async function getDeputyTermRecord(db: Db, congressId: string, deputyId: string, termId?: string) {
  const [deputy, settings] = await Promise.all([
    loadDeputy(db, congressId, deputyId),
    readActivitiesSettings(db, congressId),
  ]);
  const [term] = await db
    .select({ id: terms.id, number: terms.number, startDate: terms.startDate, endDate: terms.endDate })
    .from(terms)
    .where(and(eq(terms.congressId, congressId), termId ? eq(terms.id, termId) : eq(terms.isCurrent, true)))
    .limit(1);
  if (!term) throw notFound({ zh: '届次', en: 'term' });
  const today = shanghaiDate(new Date());
  const until = term.endDate && term.endDate < today ? term.endDate : today;
  const total = await countDeputyWork(db, congressId, deputyId, term.startDate, until, settings);
  const years: { year: number; points: number }[] = [];
  for (let y = Number(term.startDate.slice(0, 4)); y <= Number(until.slice(0, 4)); y++) {
    const from = y === Number(term.startDate.slice(0, 4)) ? term.startDate : `${y}-01-01`;
    const to = y === Number(until.slice(0, 4)) ? until : `${y}-12-31`;
    const w = await countDeputyWork(db, congressId, deputyId, from, to, settings);
    years.push({ year: y, points: w.points });
  }
  return { deputy, term: { ...term, until }, ...total, years };
}
