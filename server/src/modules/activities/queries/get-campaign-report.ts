// A campaign's dashboard, computed from the records, never typed. For an activity month: the activities linked
// to the campaign and their deputy attendances; the people received and opinions collected at those
// activities' places in the campaign's period (the receptions and opinions modules' own records) and the
// opinions made from the activities' findings, with how many are solved (closed as resolved, the opinions
// module's definition) and in progress; per street, per kind, per level of deputy; and the report's sentence.
// For enterprise visits: the firms and questionnaires are a later slice (no records yet: 0), the issues are
// the findings of the campaign's activities and the solved ones among their opinions.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { activityMonthSentence, periodOf } from '@minyi/domain/activities';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { jurisdictions, mandates } from '../../registry';
import { countPlaceWork, getOpinionStates } from '../../opinions';
import { activities, activityFindings, activityParticipants } from '../activities.table';
import { campaignPolicy } from '../activities.policy';
import { loadCampaign } from '../activities.repository';

/** The level that stands for a deputy with several mandates: the highest. */
const LEVEL_ORDER = ['national', 'province', 'city', 'district', 'township'] as const;

export async function getCampaignReport(db: Db, actor: Actor, campaignId: string) {
  const c = await loadCampaign({ db }, actor.congressId, campaignId);
  campaignPolicy.authorize(actor, 'read', { congressId: c.congressId });
  const acts = await db
    .select({
      id: activities.id,
      kind: activities.kind,
      placeId: activities.placeId,
      streetId: activities.streetId,
    })
    .from(activities)
    .where(eq(activities.campaignId, c.id));
  const ids = acts.map((a) => a.id);
  const attendance = ids.length
    ? await db
        .select({ activityId: activityParticipants.activityId, deputyId: activityParticipants.deputyId })
        .from(activityParticipants)
        .where(and(inArray(activityParticipants.activityId, ids), isNotNull(activityParticipants.attendedAt)))
    : [];
  const findings = ids.length
    ? await db
        .select({ opinionId: activityFindings.opinionId })
        .from(activityFindings)
        .where(inArray(activityFindings.activityId, ids))
    : [];
  const { from, to } = periodOf(c.fromDate, c.toDate);

  if (c.kind === 'enterpriseVisits') {
    const states = await getOpinionStates(
      db,
      c.congressId,
      findings.map((f) => f.opinionId),
    );
    return {
      kind: c.kind,
      title: c.title,
      from: c.fromDate,
      to: c.toDate,
      firmsPlanned: 0,
      firmsVisited: 0,
      questionnaires: 0,
      issues: findings.length,
      issuesSolved: [...states.values()].filter((s) => s.status === 'closedResolved').length,
    };
  }

  const placeIds = [...new Set(acts.flatMap((a) => (a.placeId ? [a.placeId] : [])))];
  const work = await countPlaceWork(db, {
    congressId: c.congressId,
    placeIds,
    opinionIds: findings.map((f) => f.opinionId),
    from,
    to,
  });
  const kindOf = new Map(acts.map((a) => [a.id, a]));
  const streetIds = [
    ...new Set([...acts.flatMap((a) => (a.streetId ? [a.streetId] : [])), ...work.map((w) => w.streetId)]),
  ];
  const streetNames = streetIds.length
    ? await db
        .select({ id: jurisdictions.id, name: jurisdictions.name, nameEn: jurisdictions.nameEn })
        .from(jurisdictions)
        .where(inArray(jurisdictions.id, streetIds))
    : [];
  const byStreet = streetIds
    .map((streetId) => {
      const w = work.find((x) => x.streetId === streetId);
      const here = acts.filter((a) => a.streetId === streetId);
      const s = streetNames.find((n) => n.id === streetId);
      return {
        streetId,
        name: s?.name ?? '',
        nameEn: s?.nameEn ?? '',
        activities: here.length,
        attendances: attendance.filter((x) => kindOf.get(x.activityId)?.streetId === streetId).length,
        received: w?.received ?? 0,
        opinions: w?.opinions ?? 0,
        solved: w?.solved ?? 0,
      };
    })
    .sort((a, b) => b.activities - a.activities || a.name.localeCompare(b.name, 'zh-CN'));
  const kinds = [...new Set(acts.map((a) => a.kind))];
  const byKind = kinds
    .map((kind) => ({
      kind,
      activities: acts.filter((a) => a.kind === kind).length,
      attendances: attendance.filter((x) => kindOf.get(x.activityId)?.kind === kind).length,
    }))
    .sort((a, b) => b.activities - a.activities);
  const deputyIds = [...new Set(attendance.map((a) => a.deputyId))];
  const mandateRows = deputyIds.length
    ? await db
        .select({ deputyId: mandates.deputyId, level: mandates.level })
        .from(mandates)
        .where(and(eq(mandates.congressId, c.congressId), inArray(mandates.deputyId, deputyIds)))
    : [];
  const levelOf = new Map<string, string>();
  for (const m of mandateRows) {
    const had = levelOf.get(m.deputyId);
    if (!had || LEVEL_ORDER.indexOf(m.level) < LEVEL_ORDER.indexOf(had as (typeof LEVEL_ORDER)[number]))
      levelOf.set(m.deputyId, m.level);
  }
  const byLevel = [...LEVEL_ORDER, 'none']
    .map((level) => ({
      level,
      attendances: attendance.filter((a) => (levelOf.get(a.deputyId) ?? 'none') === level).length,
    }))
    .filter((l) => l.attendances > 0);
  const sum = (k: 'received' | 'opinions' | 'solved' | 'inProgress') => work.reduce((n, w) => n + w[k], 0);
  const figures = {
    activities: acts.length,
    attendances: attendance.length,
    received: sum('received'),
    opinions: sum('opinions'),
    solved: sum('solved'),
  };
  return {
    kind: c.kind,
    title: c.title,
    from: c.fromDate,
    to: c.toDate,
    ...figures,
    inProgress: sum('inProgress'),
    deputies: deputyIds.length,
    byStreet,
    byKind,
    byLevel,
    sentence: { zh: activityMonthSentence(figures, 'zh'), en: activityMonthSentence(figures, 'en') },
  };
}
