// A deputy's record for a year (代表履职档案, 代表法 2025 Art. 58 ¶2: the standing committee records deputies'
// performance and publishes it), public: each kind of work counted once, from its own module's data —
// suggestions led and co-signed (suggestions), receptions at liaison places checked in (opinions), activities
// attended (this module), meetings attended or excused (meetings) — in the year in Shanghai time, and the duty
// points by the congress's rules, shown beside the score. Nothing private: the deputy's name and mandates'
// levels only.
import { and, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { dutyPoints, periodOf } from '@minyi/domain/activities';
import type { Db } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { deputies, mandates } from '../../registry';
import { countDeputyReceptions } from '../../opinions';
import { countDeputySuggestions } from '../../suggestions';
import { countMeetingsAttended } from '../../meetings';
import { activities, activityParticipants } from '../activities.table';
import { readActivitiesSettings } from '../activities.settings';

export async function getDeputyRecord(db: Db, congressId: string, deputyId: string, year: number) {
  const [d] = await db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(and(eq(deputies.congressId, congressId), eq(deputies.id, deputyId)));
  if (!d) throw notFound({ zh: '代表', en: 'deputy' });
  const { from, to } = periodOf(`${year}-01-01`, `${year}-12-31`);
  const [levels, suggestions, receptions, meetings, byKind, settings] = await Promise.all([
    db
      .selectDistinct({ level: mandates.level })
      .from(mandates)
      .where(and(eq(mandates.congressId, congressId), eq(mandates.deputyId, deputyId))),
    countDeputySuggestions(db, congressId, deputyId, from, to),
    countDeputyReceptions(db, congressId, deputyId, from, to),
    countMeetingsAttended(db, congressId, deputyId, `${year}-01-01`, `${year}-12-31`),
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
    readActivitiesSettings(db, congressId),
  ]);
  const counts = {
    suggestions: suggestions.led,
    receptions,
    activities: byKind.reduce((n, k) => n + Number(k.count), 0),
    meetingsAttended: meetings.attended,
  };
  const points = dutyPoints(counts, settings.pointsPerUnit);
  return {
    deputy: { id: d.id, name: d.name, levels: levels.map((l) => l.level) },
    year,
    ...counts,
    suggestionsCosigned: suggestions.cosigned,
    meetingsExcused: meetings.excused,
    activitiesByKind: byKind.map((k) => ({ kind: k.kind, count: Number(k.count) })),
    points: points.total,
    pointsRules: points.lines,
  };
}
