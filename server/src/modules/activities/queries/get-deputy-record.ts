// A deputy's record (代表履职档案, 代表法 2025 Art. 58 ¶2: the standing committee records deputies' performance
// and publishes it), public: each kind of work counted once, from its own module's data — suggestions led and
// co-signed (suggestions), receptions at liaison places checked in (opinions), activities attended (this
// module), meetings attended or excused (meetings), firms visited in enterprise-visit campaigns and pledges
// fulfilled (this module) — in a year (Shanghai time) or a term, and the duty points by the congress's rules,
// shown beside the score. Nothing private: the deputy's name and mandates' levels only.
import { activitiesSettingsSchema, dutyPoints, type ActivitiesSettings } from '@minyi/domain/activities';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Database } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { parseStoredSettings } from '../../../platform/settings';
import { readDeputyTermWork, readDeputyWork, type WorkRow } from './deputy-work-statement';

// The counts are read in one statement (deputy-work-statement.ts, ADR 0020): the modules' own counts
// (countDeputySuggestions, countDeputyReceptions, countMeetingsAttended) were a statement each, and the
// number of statements was the record's cost.

/** The work of one year of the rows (null: the whole period), with the duty points by the settings' rules. */
function workOf(rows: readonly WorkRow[], year: number | null, settings: ActivitiesSettings) {
  const n = (m: string) => rows.find((r) => r.m === m && r.y === year && r.kind === null)?.n ?? 0;
  const counts = {
    suggestions: n('led'),
    receptions: n('receptions'),
    activities: n('activities'),
    meetingsAttended: n('meetings'),
    firmVisits: n('visits'),
    pledgesFulfilled: n('fulfilled'),
  };
  const points = dutyPoints(counts, settings.pointsPerUnit);
  return {
    ...counts,
    suggestionsCosigned: n('cosigned'),
    meetingsExcused: n('excused'),
    firmsVisited: n('firms'),
    pledgesMade: n('pledges'),
    points: points.total,
    pointsRules: points.lines,
  };
}

function byKind(rows: readonly WorkRow[]) {
  return rows
    .filter((r) => r.m === 'activities' && r.y === null && r.kind !== null)
    .map((r) => ({ kind: r.kind as string, count: r.n }))
    .sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

const settingsOf = (stored: unknown): ActivitiesSettings =>
  parseStoredSettings(activitiesSettingsSchema, stored ?? {});

/** The work of a deputy between two days (YYYY-MM-DD, both included), in one statement. */
export async function countDeputyWork(
  database: Database,
  congressId: string,
  deputyId: string,
  fromDay: string,
  toDay: string,
  settings: ActivitiesSettings,
) {
  const r = await readDeputyWork(database, congressId, deputyId, fromDay, toDay);
  const { pointsRules, ...work } = workOf(r.work, null, settings);
  return { ...work, activitiesByKind: byKind(r.work), pointsRules };
}

export async function getDeputyRecord(
  database: Database,
  congressId: string,
  deputyId: string,
  year: number,
) {
  const r = await readDeputyWork(database, congressId, deputyId, `${year}-01-01`, `${year}-12-31`);
  if (!r.deputy) throw notFound({ zh: '代表', en: 'deputy' });
  const { pointsRules, ...work } = workOf(r.work, null, settingsOf(r.settings));
  return {
    deputy: { ...r.deputy, levels: r.levels },
    year,
    ...work,
    activitiesByKind: byKind(r.work),
    pointsRules,
  };
}

/**
 * A deputy's record over a term (the current one unless named): the whole term's counts and points (to today
 * for the term in course), and each year's points, so the yearly and term totals are read side by side.
 */
export async function getDeputyTermRecord(
  database: Database,
  congressId: string,
  deputyId: string,
  termId?: string,
) {
  const r = await readDeputyTermWork(database, congressId, deputyId, shanghaiDate(new Date()), termId);
  if (!r.deputy) throw notFound({ zh: '代表', en: 'deputy' });
  if (!r.term) throw notFound({ zh: '届次', en: 'term' });
  const settings = settingsOf(r.settings);
  const { pointsRules, ...total } = workOf(r.work, null, settings);
  const years: { year: number; points: number }[] = [];
  for (let y = Number(r.term.startDate.slice(0, 4)); y <= Number(r.term.until.slice(0, 4)); y++)
    years.push({ year: y, points: workOf(r.work, y, settings).points });
  return {
    deputy: { ...r.deputy, levels: r.levels },
    term: r.term,
    ...total,
    activitiesByKind: byKind(r.work),
    pointsRules,
    years,
  };
}
