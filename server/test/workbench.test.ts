// GET /workbench (issue 23 point 5): what waits for each demo role across the modules, counted from the records,
// and moving when the records move; 401 without a session.
import { encryptBallot } from '@minyi/domain/ballots/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemo } from '../src/demo';
import { createTestEnv, testClient, type TestClient, type TestEnv } from './harness';

let t: TestEnv;
let congressId: string;
let streetId: string;
beforeAll(async () => {
  t = await createTestEnv();
  const demo = await loadDemo(t.services);
  congressId = demo.congressId;
  const streets = await t.anon.get(`/api/v1/jurisdictions?congressId=${congressId}&level=street`);
  streetId = (streets.json().items as { id: string }[])[0].id;
}, 300_000);
afterAll(async () => t?.close());

interface Item {
  module: string;
  kind: string;
  count: number;
  dueSoon: number;
  overdue: number;
  link: string;
}
const signIn = async (username: string, ip: string): Promise<TestClient> => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD },
    headers: { 'x-forwarded-for': ip },
  });
  expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
  return testClient(t.app, String(res.headers['set-cookie']).split(';')[0], res.json().csrfToken);
};
const workbench = async (c: TestClient): Promise<Item[]> => {
  const res = await c.get('/api/v1/workbench');
  expect(res.statusCode).toBe(200);
  return res.json().items;
};
const find = (items: Item[], module: string, kind: string) =>
  items.find((i) => i.module === module && i.kind === kind);

describe('the work home of each demo role', () => {
  it('answers 401 problem+json without a session', async () => {
    const res = await t.anon.get('/api/v1/workbench');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('gives staff, unit, deputy and liaison at least one to-do with a count, each with a link inside the app', async () => {
    for (const [i, username] of ['staff', 'unit', 'deputy', 'liaison', 'leader'].entries()) {
      const items = await workbench(await signIn(username, `10.31.0.${i + 1}`));
      if (username !== 'leader') expect(items.length, username).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.count, `${username} ${item.module}.${item.kind}`).toBeGreaterThan(0);
        expect(item.dueSoon + item.overdue).toBeLessThanOrEqual(item.count);
        expect(item.link).toMatch(/^\/[a-z]/);
      }
    }
  });

  it('shows the deputy the open demo vote to cast, and nothing once cast', async () => {
    const deputy = await signIn('deputy', '10.31.1.1');
    const before = find(await workbench(deputy), 'livelihood', 'toVote');
    expect(before).toMatchObject({ count: 1 });
    const voteId = before!.link.split('/').at(-1)!;
    const vote = (await deputy.get(`/api/v1/project-votes/${voteId}`)).json();
    expect((await deputy.post(`/api/v1/project-votes/${voteId}/attendance`)).statusCode).toBe(200);
    const cast = await deputy.post(
      `/api/v1/project-votes/${voteId}/ballots`,
      encryptBallot(
        {
          voteId,
          curve: vote.encryption.curve,
          publicKey: vote.encryption.publicKey,
          candidates: vote.candidates.length,
          maxChoices: vote.maxChoices,
        },
        [0],
      ),
    );
    expect(cast.statusCode, cast.body).toBe(201);
    expect(find(await workbench(deputy), 'livelihood', 'toVote')).toBeUndefined();
  });

  it("counts a citizen's new opinion for staff and liaison to claim", async () => {
    const staff = await signIn('staff', '10.31.2.1');
    const before = find(await workbench(staff), 'opinions', 'toClaim')?.count ?? 0;
    const res = await t.anon.post('/api/v1/opinions', {
      content: '东岭花园北门外的人行道砖松动了好几块，下雨天踩上去溅一身泥水，请尽快修补。',
      category: 'urbanManagement',
      streetId,
      phone: '13911112222',
      isPublic: false,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(find(await workbench(staff), 'opinions', 'toClaim')?.count).toBe(before + 1);
    const liaison = await signIn('liaison', '10.31.2.2');
    expect(find(await workbench(liaison), 'opinions', 'toClaim')?.count).toBe(before + 1);
  });

  it("counts a deputy's saved draft for them, and a submitted one for staff to review", async () => {
    const deputy = await signIn('deputy', '10.31.3.1');
    const staff = await signIn('staff', '10.31.3.2');
    const drafts = find(await workbench(deputy), 'suggestions', 'drafts')?.count ?? 0;
    const toReview = find(await workbench(staff), 'suggestions', 'toReview')?.count ?? 0;
    const [category] = (await deputy.get('/api/v1/suggestion-categories')).json().items;
    const created = await deputy.post('/api/v1/suggestions', {
      title: '关于增设东岭中学周边上下学时段临时停车位的建议',
      content: '上下学高峰时段家长车辆沿路停放，占用机动车道，建议在周边道路划设限时停车位并安排交警疏导。',
      category: category.code,
      draft: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(find(await workbench(deputy), 'suggestions', 'drafts')).toMatchObject({
      count: drafts + 1,
      link: '/suggestions/mine?status=draft',
    });
    expect((await deputy.post(`/api/v1/suggestions/${id}/submit`, {})).statusCode).toBe(200);
    expect(find(await workbench(deputy), 'suggestions', 'drafts')?.count ?? 0).toBe(drafts);
    expect(find(await workbench(staff), 'suggestions', 'toReview')?.count).toBe(toReview + 1);
  });

  it("gives the unit its suggestions to reply to with the overdue among them, as the unit's list counts them", async () => {
    const unit = await signIn('unit', '10.31.4.1');
    const toReply = find(await workbench(unit), 'suggestions', 'toReply');
    expect(toReply?.count).toBeGreaterThan(0);
    const overdueList = (await unit.get('/api/v1/suggestions?overdue=true&limit=200')).json().items as {
      overdue: boolean;
    }[];
    expect(toReply!.overdue).toBe(overdueList.length);
  });
});
