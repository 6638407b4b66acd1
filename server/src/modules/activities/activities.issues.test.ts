// The problems raised in an enterprise-visit campaign's visits, as the deputy's phone and the staff's campaign
// page read them: a deputy sees the problems of their own visits only, staff and leaders all of them, paged;
// each problem's status, reply and rating follow the opinion it became (read through the opinions module);
// every other role is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '@minyi/domain/activities';
import { shanghaiDate } from '@minyi/domain/calendar';
import { newId } from '../../platform/ids';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { clientsByRole, expectRefusals } from '../../../test/platform-fixtures';
import { buildActivitiesWorld, type ActivitiesWorld } from '../../../test/activities.fixture';
import { campaignFirms, firms } from './activities.table';

let t: TestEnv;
let w: ActivitiesWorld;
let campaignId: string;
let unit: TestClient;

const code = (n: number) => {
  const first = `91440300MA6${String(n).padStart(6, '0')}`;
  return first + usccCheckChar(first)!;
};
const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));

interface Issue {
  id: string;
  content: string;
  opinionId: string;
  firmName: string;
  visitedOn: string;
  deputyId: string;
  unitName: string;
  status: string;
  reply: string | null;
  rating: string | null;
  canRate: boolean;
}
const issuesOf = async (c: TestClient, query = '') => {
  const res = await c.get(`/api/v1/campaigns/${campaignId}/issues${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Issue[]; nextCursor: string | null }>();
};

/** A firm of the plan given to the deputy, visited on the day with the problems, each sent to the unit. */
async function visit(deputy: number, n: number, name: string, offset: number, problems: string[]) {
  const firmId = newId();
  await t.services.db.insert(firms).values({
    id: firmId,
    congressId: t.congressId,
    name,
    uscc: code(n),
    industry: '制造业',
    streetId: t.streetId,
  });
  await t.services.db
    .insert(campaignFirms)
    .values({ congressId: t.congressId, campaignId, firmId, deputyId: w.deputyIds[deputy] });
  const res = await w.deputy[deputy].post(`/api/v1/campaigns/${campaignId}/visits`, {
    firmId,
    visitedOn: day(offset),
    answers: {},
    issues: problems.map((content) => ({ content, unitId: w.unitId })),
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestEnv();
  w = await buildActivitiesWorld(t);
  const res = await w.staff.post('/api/v1/campaigns', {
    kind: 'enterpriseVisits',
    title: '走访调研企业、保经济增长',
    from: day(-20),
    to: day(40),
  });
  expect(res.statusCode, res.body).toBe(201);
  campaignId = res.json().id;
  await visit(0, 1, '东岭铭远机械有限公司', -3, ['厂区门前路灯损坏多日无人修', '货车进出需绕行三公里']);
  await visit(0, 2, '东岭禾丰食品有限公司', -1, ['冷链车辆夜间禁行时段过长']);
  await visit(1, 3, '东岭星河物流有限公司', -2, ['仓库周边道路积水严重']);
  await t.services.jobs.drain();
  unit = await t.as('issues-unit', ['handlingUnitStaff'], { handlingUnitId: w.unitId });
});
afterAll(async () => t?.close());

describe('who reads which problems', () => {
  it('a deputy sees the problems of their own visits only, newest visit first, with firm, day and unit', async () => {
    const mine = await issuesOf(w.deputy[0]);
    expect(mine.items.map((i) => [i.firmName, i.visitedOn])).toEqual([
      ['东岭禾丰食品有限公司', day(-1)],
      ['东岭铭远机械有限公司', day(-3)],
      ['东岭铭远机械有限公司', day(-3)],
    ]);
    expect(new Set(mine.items.map((i) => i.deputyId))).toEqual(new Set([w.deputyIds[0]]));
    expect(mine.items.every((i) => i.unitName === '区交通运输局' && i.status === 'forwarded')).toBe(true);
    const theirs = await issuesOf(w.deputy[1]);
    expect(theirs.items.map((i) => i.content)).toEqual(['仓库周边道路积水严重']);
  });

  it('staff and leaders see every problem of the campaign, paged by the cursor without loss or repeat', async () => {
    const all = await issuesOf(w.staff);
    expect(all.items).toHaveLength(4);
    const first = await issuesOf(w.staff, '?limit=3');
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBeTruthy();
    const rest = await issuesOf(w.staff, `?limit=3&cursor=${first.nextCursor}`);
    expect(rest.nextCursor).toBeNull();
    expect([...first.items, ...rest.items].map((i) => i.id)).toEqual(all.items.map((i) => i.id));
    expect((await issuesOf(w.leader)).items).toHaveLength(4);
    const bad = await w.staff.get(`/api/v1/campaigns/${campaignId}/issues?cursor=bm9wZQ`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('cursor');
  });

  it('refuses every other role (403), a deputy with no firms in the campaign, and the public (401)', async () => {
    const c = await clientsByRole(t, 'issues');
    await expectRefusals(t, c, [
      { method: 'GET', url: `/api/v1/campaigns/${campaignId}/issues`, allowed: ['congressStaff', 'leader'] },
    ]);
    const { memberClient } = await import('../../../test/meetings.fixture');
    const none = await memberClient(t, w.deputyIds[4]);
    expect((await none.get(`/api/v1/campaigns/${campaignId}/issues`)).statusCode).toBe(403);
    expect((await w.staff.get(`/api/v1/campaigns/${newId()}/issues`)).statusCode).toBe(404);
  });
});

describe("the problem's status follows its opinion", () => {
  it('shows the reply once the unit answers, lets the deputy who visited rate it, and then the rating and the closed status', async () => {
    const [late] = (await issuesOf(w.deputy[0])).items;
    expect(late).toMatchObject({ status: 'forwarded', reply: null, rating: null, canRate: false });
    const r = await unit.post(`/api/v1/opinions/${late.opinionId}/reply`, {
      outcome: 'resolved',
      content: '已与交警部门协调，冷链车辆夜间通行时段放宽至22时。',
    });
    expect(r.statusCode, r.body).toBeLessThan(300);
    const replied = (await issuesOf(w.deputy[0])).items.find((i) => i.id === late.id)!;
    expect(replied).toMatchObject({
      status: 'replied',
      reply: '已与交警部门协调，冷链车辆夜间通行时段放宽至22时。',
      canRate: true,
    });
    // Staff may rate too; another deputy never sees it.
    expect((await issuesOf(w.staff)).items.find((i) => i.id === late.id)?.canRate).toBe(true);
    expect((await issuesOf(w.deputy[1])).items.some((i) => i.id === late.id)).toBe(false);
    const rated = await w.deputy[0].post(`/api/v1/firm-issues/${late.id}/rating`, { rating: 'satisfied' });
    expect(rated.statusCode, rated.body).toBe(200);
    const after = (await issuesOf(w.deputy[0])).items.find((i) => i.id === late.id)!;
    expect(after).toMatchObject({ status: 'closedResolved', rating: 'satisfied', canRate: false });
    const report = (await w.staff.get(`/api/v1/campaigns/${campaignId}/report`)).json();
    expect(report).toMatchObject({ issues: 4, issuesSolved: 1 });
  });

  it('dissatisfied reopens: the problem shows forwarded again with the rating kept', async () => {
    const [, , early] = (await issuesOf(w.deputy[0])).items;
    await unit.post(`/api/v1/opinions/${early.opinionId}/reply`, {
      outcome: 'partlyResolved',
      content: '路灯已列入年度维修计划。',
    });
    const res = await w.deputy[0].post(`/api/v1/firm-issues/${early.id}/rating`, { rating: 'dissatisfied' });
    expect(res.statusCode, res.body).toBe(200);
    const now = (await issuesOf(w.deputy[0])).items.find((i) => i.id === early.id)!;
    expect(now).toMatchObject({ status: 'forwarded', rating: 'dissatisfied', canRate: false });
  });
});
