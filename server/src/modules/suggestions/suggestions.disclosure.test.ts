// Disclosure of replies on the public site, the choice of the leading leader for key suggestions, and the
// year-end follow-up view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { addSittingInSession } from '../../../test/registry.fixture';
import { newId } from '../../platform/ids';
import { accounts } from '../../platform/platform.table';
import { deputies, handlingUnits } from '../../../test/tables';
import { suggestions } from './suggestions.table';

let t: TestEnv;
let sittingId: string;
let pub: string;
const dep: Record<string, string> = {};
const unit: Record<string, string> = {};
const c: Record<string, TestClient> = {};

const base = {
  title: '关于增设坂田地铁站公交接驳线路的建议',
  content: '坂田地铁站周边居民出行不便，建议增设公交接驳线路。代表电话13900001111。',
  category: 'transport',
};

const ok = (res: { statusCode: number; body: string }, code = 200) =>
  expect(res.statusCode, res.body).toBe(code);

/** A suggestion by dep.p (with co-signer dep.co when asked), answered by unit a with `category`. */
async function replied(category: string, extra: Record<string, unknown> = {}, unitKey = 'a') {
  const res = await c.p.post('/api/v1/suggestions', { ...base, ...extra });
  ok(res, 201);
  const id = res.json().id as string;
  if (extra.cosignerIds) ok(await c.co.post(`/api/v1/suggestions/${id}/cosign`, { accept: true }));
  ok(await c.staff.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept', comment: '' }));
  ok(await c.staff.post(`/api/v1/suggestions/${id}/assign`, { leadUnitId: unit[unitKey] }));
  const u = c[`unit_${unitKey}`];
  ok(await u.post(`/api/v1/suggestions/${id}/contacts`, { method: 'phone', summary: '电话沟通' }));
  ok(
    await u.post(`/api/v1/suggestions/${id}/reply`, {
      category,
      content: `答复（${category}类）：已研究办理，联系人电话13812345678。`,
    }),
  );
  return id;
}
// A dissatisfied rating gives its reasons (上海规定 Art. 21).
const rate = async (id: string, rating: string) =>
  ok(
    await c.p.post(`/api/v1/suggestions/${id}/rating`, {
      rating,
      comment: rating === 'dissatisfied' ? '进度太慢' : '',
    }),
  );
const setSettings = async (patch: Record<string, unknown>) =>
  ok(await c.staff.put('/api/v1/suggestion-settings', patch));
const publicList = (q = '') => t.anon.get(`${pub}?congressId=${t.congressId}${q}`);

beforeAll(async () => {
  t = await createTestEnv();
  const db = t.services.db;
  const congressId = t.congressId;
  ({ sittingId } = await addSittingInSession(db, congressId));
  for (const [k, name] of [
    ['p', '王建国'],
    ['co', '李秀英'],
  ]) {
    dep[k] = newId();
    await db.insert(deputies).values({ id: dep[k], congressId, name, gender: 'male' });
  }
  for (const k of ['a', 'b']) {
    unit[k] = newId();
    await db
      .insert(handlingUnits)
      .values({ id: unit[k], congressId, name: `区${k.toUpperCase()}局`, kind: 'governmentDepartment' });
  }
  c.p = await t.as('dep_p', ['deputy'], { deputyId: dep.p });
  c.co = await t.as('dep_co', ['deputy'], { deputyId: dep.co });
  c.staff = await t.as('staff', ['congressStaff']);
  c.unit_a = await t.as('unit_a', ['handlingUnitStaff'], { handlingUnitId: unit.a });
  c.unit_b = await t.as('unit_b', ['handlingUnitStaff'], { handlingUnitId: unit.b });
  c.leader = await t.as('leader1', ['leader']);
  c.leader2 = await t.as('leader2', ['leader']);
  c.citizen = await t.as('citizen1', ['citizen']);
  c.admin = await t.as('sysadmin', ['systemAdmin']);
  pub = '/api/v1/public/suggestion-replies';
});
afterAll(async () => t?.close());

describe('public disclosure of replies (答复公开)', () => {
  it('refuses to publish while the congress has not enabled publication, and shows nothing', async () => {
    const id = await replied('A');
    const res = await c.staff.post(`/api/v1/suggestions/${id}/publish`, {});
    expect(res.statusCode).toBe(409);
    const [row] = await t.services.db.select().from(suggestions).where(eq(suggestions.id, id));
    expect(row.published).toBe(false);
    const list = await publicList();
    ok(list);
    expect(list.json().items).toEqual([]);
  });

  it('shows anonymously only published replies, with the proposer name but no phone or co-signer', async () => {
    await setSettings({ publishReplies: true });
    const shown = await replied('B', { cosignerIds: [dep.co], title: '关于完善布吉街道垃圾分类设施的建议' });
    const hidden = await replied('A', { title: '关于未公开答复的建议' });
    expect((await c.p.post(`/api/v1/suggestions/${shown}/publish`, {})).statusCode).toBe(403);
    expect((await c.unit_a.post(`/api/v1/suggestions/${shown}/publish`, {})).statusCode).toBe(403);
    ok(await c.staff.post(`/api/v1/suggestions/${shown}/publish`, {}));

    const list = await publicList();
    ok(list);
    const items = list.json().items as Record<string, unknown>[];
    expect(items.map((i) => i.id)).toEqual([shown]);
    expect(items.map((i) => i.id)).not.toContain(hidden);
    expect(items[0]).toMatchObject({
      id: shown,
      number: expect.stringMatching(/^第七届二次会议第\d{4}号$/),
      title: '关于完善布吉街道垃圾分类设施的建议',
      category: 'transport',
      proposerName: '王建国',
      leadUnitId: unit.a,
      leadUnitName: '区A局',
      resultCategory: 'B',
      replyContent: '答复（B类）：已研究办理，联系人电话138****5678。',
      repliedAt: expect.any(String),
    });
    const body = list.body;
    expect(body).not.toContain('13812345678');
    expect(body).not.toContain('13900001111');
    expect(body).not.toContain('坂田地铁站周边居民'); // the suggestion's own text is not published
    expect(body).not.toContain(dep.p);
    expect(body).not.toContain('李秀英');

    const one = await t.anon.get(`${pub}/${shown}?congressId=${t.congressId}`);
    ok(one);
    expect(one.json()).toMatchObject({ id: shown, proposerName: '王建国', resultCategory: 'B' });
    expect(one.json().replies).toHaveLength(1);
    expect(one.body).not.toContain('13812345678');
    expect((await t.anon.get(`${pub}/${hidden}?congressId=${t.congressId}`)).statusCode).toBe(404);
    expect((await t.anon.get(`${pub}/${newId()}?congressId=${t.congressId}`)).statusCode).toBe(404);
  });

  it('leaves the proposer name out when the congress publishes by number only', async () => {
    await setSettings({ publicRepliesShowProposer: false });
    const list = await publicList();
    expect(list.json().items.length).toBeGreaterThan(0);
    for (const i of list.json().items) expect(i.proposerName).toBeNull();
    expect(list.body).not.toContain('王建国');
    await setSettings({ publicRepliesShowProposer: true });
  });

  it('pages with a cursor, newest reply first, and filters by unit, category, result, sitting, year and text', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = await replied(
        i % 2 ? 'C' : 'A',
        { title: `关于第${i}项事项的建议`, category: i < 2 ? 'education' : 'health' },
        i === 3 ? 'b' : 'a',
      );
      ok(await c.staff.post(`/api/v1/suggestions/${id}/publish`, {}));
      ids.push(id);
    }
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await publicList(`&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      ok(res);
      expect(res.json().items.length).toBeLessThanOrEqual(2);
      all.push(...res.json().items.map((i: { id: string }) => i.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(all).toHaveLength(5);
    // The filter choices come with the list, so the public page needs no signed-in lookup.
    const facets = (await publicList('&limit=1')).json();
    expect(facets.resultCategories.map((x: { code: string }) => x.code)).toEqual(['A', 'B', 'C', 'D']);
    expect(facets.categories.map((x: { code: string }) => x.code)).toContain('education');
    expect(new Set(all).size).toBe(5);
    expect(all.slice(0, 4)).toEqual([...ids].reverse());

    const ids$ = async (q: string) => (await publicList(q)).json().items.map((i: { id: string }) => i.id);
    expect(await ids$(`&unitId=${unit.b}`)).toEqual([ids[3]]);
    expect(await ids$('&category=education')).toEqual([ids[1], ids[0]]);
    expect(await ids$('&result=C')).toEqual([ids[3], ids[1]]);
    expect(await ids$(`&sittingId=${sittingId}`)).toHaveLength(5);
    expect(await ids$(`&sittingId=${newId()}`)).toEqual([]);
    expect(await ids$('&year=2001')).toEqual([]);
    expect(await ids$(`&q=${encodeURIComponent('第2项')}`)).toEqual([ids[2]]);
  });

  it('answers bad query input with 400 naming the field', async () => {
    for (const [q, field] of [
      ['&limit=0', 'limit'],
      ['&limit=abc', 'limit'],
      ['&unitId=nope', 'unitId'],
      ['&cursor=%%%', 'cursor'],
      ['&year=1800', 'year'],
    ]) {
      const res = await publicList(q);
      expect(res.statusCode, q).toBe(400);
      expect(JSON.stringify(res.json().errors), q).toContain(field);
    }
    expect((await t.anon.get(`${pub}/not-a-uuid`)).statusCode).toBe(400);
  });

  it('shows nothing once the congress switches publication off', async () => {
    await setSettings({ publishReplies: false });
    expect((await publicList()).json().items).toEqual([]);
    const [row] = await t.services.db
      .select({ id: suggestions.id })
      .from(suggestions)
      .where(eq(suggestions.published, true))
      .limit(1);
    expect((await t.anon.get(`${pub}/${row.id}?congressId=${t.congressId}`)).statusCode).toBe(404);
    await setSettings({ publishReplies: true });
  });
});

describe('leading leader selection (领衔督办)', () => {
  it('lists the congress leaders to staff only', async () => {
    const res = await c.staff.get('/api/v1/suggestion-leaders');
    ok(res);
    const names = res.json().items.map((i: { name: string }) => i.name);
    expect(res.json().items).toHaveLength(2);
    expect(names).toEqual([...names].sort());
    const ids = res.json().items.map((i: { accountId: string }) => i.accountId);
    const [me] = await t.services.db.select().from(accounts).where(eq(accounts.username, 'leader1'));
    expect(ids).toContain(me.id);
    for (const k of ['p', 'unit_a', 'leader', 'citizen', 'admin']) {
      expect((await c[k].get('/api/v1/suggestion-leaders')).statusCode, k).toBe(403);
    }
    expect((await t.anon.get('/api/v1/suggestion-leaders')).statusCode).toBe(401);
  });

  it('leaves out a disabled leader account', async () => {
    const [l2] = await t.services.db.select().from(accounts).where(eq(accounts.username, 'leader2'));
    await t.services.db.update(accounts).set({ status: 'disabled' }).where(eq(accounts.id, l2.id));
    const ids = (await c.staff.get('/api/v1/suggestion-leaders'))
      .json()
      .items.map((i: { accountId: string }) => i.accountId);
    expect(ids).not.toContain(l2.id);
    await t.services.db.update(accounts).set({ status: 'active' }).where(eq(accounts.id, l2.id));
  });

  it('selects a key suggestion with a leader from the list; the leader then sees and supervises it', async () => {
    const created = await c.p.post('/api/v1/suggestions', { ...base, title: '关于重点督办事项的建议' });
    const id = created.json().id as string;
    ok(await c.staff.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept', comment: '' }));
    const [l1] = await t.services.db.select().from(accounts).where(eq(accounts.username, 'leader1'));
    const listed = (await c.staff.get('/api/v1/suggestion-leaders')).json().items;
    expect(listed.map((i: { accountId: string }) => i.accountId)).toContain(l1.id);
    expect((await c.staff.get(`/api/v1/suggestions/${id}`)).json().abilities.selectKey).toBe(true);
    expect((await c.leader.get(`/api/v1/suggestions/${id}`)).json().abilities.selectKey).toBe(false);
    expect(
      (await c.leader.post(`/api/v1/suggestions/${id}/key`, { leaderAccountIds: [l1.id] })).statusCode,
    ).toBe(403);
    ok(
      await c.staff.post(`/api/v1/suggestions/${id}/key`, {
        leaderAccountIds: [l1.id],
        note: '主任会议决定',
      }),
    );
    const detail = (await c.leader.get(`/api/v1/suggestions/${id}`)).json();
    expect(detail.isKey).toBe(true);
    expect(detail.leader.accountId).toBe(l1.id);
    expect(detail.abilities.supervise).toBe(true);
  });
});

describe('year-end follow-up view (跟踪办理)', () => {
  it('shows the B and C items per unit and what moved: B→solved, C→B, still pending', async () => {
    // B, reported solved.
    const bSolved = await replied('B', { title: '年终：B已解决' });
    await rate(bSolved, 'satisfied');
    ok(await c.unit_a.post(`/api/v1/suggestions/${bSolved}/solved`, { note: '已建成' }));
    // C, dissatisfied, re-answered B: moved up.
    const cToB = await replied('C', { title: '年终：C转B' }, 'b');
    await rate(cToB, 'dissatisfied');
    ok(await c.staff.post(`/api/v1/suggestions/${cToB}/rehandling-review`, { decision: 'rehandle' }));
    ok(await c.unit_b.post(`/api/v1/suggestions/${cToB}/contacts`, { method: 'visit', summary: '再次走访' }));
    ok(
      await c.unit_b.post(`/api/v1/suggestions/${cToB}/reply`, { category: 'B', content: '已列入明年计划' }),
    );
    await rate(cToB, 'basicallySatisfied');
    // C, still in follow-up.
    const cPending = await replied('C', { title: '年终：C未动' });
    await rate(cPending, 'satisfied');

    const res = await c.leader.get(`/api/v1/suggestion-follow-up?sittingId=${sittingId}`);
    ok(res);
    const r = res.json();
    const item = (id: string) => r.items.find((i: { id: string }) => i.id === id);
    expect(item(bSolved)).toMatchObject({
      firstCategory: 'B',
      outcome: 'solved',
      solvedAt: expect.any(String),
    });
    expect(item(cToB)).toMatchObject({ firstCategory: 'C', latestCategory: 'B', outcome: 'improved' });
    expect(item(cPending)).toMatchObject({ firstCategory: 'C', latestCategory: 'C', outcome: 'pending' });
    // Items answered A or D never enter follow-up.
    expect(r.items.every((i: { firstCategory: string }) => ['B', 'C'].includes(i.firstCategory))).toBe(true);
    expect(r.totals.total).toBe(r.items.length);
    expect(r.totals.solved + r.totals.improved + r.totals.pending).toBe(r.totals.total);
    const move = (from: string, to: string) =>
      r.movements.find((m: { from: string; to: string }) => m.from === from && m.to === to)?.count ?? 0;
    expect(move('B', 'solved')).toBeGreaterThanOrEqual(1);
    expect(move('C', 'B')).toBe(1);
    const unitB = r.byUnit.find((u: { unitId: string }) => u.unitId === unit.b);
    expect(unitB).toMatchObject({ name: '区B局', improved: 1 });

    const onlyB = (await c.staff.get(`/api/v1/suggestion-follow-up?unitId=${unit.b}`)).json();
    expect(onlyB.items.every((i: { unitId: string }) => i.unitId === unit.b)).toBe(true);
    expect((await c.staff.get('/api/v1/suggestion-follow-up?year=2001')).json().items).toEqual([]);
  });

  it('is refused to deputies, units, citizens, administrators and the anonymous, and rejects bad filters', async () => {
    for (const k of ['p', 'unit_a', 'citizen', 'admin'])
      expect((await c[k].get('/api/v1/suggestion-follow-up')).statusCode, k).toBe(403);
    expect((await t.anon.get('/api/v1/suggestion-follow-up')).statusCode).toBe(401);
    const bad = await c.staff.get('/api/v1/suggestion-follow-up?year=abc');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('year');
    expect((await c.staff.get('/api/v1/suggestion-follow-up?unitId=x')).statusCode).toBe(400);
  });
});
