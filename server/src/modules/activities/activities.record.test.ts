// The deputy's record (代表履职档案) and the campaign's report: each kind of work counted once, in the right
// year (Shanghai time), from its own module's data — suggestions led and co-signed, receptions checked in,
// activities attended, meetings attended — and the duty points by the congress's rules, shown with the score;
// the activity month's figures from the campaign's activities, the receptions and opinions at its places in
// its period and its findings' opinions, with the report's sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { newId } from '../../platform/ids';
import {
  deputies,
  liaisonPlaces,
  meetingMembers,
  meetings,
  opinions,
  receptionDeputies,
  receptions,
  suggestionCosigners,
  suggestions,
} from '../../../test/tables';
import { createTestEnv, type TestEnv } from '../../../test/harness';
import { signIn } from '../../../test/platform-fixtures';
import { buildActivitiesWorld, type ActivitiesWorld } from '../../../test/activities.fixture';

let t: TestEnv;
let w: ActivitiesWorld;
let d0: string, d1: string;

const at = (s: string) => new Date(s);

async function activity(extra: Record<string, unknown>) {
  const res = await w.staff.post('/api/v1/activities', {
    kind: 'inspection',
    title: '视察',
    placeId: w.placeId,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const sheet = async (id: string, deputyIds: string[]) => {
  const r = await w.staff.post(`/api/v1/activities/${id}/attendance`, { deputyIds });
  expect(r.statusCode, r.body).toBe(200);
};
const record = async (deputyId: string, year: number) => {
  const r = await t.anon.get(`/api/v1/deputies/${deputyId}/record?year=${year}&congressId=${t.congressId}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

beforeAll(async () => {
  t = await createTestEnv();
  w = await buildActivitiesWorld(t);
  [d0, d1] = w.deputyIds;
  const db = t.services.db;
  const c = t.congressId;
  // Suggestions: two led by d0 (one submitted at 23:30 on New Year's Eve 2025 in Shanghai: 2025's), a draft,
  // a withdrawn one; d1 co-signed the 2026 one.
  const s2026 = newId();
  await db.insert(suggestions).values([
    {
      id: s2026,
      congressId: c,
      listItem: '',
      proposerDeputyId: d0,
      title: '关于增设公交线路的建议',
      content: '…',
      category: 'transport',
      status: 'submitted',
      submittedAt: at('2026-03-02T10:00:00+08:00'),
    },
    {
      id: newId(),
      congressId: c,
      listItem: '',
      proposerDeputyId: d0,
      title: '关于老旧小区加装电梯的建议',
      content: '…',
      category: 'urban',
      status: 'submitted',
      submittedAt: at('2025-12-31T23:30:00+08:00'),
    },
    {
      id: newId(),
      congressId: c,
      listItem: '',
      proposerDeputyId: d0,
      title: '草稿',
      content: '…',
      category: 'urban',
    },
    {
      id: newId(),
      congressId: c,
      listItem: '',
      proposerDeputyId: d0,
      title: '已撤回',
      content: '…',
      category: 'urban',
      status: 'withdrawn',
      submittedAt: at('2026-04-01T10:00:00+08:00'),
    },
  ]);
  await db
    .insert(suggestionCosigners)
    .values({ congressId: c, suggestionId: s2026, deputyId: d1, status: 'confirmed' });
  // Receptions at the place: one held in July with d0 checked in (12 people) and d1 not, one held in August
  // (8 people), one in September (outside the month), one scheduled, one at another place.
  const otherPlace = newId();
  await db
    .insert(liaisonPlaces)
    .values({ id: otherPlace, congressId: c, kind: 'point', name: '西岭联系点', streetId: t.streetId });
  const r1 = newId();
  const recs = [
    {
      id: r1,
      liaisonPlaceId: w.placeId,
      startsAt: at('2026-07-10T09:00:00+08:00'),
      status: 'held' as const,
      peopleReceived: 12,
    },
    {
      id: newId(),
      liaisonPlaceId: w.placeId,
      startsAt: at('2026-08-20T09:00:00+08:00'),
      status: 'held' as const,
      peopleReceived: 8,
    },
    {
      id: newId(),
      liaisonPlaceId: w.placeId,
      startsAt: at('2026-09-05T09:00:00+08:00'),
      status: 'held' as const,
      peopleReceived: 30,
    },
    {
      id: newId(),
      liaisonPlaceId: w.placeId,
      startsAt: at('2026-08-25T09:00:00+08:00'),
      status: 'scheduled' as const,
      peopleReceived: null,
    },
    {
      id: newId(),
      liaisonPlaceId: otherPlace,
      startsAt: at('2026-07-15T09:00:00+08:00'),
      status: 'held' as const,
      peopleReceived: 50,
    },
  ];
  await db.insert(receptions).values(
    recs.map((r) => ({
      ...r,
      congressId: c,
      streetId: t.streetId,
      endsAt: new Date(r.startsAt.getTime() + 3 * 3_600_000),
    })),
  );
  await db.insert(receptionDeputies).values([
    { congressId: c, receptionId: r1, deputyId: d0, checkedInAt: at('2026-07-10T08:55:00+08:00') },
    { congressId: c, receptionId: r1, deputyId: d1, checkedInAt: null },
  ]);
  // Meetings: d0 present at one in May, on leave at one in June; one in 2025 present.
  const m = [newId(), newId(), newId()];
  await db.insert(meetings).values([
    {
      id: m[0],
      congressId: c,
      body: 'standingCommittee' as const,
      number: 1,
      title: '第一次会议',
      startDate: '2026-05-10',
      endDate: '2026-05-10',
    },
    {
      id: m[1],
      congressId: c,
      body: 'standingCommittee' as const,
      number: 2,
      title: '第二次会议',
      startDate: '2026-06-10',
      endDate: '2026-06-10',
    },
    {
      id: m[2],
      congressId: c,
      body: 'standingCommittee' as const,
      number: 9,
      title: '去年的会议',
      startDate: '2025-11-10',
      endDate: '2025-11-10',
    },
  ]);
  await db.insert(meetingMembers).values([
    { congressId: c, meetingId: m[0], deputyId: d0, name: '代表01', attendance: 'present' as const },
    {
      congressId: c,
      meetingId: m[1],
      deputyId: d0,
      name: '代表01',
      attendance: 'onLeave' as const,
      leaveReason: '出差',
    },
    { congressId: c, meetingId: m[2], deputyId: d0, name: '代表01', attendance: 'present' as const },
  ]);
});
afterAll(async () => t?.close());

describe("the deputy's record", () => {
  it('counts each kind of work once, in its year, from its own module', async () => {
    const a1 = await activity({
      kind: 'inspection',
      startsAt: '2026-07-08T09:00:00+08:00',
      endsAt: '2026-07-08T11:00:00+08:00',
    });
    const a2 = await activity({
      kind: 'forum',
      startsAt: '2026-08-12T14:00:00+08:00',
      endsAt: '2026-08-12T16:00:00+08:00',
    });
    const a0 = await activity({
      kind: 'forum',
      startsAt: '2025-12-31T23:00:00+08:00',
      endsAt: '2026-01-01T01:00:00+08:00',
    });
    const invitedOnly = await activity({
      startsAt: '2026-09-01T09:00:00+08:00',
      endsAt: '2026-09-01T10:00:00+08:00',
      deputyIds: [d0],
    });
    await sheet(a1, [d0, d1]);
    await sheet(a1, [d0]); // again: nothing more
    await sheet(a2, [d0]);
    await sheet(a0, [d0]);
    expect(invitedOnly).toBeTruthy();

    const r = await record(d0, 2026);
    expect(r).toMatchObject({
      deputy: { id: d0, name: '代表01' },
      year: 2026,
      suggestions: 1,
      suggestionsCosigned: 0,
      receptions: 1,
      activities: 2,
      meetingsAttended: 1,
      meetingsExcused: 1,
    });
    expect(r.activitiesByKind).toEqual(
      expect.arrayContaining([
        { kind: 'inspection', count: 1 },
        { kind: 'forum', count: 1 },
      ]),
    );
    const last = await record(d0, 2025);
    expect(last).toMatchObject({
      suggestions: 1,
      receptions: 0,
      activities: 1,
      meetingsAttended: 1,
      meetingsExcused: 0,
    });
    const other = await record(d1, 2026);
    expect(other).toMatchObject({
      suggestions: 0,
      suggestionsCosigned: 1,
      receptions: 0,
      activities: 1,
      meetingsAttended: 0,
    });
  });

  it('scores duty points by the rules in the settings, shown beside the score', async () => {
    const r = await record(d0, 2026);
    // Defaults: suggestion 5, reception 3, activity 2, meeting 2.
    expect(r.points).toBe(1 * 5 + 1 * 3 + 2 * 2 + 1 * 2);
    expect(r.pointsRules).toEqual([
      { kind: 'suggestions', count: 1, perUnit: 5, points: 5 },
      { kind: 'receptions', count: 1, perUnit: 3, points: 3 },
      { kind: 'activities', count: 2, perUnit: 2, points: 4 },
      { kind: 'meetingsAttended', count: 1, perUnit: 2, points: 2 },
      { kind: 'firmVisits', count: 0, perUnit: 2, points: 0 },
      { kind: 'pledgesFulfilled', count: 0, perUnit: 3, points: 0 },
    ]);
    const admin = await signIn(t, 'rec_sysadmin', ['systemAdmin']);
    const put = await admin.put('/api/v1/settings/activities', {
      pointsPerUnit: { activities: 10, receptions: 0 },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = await record(d0, 2026);
    expect(after.points).toBe(5 + 0 + 20 + 2);
    expect(after.pointsRules[2]).toEqual({ kind: 'activities', count: 2, perUnit: 10, points: 20 });
    await admin.put('/api/v1/settings/activities', { pointsPerUnit: { activities: 2, receptions: 3 } });
  });

  it('is public and leaves private data out; an unknown deputy is 404, a missing year 400', async () => {
    await t.services.db.update(deputies).set({ bio: '公开简介' }).where(eq(deputies.id, d0));
    const r = await record(d0, 2026);
    expect(Object.keys(r.deputy).sort()).toEqual(['id', 'levels', 'name']);
    expect(JSON.stringify(r)).not.toMatch(/phone|idNumber|address|birth/i);
    const missing = await t.anon.get(
      `/api/v1/deputies/${newId()}/record?year=2026&congressId=${t.congressId}`,
    );
    expect(missing.statusCode).toBe(404);
    const noYear = await t.anon.get(`/api/v1/deputies/${d0}/record?congressId=${t.congressId}`);
    expect(noYear.statusCode).toBe(400);
    expect(JSON.stringify(noYear.json())).toContain('year');
  });
});

describe("the activity month's report", () => {
  it('computes the figures from the records and writes the sentence from them', async () => {
    const res = await w.staff.post('/api/v1/campaigns', {
      kind: 'activityMonth',
      title: '2026年人大代表活动月',
      from: '2026-07-01',
      to: '2026-08-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    const campaignId = res.json().id;
    const a = await activity({
      campaignId,
      startsAt: '2026-07-09T09:00:00+08:00',
      endsAt: '2026-07-09T11:00:00+08:00',
    });
    const b = await activity({
      campaignId,
      kind: 'council',
      startsAt: '2026-08-05T09:00:00+08:00',
      endsAt: '2026-08-05T11:00:00+08:00',
    });
    // Not in the campaign: not counted, though at the same place.
    const outside = await activity({
      startsAt: '2026-07-20T09:00:00+08:00',
      endsAt: '2026-07-20T11:00:00+08:00',
    });
    await sheet(a, [d0, d1, w.deputyIds[2]]);
    await sheet(b, [d0]);
    await sheet(b, [d0]);
    await sheet(outside, [d1]);
    const rec = await w.staff.post(`/api/v1/activities/${a}/record`, {
      summary: '视察了东湖片区三处道路。',
      findings: [
        { content: '东湖小学门口缺少护学岗', unitId: w.unitId },
        { content: '东湖路口信号灯配时过短', unitId: w.unitId },
      ],
    });
    expect(rec.statusCode, rec.body).toBe(200);
    await t.services.jobs.drain();
    const solvedId = rec.json().findings[0].opinionId;
    await t.services.db.update(opinions).set({ status: 'closedResolved' }).where(eq(opinions.id, solvedId));

    const report = (await w.leader.get(`/api/v1/campaigns/${campaignId}/report`)).json();
    expect(report).toMatchObject({
      kind: 'activityMonth',
      activities: 2,
      attendances: 4,
      // 12 + 8 at the campaign's place in July and August; not September's, not the other place's.
      received: 20,
      // The findings' opinions, once each (they are also at the place).
      opinions: 2,
      solved: 1,
      inProgress: 1,
    });
    expect(report.sentence.zh).toBe(
      '组织各级人大代表参加活动4人次，开展各类活动2场，接待群众20人次，收集群众意见建议2件，已解决1件',
    );
    expect(report.byKind).toEqual([
      { kind: 'inspection', activities: 1, attendances: 3 },
      { kind: 'council', activities: 1, attendances: 1 },
    ]);
    // d1 is also a city deputy: counted at the higher level.
    expect(report.byLevel).toEqual([
      { level: 'city', attendances: 1 },
      { level: 'district', attendances: 3 },
    ]);
    expect(report.byStreet).toEqual([
      expect.objectContaining({
        streetId: t.streetId,
        name: '测试街道',
        activities: 2,
        attendances: 4,
        received: 20,
        opinions: 2,
        solved: 1,
      }),
    ]);
  });

  it("counts an enterprise-visit campaign's issues from its activities' findings", async () => {
    const res = await w.staff.post('/api/v1/campaigns', {
      kind: 'enterpriseVisits',
      title: '走访调研企业、保经济增长',
      from: '2026-04-01',
      to: '2026-06-30',
    });
    const campaignId = res.json().id;
    const v = await activity({
      campaignId,
      kind: 'investigation',
      startsAt: '2026-04-09T09:00:00+08:00',
      endsAt: '2026-04-09T11:00:00+08:00',
    });
    await sheet(v, [d0]);
    const rec = await w.staff.post(`/api/v1/activities/${v}/record`, {
      summary: '走访了两家企业。',
      findings: [{ content: '企业反映用工招聘难', unitId: w.unitId }],
    });
    expect(rec.statusCode).toBe(200);
    await t.services.jobs.drain();
    const report = (await w.staff.get(`/api/v1/campaigns/${campaignId}/report`)).json();
    expect(report).toMatchObject({ kind: 'enterpriseVisits', issues: 1, issuesSolved: 0 });
  });

  it('refuses campaigns to everyone but staff and leaders (a deputy lists only those with firms to visit); bad input names the field', async () => {
    const campaignId = (
      await w.staff.post('/api/v1/campaigns', {
        kind: 'other',
        title: '专项视察',
        from: '2026-01-01',
        to: '2026-01-31',
      })
    ).json().id;
    expect((await w.deputy[0].get(`/api/v1/campaigns/${campaignId}/report`)).statusCode).toBe(403);
    const mine = await w.deputy[0].get('/api/v1/campaigns');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual([]);
    expect((await t.anon.get(`/api/v1/campaigns/${campaignId}/report`)).statusCode).toBe(401);
    expect((await w.staff.get(`/api/v1/campaigns/${newId()}/report`)).statusCode).toBe(404);
    const bad = await w.staff.post('/api/v1/campaigns', {
      kind: 'picnic',
      title: 'x',
      from: '2026-02-01',
      to: '2026-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/kind/);
    const list = (await w.leader.get('/api/v1/campaigns')).json();
    expect(list.items.map((c: { title: string }) => c.title)).toContain('专项视察');
  });
});
