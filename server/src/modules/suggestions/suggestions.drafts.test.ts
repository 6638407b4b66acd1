// A deputy's draft is its authors' (proposer and co-signers) until submitted (issue 22 item 7): everyone else
// is answered 404 on the item, as if it did not exist, and never finds it in a list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { addSittingInSession } from '../../../test/registry.fixture';
import { newId } from '../../platform/ids';
import { auditEvents } from '../../platform/platform.table';
import { deputies, handlingUnits } from '../../../test/tables';
import { suggestions } from './suggestions.table';

let t: TestEnv;
const dep: Record<string, string> = {};
const c: Record<string, TestClient> = {};
let unitId: string;

const base = {
  title: '关于草稿不外露的建议',
  content: '代表尚未提交的草稿只属于代表本人和联名代表，工作人员和领导不应看到。',
  category: 'transport',
};

beforeAll(async () => {
  t = await createTestEnv();
  const db = t.services.db;
  const congressId = t.congressId;
  await addSittingInSession(db, congressId);
  for (const [k, name] of [
    ['p', '王建国'],
    ['co', '李秀英'],
    ['other', '张伟'],
    ['leaderDeputy', '赵敏'],
  ]) {
    dep[k] = newId();
    await db.insert(deputies).values({ id: dep[k], congressId, name, gender: 'male' });
  }
  unitId = newId();
  await db
    .insert(handlingUnits)
    .values({ id: unitId, congressId, name: '区A局', kind: 'governmentDepartment' });
  c.p = await t.as('dep_p', ['deputy'], { deputyId: dep.p });
  c.co = await t.as('dep_co', ['deputy'], { deputyId: dep.co });
  c.other = await t.as('dep_other', ['deputy'], { deputyId: dep.other });
  c.staff = await t.as('staff', ['congressStaff']);
  c.leader = await t.as('leader', ['leader']);
  c.leaderDeputy = await t.as('leader_deputy', ['leader', 'deputy'], { deputyId: dep.leaderDeputy });
  c.unit = await t.as('unit', ['handlingUnitStaff'], { handlingUnitId: unitId });
  c.citizen = await t.as('citizen', ['citizen']);
});
afterAll(async () => t?.close());

async function create(body: Record<string, unknown>, as = c.p) {
  const r = await as.post('/api/v1/suggestions', { ...base, ...body });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<{ id: string; status: string }>();
}
const listIds = async (cl: TestClient, query = '') => {
  const r = await cl.get(`/api/v1/suggestions?limit=200${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ items: { id: string }[] }>().items.map((i) => i.id);
};
const auditCount = async (id: string) =>
  Number(
    (await t.services.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityId, id)))[0].n,
  );

describe('drafts (issue 22 item 7)', () => {
  it('shows a draft to its proposer and co-signers only; staff, leaders, units and other deputies get 404', async () => {
    const { id, status } = await create({ draft: true, cosignerIds: [dep.co] });
    expect(status).toBe('draft');
    for (const who of ['p', 'co'])
      expect((await c[who].get(`/api/v1/suggestions/${id}`)).statusCode).toBe(200);
    for (const who of ['staff', 'leader', 'unit', 'other', 'citizen']) {
      const r = await c[who].get(`/api/v1/suggestions/${id}`);
      expect(r.statusCode, `${who}: ${r.body}`).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json()).toMatchObject({ code: 'not_found' });
    }
    expect((await t.anon.get(`/api/v1/suggestions/${id}`)).statusCode).toBe(401);
    // The same 404 as an id that does not exist: nothing tells the two apart.
    const missing = await c.staff.get(`/api/v1/suggestions/${newId()}`);
    expect((await c.staff.get(`/api/v1/suggestions/${id}`)).json().title).toBe(missing.json().title);
  });

  it('never lists another deputy’s draft to staff or leaders, with or without ?status=draft', async () => {
    const { id } = await create({ draft: true });
    for (const who of ['staff', 'leader']) {
      expect(await listIds(c[who], '&status=draft'), who).not.toContain(id);
      expect(await listIds(c[who]), who).not.toContain(id);
    }
    expect(await listIds(c.unit)).not.toContain(id);
    expect(await listIds(c.other, '&status=draft')).not.toContain(id);
    expect(await listIds(c.p, '&status=draft')).toContain(id);
    // A leader who is also a deputy sees their own draft, not another's.
    const own = await create({ draft: true }, c.leaderDeputy);
    expect(await listIds(c.leaderDeputy, '&status=draft')).toEqual(expect.arrayContaining([own.id]));
    expect(await listIds(c.leaderDeputy, '&status=draft')).not.toContain(id);
    expect((await c.leaderDeputy.get(`/api/v1/suggestions/${own.id}`)).statusCode).toBe(200);
    expect((await c.leaderDeputy.get(`/api/v1/suggestions/${id}`)).statusCode).toBe(404);
  });

  it('answers staff steps, similar and merge on a draft as if it did not exist, and changes nothing', async () => {
    const { id } = await create({ draft: true });
    const submitted = await create({});
    const before = await auditCount(id);
    const review = await c.staff.post(`/api/v1/suggestions/${id}/review`, {
      decision: 'accept',
      comment: '',
    });
    expect(review.statusCode, review.body).toBe(404);
    const assign = await c.staff.post(`/api/v1/suggestions/${id}/assign`, { leadUnitId: unitId });
    expect(assign.statusCode).toBe(404);
    expect((await c.other.post(`/api/v1/suggestions/${id}/withdraw`, {})).statusCode).toBe(404);
    expect((await c.staff.get(`/api/v1/suggestions/${id}/similar`)).statusCode).toBe(404);
    expect((await c.leader.get(`/api/v1/suggestions/${id}/similar`)).statusCode).toBe(404);
    const merge = await c.staff.post('/api/v1/suggestion-cases', { suggestionIds: [id, submitted.id] });
    expect(merge.statusCode).toBe(400);
    expect(merge.json().errors[0].field).toBe('suggestionIds');
    const [row] = await t.services.db.select().from(suggestions).where(eq(suggestions.id, id));
    expect(row.status).toBe('draft');
    expect(await auditCount(id)).toBe(before);
  });

  it('keeps one waiting for its co-signers hidden too, and shows it to staff once submitted', async () => {
    const { id, status } = await create({ cosignerIds: [dep.co] });
    expect(status).toBe('awaitingCosigners');
    expect((await c.staff.get(`/api/v1/suggestions/${id}`)).statusCode).toBe(404);
    expect((await c.leader.get(`/api/v1/suggestions/${id}`)).statusCode).toBe(404);
    expect(await listIds(c.staff, '&status=awaitingCosigners')).not.toContain(id);
    expect((await c.co.get(`/api/v1/suggestions/${id}`)).statusCode).toBe(200);
    const cos = await c.co.post(`/api/v1/suggestions/${id}/cosign`, { accept: true });
    expect(cos.json()).toMatchObject({ status: 'submitted' });
    expect((await c.staff.get(`/api/v1/suggestions/${id}`)).statusCode).toBe(200);
    expect((await c.leader.get(`/api/v1/suggestions/${id}`)).statusCode).toBe(200);
    expect(await listIds(c.staff)).toContain(id);
    // A unit sees it only once assigned; before that it is refused, not hidden (it exists, submitted).
    expect((await c.unit.get(`/api/v1/suggestions/${id}`)).statusCode).toBe(403);
  });

  it('lets the proposer submit the draft, and from then on staff see it', async () => {
    const { id } = await create({ draft: true });
    const sub = await c.p.post(`/api/v1/suggestions/${id}/submit`, {});
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().status).toBe('submitted');
    expect((await c.staff.get(`/api/v1/suggestions/${id}`)).statusCode).toBe(200);
    expect(await listIds(c.leader, '&status=submitted')).toContain(id);
  });
});
