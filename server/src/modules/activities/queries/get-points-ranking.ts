// The duty-points ranking of a year (履职积分排名): every deputy with a district mandate of the current term,
// their work and points counted as on their record, highest first (ties share a place). For staff and
// leaders only; a deputy sees their own place (and how many are ranked) when the setting
// `deputiesSeeOwnRank` allows, never the others'; never the public.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { deputies, mandates, terms } from '../../registry';
import { readActivitiesSettings } from '../activities.settings';
import { countDeputyWork } from './get-deputy-record';

export async function rankDeputies(database: Database, congressId: string, year: number) {
  const db = database.db;
  const settings = await readActivitiesSettings(db, congressId);
  const people = await db
    .selectDistinct({ id: deputies.id, name: deputies.name })
    .from(mandates)
    .innerJoin(terms, eq(terms.id, mandates.termId))
    .innerJoin(deputies, eq(deputies.id, mandates.deputyId))
    .where(
      and(
        eq(mandates.congressId, congressId),
        eq(mandates.level, 'district'),
        isNotNull(mandates.termId),
        eq(terms.isCurrent, true),
        eq(mandates.status, 'active'),
      ),
    );
  const lines: ({ deputyId: string; name: string } & Awaited<ReturnType<typeof countDeputyWork>>)[] = [];
  // A few deputies at a time: each record is a handful of small reads.
  for (let i = 0; i < people.length; i += 8) {
    const batch = people.slice(i, i + 8);
    const work = await Promise.all(
      batch.map((p) =>
        countDeputyWork(database, congressId, p.id, `${year}-01-01`, `${year}-12-31`, settings),
      ),
    );
    batch.forEach((p, k) => lines.push({ deputyId: p.id, name: p.name, ...work[k] }));
  }
  lines.sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh-CN'));
  let rank = 0;
  const ranked = lines.map((l, i) => {
    if (i === 0 || l.points !== lines[i - 1].points) rank = i + 1;
    return { rank, ...l };
  });
  return { year, settings, ranked };
}

export async function getPointsRanking(database: Database, actor: Actor, year: number) {
  const db = database.db;
  const staff = actor.roles.includes('congressStaff') || actor.roles.includes('leader');
  if (!staff && !actor.deputyId) throw forbidden();
  if (!staff) {
    const settings = await readActivitiesSettings(db, actor.congressId);
    if (!settings.deputiesSeeOwnRank)
      throw forbidden({
        zh: '本级人大未向代表公开履职积分排名',
        en: 'This congress does not show deputies their place in the ranking',
      });
  }
  const { ranked } = await rankDeputies(database, actor.congressId, year);
  const strip = (l: (typeof ranked)[number]) => ({
    rank: l.rank,
    deputyId: l.deputyId,
    name: l.name,
    points: l.points,
    suggestions: l.suggestions,
    receptions: l.receptions,
    activities: l.activities,
    meetingsAttended: l.meetingsAttended,
    firmVisits: l.firmVisits,
    pledgesFulfilled: l.pledgesFulfilled,
  });
  if (staff) return { year, of: ranked.length, items: ranked.map(strip) };
  const mine = ranked.find((l) => l.deputyId === actor.deputyId);
  return { year, of: ranked.length, items: mine ? [strip(mine)] : [] };
}
