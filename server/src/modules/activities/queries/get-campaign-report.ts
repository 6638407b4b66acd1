// A campaign's dashboard, computed from the records, never typed. For an activity month: the activities linked
// to the campaign and their deputy attendances; the people received and opinions collected at those
// activities' places in the campaign's period (the receptions and opinions modules' own records) and the
// opinions made from the activities' findings, with how many are solved (closed as resolved, the opinions
// module's definition) and in progress; per street, per kind, per level of deputy; and the report's sentence.
// For enterprise visits: the firms planned and visited, the questionnaires filled (visits with responses), the
// problems and suggestions raised (the visits' issues and the findings of the campaign's activities, such as the
// area symposia) and how many of their opinions are solved and in progress; per street and industry; the
// responses tallied question by question; and the report's sentence.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import {
  activityMonthSentence,
  enterpriseVisitsSentence,
  periodOf,
  tallyResponses,
} from '@minyi/domain/activities';
import { OPEN_STATUSES } from '@minyi/domain/opinions';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { jurisdictions, mandates } from '../../registry';
import { countPlaceWork, getOpinionStates } from '../../opinions';
import {
  activities,
  activityFindings,
  activityParticipants,
  campaignFirms,
  campaigns,
  firms,
  firmVisitIssues,
  firmVisits,
} from '../activities.table';
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

  if (c.kind === 'enterpriseVisits')
    return {
      kind: c.kind,
      title: c.title,
      from: c.fromDate,
      to: c.toDate,
      activities: acts.length,
      ...(await visitsFigures(db, c, findings)),
    };

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

type Figures = { planned: number; visited: number; issues: number; solved: number };

/** The enterprise-visit figures of a campaign, per street and industry, and the responses tallied. */
async function visitsFigures(db: Db, c: typeof campaigns.$inferSelect, findings: { opinionId: string }[]) {
  const [plan, visits, issues] = await Promise.all([
    db
      .select({ firmId: campaignFirms.firmId, streetId: firms.streetId, industry: firms.industry })
      .from(campaignFirms)
      .innerJoin(firms, eq(firms.id, campaignFirms.firmId))
      .where(eq(campaignFirms.campaignId, c.id)),
    db
      .select({ id: firmVisits.id, firmId: firmVisits.firmId, responses: firmVisits.responses })
      .from(firmVisits)
      .where(eq(firmVisits.campaignId, c.id)),
    db
      .select({ opinionId: firmVisitIssues.opinionId, firmId: firmVisits.firmId })
      .from(firmVisitIssues)
      .innerJoin(firmVisits, eq(firmVisits.id, firmVisitIssues.visitId))
      .where(eq(firmVisits.campaignId, c.id)),
  ]);
  const states = await getOpinionStates(db, c.congressId, [
    ...issues.map((i) => i.opinionId),
    ...findings.map((f) => f.opinionId),
  ]);
  const solved = (id: string) => states.get(id)?.status === 'closedResolved';
  const open = (id: string) => {
    const s = states.get(id)?.status;
    return !!s && (OPEN_STATUSES as readonly string[]).includes(s);
  };
  const visited = new Set(visits.map((v) => v.firmId));
  const firmOf = new Map(plan.map((p) => [p.firmId, p]));
  const group = (key: (p: (typeof plan)[number]) => string) => {
    const out = new Map<string, Figures>();
    const line = (k: string) => {
      let l = out.get(k);
      if (!l) out.set(k, (l = { planned: 0, visited: 0, issues: 0, solved: 0 }));
      return l;
    };
    for (const p of plan) {
      const l = line(key(p));
      l.planned++;
      if (visited.has(p.firmId)) l.visited++;
    }
    for (const i of issues) {
      const p = firmOf.get(i.firmId);
      if (!p) continue;
      const l = line(key(p));
      l.issues++;
      if (solved(i.opinionId)) l.solved++;
    }
    return out;
  };
  const streetIds = [...new Set(plan.map((p) => p.streetId))];
  const names = streetIds.length
    ? await db
        .select({ id: jurisdictions.id, name: jurisdictions.name, nameEn: jurisdictions.nameEn })
        .from(jurisdictions)
        .where(inArray(jurisdictions.id, streetIds))
    : [];
  const byStreet = [...group((p) => p.streetId)]
    .map(([streetId, f]) => {
      const n = names.find((x) => x.id === streetId);
      return { streetId, name: n?.name ?? '', nameEn: n?.nameEn ?? '', ...f };
    })
    .sort((a, b) => b.planned - a.planned || a.name.localeCompare(b.name, 'zh-CN'));
  const byIndustry = [...group((p) => p.industry)]
    .map(([industry, f]) => ({ industry, ...f }))
    .sort((a, b) => b.planned - a.planned || a.industry.localeCompare(b.industry, 'zh-CN'));
  const answered = visits.filter((v) => Object.keys(v.responses).length > 0);
  const opinionIds = [...issues.map((i) => i.opinionId), ...findings.map((f) => f.opinionId)];
  const figures = {
    firmsPlanned: plan.length,
    firmsVisited: visited.size,
    visits: visits.length,
    questionnaires: answered.length,
    issues: opinionIds.length,
    issuesSolved: opinionIds.filter(solved).length,
    issuesInProgress: opinionIds.filter(open).length,
  };
  return {
    ...figures,
    byStreet,
    byIndustry,
    questions: tallyResponses(
      c.questionnaire,
      answered.map((v) => v.responses),
    ),
    sentence: { zh: enterpriseVisitsSentence(figures, 'zh'), en: enterpriseVisitsSentence(figures, 'en') },
  };
}
