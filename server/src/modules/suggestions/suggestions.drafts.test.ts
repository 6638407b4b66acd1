// A deputy's draft is its authors' (proposer and co-signers) until submitted (issue 22 item 7): everyone else
// is answered 404 on the item, as if it did not exist, and never finds it in a list. A real draft (issue 23
// point 1): saved with a title alone, edited by its proposer over days (PATCH), submitted when complete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { addSittingInSession } from '../../../test/registry.fixture';
import { newId } from '../../platform/ids';
import { auditEvents, files } from '../../platform/platform.table';
import { deputies, handlingUnits } from '../../../test/tables';
import { suggestionAttachments, suggestionCosigners, suggestions } from './suggestions.table';

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

describe('a real draft (issue 23 point 1)', () => {
  const row = async (id: string) =>
    (await t.services.db.select().from(suggestions).where(eq(suggestions.id, id)))[0];
  const titleOnly = async (as = c.p) => {
    const r = await as.post('/api/v1/suggestions', {
      title: '关于老旧小区加装电梯的建议（草稿）',
      draft: true,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ status: 'draft', number: null });
    return r.json<{ id: string }>().id;
  };

  it('saves a draft with a title alone (201), and without draft still wants every field (400 naming them)', async () => {
    const id = await titleOnly();
    expect(await row(id)).toMatchObject({ status: 'draft', content: '', category: '', number: null });
    const got = (await c.p.get(`/api/v1/suggestions/${id}`)).json();
    expect(got).toMatchObject({ status: 'draft', content: '', category: '' });
    expect(got.abilities).toMatchObject({ edit: true, withdraw: true });
    const before = (await t.services.db.select({ n: count() }).from(suggestions))[0].n;
    const full = await c.p.post('/api/v1/suggestions', { title: '只有标题' });
    expect(full.statusCode).toBe(400);
    expect(full.headers['content-type']).toContain('application/problem+json');
    expect(
      full
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['category', 'content']);
    expect(full.json().errors[0].message).toMatchObject({ zh: '此项必填', en: 'is required' });
    // A draft still needs its title, and a category it names must be known.
    expect((await c.p.post('/api/v1/suggestions', { draft: true })).json().errors[0].field).toBe('title');
    const badCat = await c.p.post('/api/v1/suggestions', { title: 'x', category: 'nonsense', draft: true });
    expect(badCat.statusCode).toBe(400);
    expect(badCat.json().errors[0].field).toBe('category');
    expect((await t.services.db.select({ n: count() }).from(suggestions))[0].n).toBe(before);
  });

  it('lets the proposer edit the draft over several sittings (text, category, co-signers, attachments), audited', async () => {
    const id = await titleOnly();
    const audits = await auditCount(id);
    const first = await c.p.patch(`/api/v1/suggestions/${id}`, { content: '部分小区楼龄超过三十年，' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ id, status: 'draft', number: null });
    const fileId = newId();
    await t.services.db.insert(files).values({
      id: fileId,
      congressId: t.congressId,
      purpose: 'suggestion.attachment',
      originalName: '现场照片.png',
      mimeType: 'image/png',
      sizeBytes: 10,
      sha256: 'x'.repeat(64),
      storageKey: `k/${fileId}`,
      uploadedBy: (await c.p.get('/api/v1/auth/me')).json().user.id,
    });
    const second = await c.p.patch(`/api/v1/suggestions/${id}`, {
      title: '关于老旧小区加装电梯的建议',
      content: '部分小区楼龄超过三十年，老人上下楼困难，建议统筹推进加装电梯。',
      category: 'transport',
      cosignerIds: [dep.co, dep.other],
      attachmentIds: [fileId],
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(await row(id)).toMatchObject({
      title: '关于老旧小区加装电梯的建议',
      category: 'transport',
      status: 'draft',
    });
    // The co-signers list is replaced, not added to.
    expect((await c.p.patch(`/api/v1/suggestions/${id}`, { cosignerIds: [dep.co] })).statusCode).toBe(200);
    const cos = await t.services.db
      .select()
      .from(suggestionCosigners)
      .where(eq(suggestionCosigners.suggestionId, id));
    expect(cos.map((x) => [x.deputyId, x.status])).toEqual([[dep.co, 'pending']]);
    const att = await t.services.db
      .select()
      .from(suggestionAttachments)
      .where(eq(suggestionAttachments.suggestionId, id));
    expect(att.map((a) => a.fileId)).toEqual([fileId]);
    expect(await auditCount(id)).toBe(audits + 3);
    const [edit] = await t.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'suggestion.edit')))
      .limit(1);
    expect(edit).toMatchObject({ role: 'deputy', before: { status: 'draft' } });
    // Bad edits: an unknown category, the proposer as co-signer, an unknown field; nothing changes.
    for (const [body, field] of [
      [{ category: 'nonsense' }, 'category'],
      [{ cosignerIds: [dep.p] }, 'cosignerIds'],
      [{ attachmentIds: [newId()] }, 'attachmentIds'],
      [{ status: 'submitted' }, 'status'],
      [{ title: '' }, 'title'],
    ] as const) {
      const r = await c.p.patch(`/api/v1/suggestions/${id}`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().errors[0].field).toBe(field);
    }
    expect(await auditCount(id)).toBe(audits + 3);
  });

  it('refuses edits by anyone but the proposer: a co-signer 403, other deputies, staff, leaders and units 404', async () => {
    const id = await titleOnly();
    expect((await c.p.patch(`/api/v1/suggestions/${id}`, { cosignerIds: [dep.co] })).statusCode).toBe(200);
    const before = await row(id);
    const audits = await auditCount(id);
    const co = await c.co.patch(`/api/v1/suggestions/${id}`, { title: '改个标题' });
    expect(co.statusCode, co.body).toBe(403);
    for (const who of ['other', 'staff', 'leader', 'leaderDeputy', 'unit', 'citizen']) {
      const r = await c[who].patch(`/api/v1/suggestions/${id}`, { title: '改个标题' });
      expect(r.statusCode, `${who}: ${r.body}`).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    expect((await t.anon.patch(`/api/v1/suggestions/${id}`, { title: '改个标题' })).statusCode).toBe(401);
    expect((await c.p.patch(`/api/v1/suggestions/${newId()}`, { title: 'x' })).statusCode).toBe(404);
    expect(await row(id)).toEqual(before);
    expect(await auditCount(id)).toBe(audits);
  });

  it('answers 409 with the current status to an edit of a suggestion no longer a draft', async () => {
    const { id } = await create({});
    const r = await c.p.patch(`/api/v1/suggestions/${id}`, { title: '提交后再改' });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json()).toMatchObject({ code: 'wrong_state', currentStatus: 'submitted' });
    // Staff may see a submitted item but not edit it: refused, not hidden.
    expect((await c.staff.patch(`/api/v1/suggestions/${id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await row(id)).title).toBe(base.title);
  });

  it('answers a submission of an incomplete draft with 400 naming the missing fields (zh and en), changing nothing', async () => {
    const id = await titleOnly();
    const before = await row(id);
    const audits = await auditCount(id);
    const r = await c.p.post(`/api/v1/suggestions/${id}/submit`, {});
    expect(r.statusCode, r.body).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    const body = r.json();
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['content', 'category']);
    expect(body.errors[0].message).toEqual({ zh: '提交前请填写内容', en: 'content is required to submit' });
    expect(body.detail ?? body.title).toBeTruthy();
    expect(JSON.stringify(body)).toContain('内容、类别');
    expect(await row(id)).toEqual(before);
    expect(await auditCount(id)).toBe(audits);
    // With the last edits in the submission itself, one field still missing is named alone.
    const r2 = await c.p.post(`/api/v1/suggestions/${id}/submit`, { content: '补充了内容。' });
    expect(r2.json().errors.map((e: { field: string }) => e.field)).toEqual(['category']);
    expect(await row(id)).toEqual(before);
  });

  it('submits a completed draft: numbered, or to its invited co-signers first (each told)', async () => {
    const id = await titleOnly();
    expect(
      (
        await c.p.patch(`/api/v1/suggestions/${id}`, {
          content: '老旧小区加装电梯，统筹推进。',
          category: 'transport',
        })
      ).statusCode,
    ).toBe(200);
    const sub = await c.p.post(`/api/v1/suggestions/${id}/submit`, {});
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'submitted', number: expect.any(String) });
    expect((await c.p.patch(`/api/v1/suggestions/${id}`, { title: 'x' })).statusCode).toBe(409);

    const withCo = await titleOnly();
    await c.p.patch(`/api/v1/suggestions/${withCo}`, {
      content: '联名草稿。',
      category: 'transport',
      cosignerIds: [dep.co],
    });
    const sent = await c.p.post(`/api/v1/suggestions/${withCo}/submit`, {});
    expect(sent.json()).toMatchObject({ status: 'awaitingCosigners', number: null });
    const inbox = (await c.co.get('/api/v1/notifications')).json();
    expect(
      inbox.items.some(
        (n: { kind: string; link: string }) =>
          n.kind === 'suggestion.cosign' && n.link === `/suggestions/${withCo}`,
      ),
    ).toBe(true);
    const cos = await c.co.post(`/api/v1/suggestions/${withCo}/cosign`, { accept: true });
    expect(cos.json()).toMatchObject({ status: 'submitted', number: expect.any(String) });
  });
});
