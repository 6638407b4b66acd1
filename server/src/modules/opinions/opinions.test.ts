// The opinion loop end to end over HTTP against a real database: the contract, the bad-input list, the
// whole loop with audit rows, refusals by role, deadlines across holidays, hand-backs, abuse protection.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { and, count, eq, gte, sql } from 'drizzle-orm';
import sharp from 'sharp';
import ExcelJS from 'exceljs';
import { addWorkingDays, endOfShanghaiDay, shanghaiDate } from '@minyi/domain/calendar';
import { createTestEnv, refusalOf, type TestClient, type TestEnv } from '../../../test/harness';
import { accounts, auditEvents, jobs, notifications, files } from '../../platform/platform.table';
import {
  committeeMembers,
  deputies,
  handlingUnits,
  liaisonPlaceDeputies,
  liaisonPlaces,
  workingCommittees,
  livelihoodIdeas,
  jurisdictions,
} from '../../../test/tables';
import { systemCtx, transact } from '../../platform/context';
import { newId } from '../../platform/ids';
import { opinionAssignments, opinionEvents, opinions, receptionDeputies, receptions } from './opinions.table';
import { countDeputyReceptions } from '.';
import { submissionBatchStats } from './commands/submit-public-opinion';

let t: TestEnv;
const unitA = newId();
const unitB = newId();
const unitC = newId();
const deputyId = newId();
const otherDeputyId = newId();
const placeId = newId();
const communityId = newId();
const committeeId = newId();
let staff: TestClient,
  liaison: TestClient,
  unitAStaff: TestClient,
  unitBStaff: TestClient,
  deputy: TestClient;
let otherDeputy: TestClient, leader: TestClient, citizen: TestClient, sysadmin: TestClient;

const PHONE = '13912345678';
const form = (extra: Record<string, unknown> = {}) => ({
  content: '幸福路小区门口的路灯坏了两周，晚上很黑，老人出行不安全，请尽快修好。',
  category: 'urbanManagement',
  streetId: t.streetId,
  phone: PHONE,
  isPublic: true,
  ...extra,
});
const countOf = async (table: typeof opinions | typeof auditEvents) =>
  Number((await t.services.db.select({ n: count() }).from(table))[0].n);
const auditActions = async (entityId: string) =>
  (
    await t.services.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, entityId))
      .orderBy(auditEvents.createdAt, auditEvents.id)
  ).map((r) => r.action);

beforeAll(async () => {
  t = await createTestEnv();
  const db = t.services.db;
  const c = t.congressId;
  await db
    .insert(jurisdictions)
    .values({ id: communityId, congressId: c, parentId: t.streetId, level: 'community', name: '幸福社区' });
  await db.insert(handlingUnits).values([
    {
      id: unitA,
      congressId: c,
      name: '区城市管理和综合执法局',
      kind: 'governmentDepartment',
      categories: ['urbanManagement'],
    },
    {
      id: unitB,
      congressId: c,
      name: '区交通运输局',
      kind: 'governmentDepartment',
      categories: ['transport'],
    },
    { id: unitC, congressId: c, name: '区水务局', kind: 'governmentDepartment', categories: ['environment'] },
  ]);
  await db.insert(deputies).values([
    { id: deputyId, congressId: c, name: '王代表', gender: 'female' },
    { id: otherDeputyId, congressId: c, name: '李代表', gender: 'male' },
  ]);
  await db.insert(liaisonPlaces).values({
    id: placeId,
    congressId: c,
    kind: 'station',
    name: '幸福社区代表联络站',
    streetId: t.streetId,
  });
  await db.insert(liaisonPlaceDeputies).values({ congressId: c, liaisonPlaceId: placeId, deputyId });
  await db.insert(workingCommittees).values({
    id: committeeId,
    congressId: c,
    kind: 'streetWorkingCommittee',
    name: '测试街道工委',
    streetId: t.streetId,
  });
  staff = await t.as('staff', ['congressStaff']);
  liaison = await t.as('liaison', ['liaisonStaff']);
  unitAStaff = await t.as('unitA', ['handlingUnitStaff'], { handlingUnitId: unitA });
  unitBStaff = await t.as('unitB', ['handlingUnitStaff'], { handlingUnitId: unitB });
  deputy = await t.as('deputy', ['deputy'], { deputyId });
  otherDeputy = await t.as('deputy2', ['deputy'], { deputyId: otherDeputyId });
  leader = await t.as('leader', ['leader']);
  citizen = await t.as('citizen', ['citizen']);
  sysadmin = await t.as('sysadmin', ['systemAdmin']);
  // Generous public limits for the test's single IP; the abuse test lowers them.
  const r = await staff.put('/api/v1/opinion-settings', {
    maxSubmissionsPerIpPerHour: 1000,
    maxSubmissionsPerPhonePerDay: 1000,
  });
  expect(r.statusCode).toBe(200);
});
afterAll(async () => t?.close());

async function submit(extra: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const r = await t.anon.post('/api/v1/opinions', form(extra), headers);
  expect(r.statusCode, r.body).toBe(201);
  const body: { id: string; trackingCode: string } = r.json();
  return body;
}

/**
 * Runs `fn` while a transaction holds the rate counters for a moment: the first submission's batch waits
 * there, and the submissions arriving meanwhile queue for the next batch.
 */
async function whileCountersLocked<T>(fn: () => Promise<T>): Promise<T> {
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const hold = t.services.db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE opinion_rate_counters IN EXCLUSIVE MODE`);
    locked();
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  await isLocked;
  const out = fn();
  await hold;
  return out;
}

/** Submits, forwards to unit A and moves the deadline into the past. */
async function forwardOverdue(extra: Record<string, unknown> = {}) {
  const { id } = await submit(extra);
  await staff.post(`/api/v1/opinions/${id}/claim`);
  await staff.post(`/api/v1/opinions/${id}/decide`, { decision: 'forward', leadUnitId: unitA });
  await t.services.db
    .update(opinions)
    .set({ deadlineAt: new Date(Date.now() - 86_400_000) })
    .where(eq(opinions.id, id));
  return id;
}

/** Runs the hourly deadline sweep now, with the reminders it queues. */
async function sweepDeadlines() {
  await t.services.db.execute(
    sql`INSERT INTO jobs (id, name, payload, run_at) VALUES (${newId()}, 'opinions.sweepDeadlines', '{}', now())`,
  );
  await t.services.jobs.drain();
}

describe('contract', () => {
  it('lists the categories the form needs, with the livelihood project idea', async () => {
    const r = await t.anon.get('/api/v1/opinion-categories');
    expect(r.statusCode).toBe(200);
    expect(r.json().items).toEqual(
      expect.arrayContaining([
        {
          code: 'livelihoodProjectIdea',
          name: expect.stringContaining('项目建议'),
          nameEn: 'Livelihood project idea',
        },
      ]),
    );
  });

  it('answers a public submission with 201 { id, trackingCode } and tracks it without personal data', async () => {
    const { id, trackingCode } = await submit({ name: '张三', content: '路灯坏了，请联系我 13912345678' });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(trackingCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
    const tr = await t.anon.get(`/api/v1/opinions/track/${trackingCode}?phoneLast4=5678`);
    expect(tr.statusCode).toBe(200);
    expect(tr.json()).toMatchObject({ trackingCode, status: 'submitted', timeline: [{ kind: 'submitted' }] });
    expect(tr.body).not.toContain('13912345678');
    expect(tr.body).not.toContain('张三');
    expect(tr.body).not.toMatch(/phone/i);
    const [row] = await t.services.db.select().from(opinions).where(eq(opinions.id, id));
    expect(row.phoneEnc).not.toContain('1391234');
    expect(row.channel).toBe('form');
  });

  it('gives the same 404 for a wrong code and a wrong phone suffix', async () => {
    const { trackingCode } = await submit();
    const wrongSuffix = await t.anon.get(`/api/v1/opinions/track/${trackingCode}?phoneLast4=0000`);
    const wrongCode = await t.anon.get(`/api/v1/opinions/track/ABCDEFGH23?phoneLast4=5678`);
    expect(wrongSuffix.statusCode).toBe(404);
    expect(wrongCode.statusCode).toBe(404);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: null, instance: null });
    expect(strip(wrongSuffix.json())).toEqual(strip(wrongCode.json()));
  });

  it('creates one opinion for the same Idempotency-Key sent twice', async () => {
    const before = await countOf(opinions);
    const a = await t.anon.post('/api/v1/opinions', form(), { 'idempotency-key': 'form-submit-1' });
    const b = await t.anon.post('/api/v1/opinions', form(), { 'idempotency-key': 'form-submit-1' });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json()).toEqual(a.json());
    expect(await countOf(opinions)).toBe(before + 1);
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['missing content', { content: undefined }, 'content'],
    ['empty content', { content: '   ' }, 'content'],
    ['content over 5,000 characters', { content: '长'.repeat(5001) }, 'content'],
    ['unknown category', { category: 'aliens' }, 'category'],
    ['unknown street', { streetId: '00000000-0000-4000-8000-000000000000' }, 'streetId'],
    ['malformed street id', { streetId: 'nope' }, 'streetId'],
    ['malformed phone', { phone: '12345' }, 'phone'],
    ['unknown field', { extra: 1 }, 'extra'],
    ['community of another street', { communityId: '00000000-0000-4000-8000-000000000001' }, 'communityId'],
    ['a channel the public may not set', { channel: 'hotline' }, 'channel'],
  ];
  for (const [name, patch, field] of cases) {
    it(`refuses ${name} with a 400 naming ${field}, storing nothing`, async () => {
      const before = [await countOf(opinions), await countOf(auditEvents)];
      const body = form(patch);
      for (const k of Object.keys(patch))
        if (patch[k] === undefined) delete (body as Record<string, unknown>)[k];
      const r = await t.anon.post('/api/v1/opinions', body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect([await countOf(opinions), await countOf(auditEvents)]).toEqual(before);
    });
  }

  it('allows 5,000 characters exactly', async () => {
    await submit({ content: '长'.repeat(5000) });
  });
});

describe('the closed loop', () => {
  it('goes submit → claim → forward → reply → dissatisfied → re-handle → reply → satisfied (solved), auditing each step', async () => {
    const routed = await staff.put('/api/v1/opinion-routes', {
      category: 'urbanManagement',
      streetId: t.streetId,
      leadUnitId: unitA,
      assistingUnitIds: [unitB],
    });
    expect(routed.statusCode, routed.body).toBe(200);
    const { id, trackingCode } = await submit({ liaisonPlaceId: placeId, communityId });

    // The deputy of the liaison place claims it; a deputy of elsewhere may not.
    expect((await otherDeputy.post(`/api/v1/opinions/${id}/claim`)).statusCode).toBe(404);
    const claimed = await deputy.post(`/api/v1/opinions/${id}/claim`);
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json()).toMatchObject({
      status: 'claimed',
      channel: 'qr',
      abilities: { decide: true, reply: false },
    });
    expect((await deputy.post(`/api/v1/opinions/${id}/claim`)).statusCode).toBe(409);

    const proposal = (await staff.get(`/api/v1/opinions/${id}/route-proposal`)).json().proposal;
    expect(proposal).toEqual({ leadUnitId: unitA, assistingUnitIds: [unitB] });
    const fwd = await staff.post(`/api/v1/opinions/${id}/decide`, { decision: 'forward', ...proposal });
    expect(fwd.statusCode, fwd.body).toBe(200);
    expect(fwd.json()).toMatchObject({
      status: 'forwarded',
      leadUnitId: unitA,
      assignments: [
        { unitId: unitA, role: 'lead' },
        { unitId: unitB, role: 'assisting' },
      ],
    });
    expect(fwd.json().deadlineAt).toBeTruthy();

    // The unit's queue shows it; the assisting unit may note but not reply; a stranger unit gets 403.
    const queue = (await unitAStaff.get('/api/v1/opinions')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(id);
    const stranger = await t.as('unitC', ['handlingUnitStaff'], { handlingUnitId: unitC });
    expect(
      (await stranger.post(`/api/v1/opinions/${id}/reply`, { outcome: 'resolved', content: 'x' })).statusCode,
    ).toBe(404);
    const assistingReply = await unitBStaff.post(`/api/v1/opinions/${id}/reply`, {
      outcome: 'resolved',
      content: '已修复',
    });
    expect(assistingReply.statusCode).toBe(403);
    expect(
      (
        await unitBStaff.post(`/api/v1/opinions/${id}/notes`, {
          note: '协办意见：配合夜间交通疏导',
          isPublic: false,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await unitAStaff.post(`/api/v1/opinions/${id}/notes`, { note: '已派人现场查看' })).statusCode,
    ).toBe(200);
    const replied = await unitAStaff.post(`/api/v1/opinions/${id}/reply`, {
      outcome: 'resolved',
      content: '路灯已于本周更换。',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json().status).toBe('replied');

    // The citizen tracks: the public note is there, the private one is not.
    const tracked = (await t.anon.get(`/api/v1/opinions/track/${trackingCode}?phoneLast4=5678`)).json();
    expect(tracked).toMatchObject({
      status: 'replied',
      canRate: true,
      reply: { outcome: 'resolved', content: '路灯已于本周更换。' },
    });
    expect(tracked.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'submitted',
      'claim',
      'forward',
      'progress',
      'reply',
    ]);
    expect(JSON.stringify(tracked)).not.toContain('协办意见');

    // Dissatisfied reopens once with a fresh deadline.
    const wrong = await t.anon.post(`/api/v1/opinions/track/${trackingCode}/rate`, {
      phoneLast4: '0000',
      rating: 'satisfied',
    });
    expect(wrong.statusCode).toBe(404);
    const dis = await t.anon.post(`/api/v1/opinions/track/${trackingCode}/rate`, {
      phoneLast4: '5678',
      rating: 'dissatisfied',
      comment: '晚上还是不亮',
    });
    expect(dis.statusCode, dis.body).toBe(200);
    expect(dis.json().status).toBe('forwarded');
    const again = await unitAStaff.post(`/api/v1/opinions/${id}/reply`, {
      outcome: 'resolved',
      content: '已更换线路，复查正常。',
    });
    expect(again.statusCode).toBe(200);
    const sat = await t.anon.post(`/api/v1/opinions/track/${trackingCode}/rate`, {
      phoneLast4: '5678',
      rating: 'satisfied',
    });
    expect(sat.json()).toMatchObject({ status: 'closedResolved', rating: 'satisfied', canRate: false });

    // Rating twice and replying after closure are 409.
    const twice = await t.anon.post(`/api/v1/opinions/track/${trackingCode}/rate`, {
      phoneLast4: '5678',
      rating: 'satisfied',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().currentStatus).toBe('closedResolved');
    const late = await unitAStaff.post(`/api/v1/opinions/${id}/reply`, {
      outcome: 'resolved',
      content: '再次答复',
    });
    expect([403, 409]).toContain(late.statusCode);
    // After closure the assignment is over, so the unit is refused; staff trying a step get 409.
    expect((await staff.post(`/api/v1/opinions/${id}/close`, { reason: 'x' })).statusCode).toBe(409);
    expect((await staff.put('/api/v1/opinion-settings', { nonsense: 1 })).statusCode).toBe(400);
    expect((await staff.get('/api/v1/opinion-settings')).json().maxSubmissionsPerIpPerHour).toBe(1000);

    expect(await auditActions(id)).toEqual([
      'opinion.submit',
      'opinion.claim',
      'opinion.forward',
      'opinion.addNote',
      'opinion.addNote',
      'opinion.reply',
      'opinion.rate',
      'opinion.reply',
      'opinion.rate',
    ]);
    // Citizen texts and unit notices are queued and delivered by the jobs.
    await t.services.jobs.drain();
    const unitNotes = await t.services.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'opinion.assigned'));
    expect(unitNotes.length).toBeGreaterThanOrEqual(1);
    // The citizen was texted at submission, claim, forward, each reply: the SMS jobs ran, none failed.
    const sms = await t.services.db.select().from(jobs).where(eq(jobs.name, 'notifications.sms'));
    expect(sms.filter((j) => j.status === 'done').length).toBeGreaterThanOrEqual(5);
    expect(sms.filter((j) => j.status === 'failed')).toEqual([]);
    expect(JSON.stringify(sms.map((j) => j.payload))).not.toContain(PHONE);
  });

  it('counts "resolved" with a satisfied rating as solved, and an explained answer as closed unresolved', async () => {
    const a = await submit({ content: '公园厕所太少' });
    await staff.post(`/api/v1/opinions/${a.id}/claim`);
    await staff.post(`/api/v1/opinions/${a.id}/decide`, { decision: 'forward', leadUnitId: unitA });
    await unitAStaff.post(`/api/v1/opinions/${a.id}/reply`, {
      outcome: 'explained',
      content: '已列入明年计划',
    });
    const r = await t.anon.post(`/api/v1/opinions/track/${a.trackingCode}/rate`, {
      phoneLast4: '5678',
      rating: 'satisfied',
    });
    expect(r.json().status).toBe('closedUnresolved');
    // A deputy verification closes a resolved answer as solved.
    const b = await submit({ content: '垃圾桶满溢', liaisonPlaceId: placeId });
    await deputy.post(`/api/v1/opinions/${b.id}/claim`);
    await deputy.post(`/api/v1/opinions/${b.id}/decide`, { decision: 'forward', leadUnitId: unitA });
    await unitAStaff.post(`/api/v1/opinions/${b.id}/reply`, { outcome: 'resolved', content: '已清运' });
    const v = await deputy.post(`/api/v1/opinions/${b.id}/verify`, {});
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json().status).toBe('closedResolved');
    const today = shanghaiDate(new Date());
    const stats = (
      await t.anon.get(
        `/api/v1/public/opinion-statistics?from=${today}&to=${today}&congressId=${t.congressId}`,
      )
    ).json();
    expect(stats.total.solved).toBeGreaterThanOrEqual(2);
    expect(stats.total.closedUnresolved).toBeGreaterThanOrEqual(1);
    expect(stats.total).toHaveProperty('solvedRate');
    expect(stats.total).toHaveProperty('satisfactionRate');
  });

  it('answers on the spot, merges duplicates and declares inadmissible with a reason the citizen sees', async () => {
    const a = await submit({ content: '社区医院周末能否开门' });
    await liaison.post(`/api/v1/opinions/${a.id}/claim`);
    const spot = await liaison.post(`/api/v1/opinions/${a.id}/decide`, {
      decision: 'answerOnSpot',
      answer: '周六上午开放',
    });
    expect(spot.json().status).toBe('answeredOnSpot');
    const b = await submit({ content: '正在打官司的案件请代表帮忙' });
    await staff.post(`/api/v1/opinions/${b.id}/claim`);
    await staff.post(`/api/v1/opinions/${b.id}/decide`, {
      decision: 'declareInadmissible',
      reason: '已进入诉讼程序，请通过法院渠道解决',
    });
    const tb = (await t.anon.get(`/api/v1/opinions/track/${b.trackingCode}?phoneLast4=5678`)).json();
    expect(tb).toMatchObject({ status: 'inadmissible', decisionNote: '已进入诉讼程序，请通过法院渠道解决' });
    const c = await submit();
    const m = await staff.post(`/api/v1/opinions/${c.id}/decide`, { decision: 'merge', intoOpinionId: a.id });
    expect(m.json()).toMatchObject({ status: 'merged', mergedIntoId: a.id });
    const self = await submit();
    expect(
      (await staff.post(`/api/v1/opinions/${self.id}/decide`, { decision: 'merge', intoOpinionId: self.id }))
        .statusCode,
    ).toBe(400);
  });

  it('raises an opinion as a formal deputy suggestion and follows its outcome', async () => {
    const { id, trackingCode } = await submit({
      content: '建议全区推广老旧小区加装电梯补贴',
      liaisonPlaceId: placeId,
    });
    await deputy.post(`/api/v1/opinions/${id}/claim`);
    const r = await deputy.post(`/api/v1/opinions/${id}/decide`, {
      decision: 'raiseAsSuggestion',
      deputyId,
      title: '关于加快老旧小区加装电梯的建议',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'raisedAsSuggestion',
      suggestionId: expect.any(String),
      suggestion: { status: expect.any(String) },
    });
    const tr = (await t.anon.get(`/api/v1/opinions/track/${trackingCode}?phoneLast4=5678`)).json();
    expect(tr.suggestion).toMatchObject({ status: expect.any(String) });
    expect(await auditActions(id)).toContain('opinion.raiseAsSuggestion');
  });

  it('passes a livelihood project idea to the livelihood solicitation, after commit (opinion.submitted)', async () => {
    const { id } = await submit({ content: '建议在河边修建健康步道', category: 'livelihoodProjectIdea' });
    const o = (await staff.get(`/api/v1/opinions/${id}`)).json();
    expect(o.projectIdeaId).toEqual(expect.any(String));
    expect(o.timeline.map((e: { kind: string }) => e.kind)).toContain('projectIdeaSubmitted');
    const ideaRow = () =>
      t.services.db.select().from(livelihoodIdeas).where(eq(livelihoodIdeas.id, o.projectIdeaId));
    expect(await ideaRow()).toEqual([]);
    await t.services.jobs.drain();
    expect(await ideaRow()).toEqual([
      expect.objectContaining({ source: 'opinion', opinionId: id, content: '建议在河边修建健康步道' }),
    ]);
    // Delivered again (a retry after a crash), the idea is not made twice.
    await transact(systemCtx(t.services), (w) =>
      w.enqueue('event:opinion.submitted:livelihood.ideaFromOpinion', {
        congressId: t.congressId,
        opinionId: id,
        category: 'livelihoodProjectIdea',
        streetId: o.streetId,
        publicContent: '建议在河边修建健康步道',
        projectIdeaId: o.projectIdeaId,
      }),
    );
    await t.services.jobs.drain();
    expect(await t.services.db.$count(livelihoodIdeas, eq(livelihoodIdeas.opinionId, id))).toBe(1);
  });

  it('lets the lead unit hand an item back within the window, and staff re-route it', async () => {
    const { id } = await submit({ content: '公交站台没有遮雨棚', category: 'transport' });
    await staff.post(`/api/v1/opinions/${id}/claim`);
    await staff.post(`/api/v1/opinions/${id}/decide`, { decision: 'forward', leadUnitId: unitA });
    const back = await unitAStaff.post(`/api/v1/opinions/${id}/hand-back`, { reason: '属交通部门职责' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().status).toBe('returnedToStaff');
    expect((await unitAStaff.get(`/api/v1/opinions/${id}`)).statusCode).toBe(200);
    expect((await unitAStaff.post(`/api/v1/opinions/${id}/notes`, { note: 'x' })).statusCode).toBe(403);
    const re = await staff.post(`/api/v1/opinions/${id}/decide`, { decision: 'forward', leadUnitId: unitB });
    expect(re.json()).toMatchObject({ status: 'forwarded', leadUnitId: unitB });
    await t.services.db
      .update(opinions)
      .set({ handBackUntil: new Date(Date.now() - 1000) })
      .where(eq(opinions.id, id));
    const late = await unitBStaff.post(`/api/v1/opinions/${id}/hand-back`, { reason: '不是我们的' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('hand_back_window_closed');
    expect(await auditActions(id)).toEqual([
      'opinion.submit',
      'opinion.claim',
      'opinion.forward',
      'opinion.handBack',
      'opinion.forward',
    ]);
  });

  it('sets the deadline 15 working days ahead on the calendar, across a holiday', async () => {
    // Make the next five weekdays a holiday.
    const today = shanghaiDate(new Date());
    const days: { date: string; kind: 'holiday'; name: string }[] = [];
    for (let i = 1; days.length < 5; i++) {
      const d = new Date(Date.now() + i * 86_400_000);
      const iso = shanghaiDate(d);
      const wd = new Date(`${iso}T12:00:00+08:00`).getUTCDay();
      if (wd !== 0 && wd !== 6) days.push({ date: iso, kind: 'holiday', name: '测试假期' });
    }
    const base = await t.services.calendar.exceptions(t.congressId);
    for (const d of days) await t.services.calendar.setStaffDay(t.services.db, t.congressId, d.date, d);
    const { id } = await submit();
    await staff.post(`/api/v1/opinions/${id}/claim`);
    const r = (
      await staff.post(`/api/v1/opinions/${id}/decide`, { decision: 'forward', leadUnitId: unitA })
    ).json();
    const withHoliday = endOfShanghaiDay(
      addWorkingDays(today, 15, new Map([...base, ...days.map((d) => [d.date, d.kind] as const)])),
    );
    const without = endOfShanghaiDay(addWorkingDays(today, 15, base));
    expect(new Date(r.deadlineAt).toISOString()).toBe(withHoliday.toISOString());
    expect(withHoliday.getTime() - without.getTime()).toBeGreaterThanOrEqual(7 * 86_400_000);
    for (const d of days) await t.services.calendar.setStaffDay(t.services.db, t.congressId, d.date, null);
  });

  it('sends the unit one digest a day and escalates each overdue item once a day (idempotent)', async () => {
    const since = new Date();
    const ids = [
      await forwardOverdue({ content: '井盖缺失' }),
      await forwardOverdue({ content: '路面塌陷' }),
    ];
    const overdue = (await staff.get('/api/v1/opinions?due=overdue')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(ids));
    expect(overdue.items.find((i: { id: string }) => i.id === ids[0]).due).toBe('overdue');
    await sweepDeadlines();
    await sweepDeadlines();
    for (const id of ids) {
      const escalated = await t.services.db
        .select()
        .from(opinionEvents)
        .where(and(eq(opinionEvents.opinionId, id), eq(opinionEvents.kind, 'escalated')));
      expect(escalated).toHaveLength(1);
      expect(escalated[0].isPublic).toBe(false);
      expect(await auditActions(id)).toContain('opinion.escalate');
    }
    // The unit's accounts: one digest each, naming both items, linking to their overdue queue.
    const [unitAccount] = await t.services.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.username, 'unitA'));
    const digests = await t.services.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.accountId, unitAccount.id),
          eq(notifications.kind, 'opinion.overdue'),
          gte(notifications.createdAt, since),
        ),
      );
    expect(digests).toHaveLength(1);
    expect(digests[0].link).toBe('/opinions/workbench?due=overdue');
    expect((digests[0].title as { zh: string }).zh).toMatch(/^\d+ 件群众意见已超期/);
    expect((digests[0].body as { zh: string }).zh).toContain('井盖缺失');
    expect((digests[0].body as { zh: string }).zh).toContain('路面塌陷');
    // The street's escalation: one message for the items escalated together.
    const escalations = await t.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'opinion.escalated'), gte(notifications.createdAt, since)));
    const recipients = escalations.map((n) => n.accountId);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(escalations[0].link).toBe(`/opinions/workbench?due=overdue&streetId=${t.streetId}`);
  });
});

describe('escalation to the street working committee', () => {
  /** Forwards a fresh opinion in `streetId`, makes it overdue, runs the sweep; the escalation's recipients. */
  async function escalate(streetId: string) {
    const since = new Date();
    const id = await forwardOverdue({ content: '小区围墙倒塌无人处理', streetId });
    await sweepDeadlines();
    const rows = await t.services.db
      .select({ username: accounts.username, title: notifications.title })
      .from(notifications)
      .innerJoin(accounts, eq(accounts.id, notifications.accountId))
      .where(
        and(
          eq(notifications.kind, 'opinion.escalated'),
          eq(notifications.link, `/opinions/workbench?due=overdue&streetId=${streetId}`),
          gte(notifications.createdAt, since),
        ),
      );
    return { id, to: rows.map((r) => r.username).sort(), title: rows[0]?.title };
  }

  it("escalates an overdue item to the accounts of its street's working committee, not to all staff, and lets them read it", async () => {
    const memberId = newId();
    await t.services.db.insert(committeeMembers).values([
      {
        id: memberId,
        congressId: t.congressId,
        body: 'workingCommittee',
        workingCommitteeId: committeeId,
        deputyId,
      },
      {
        id: newId(),
        congressId: t.congressId,
        body: 'workingCommittee',
        workingCommitteeId: committeeId,
        deputyId: otherDeputyId,
        endedOn: '2020-01-01',
      },
    ]);
    try {
      // deputy2 left the committee, so only the current member hears of it and may open it (read only).
      const { id, to, title } = await escalate(t.streetId);
      expect(to).toEqual(['deputy']);
      expect(title?.zh).toBe('超期督办：测试街道工委');
      const seen = await deputy.get(`/api/v1/opinions/${id}`);
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json().abilities).toMatchObject({ view: true, claim: false, decide: false });
      expect((await otherDeputy.get(`/api/v1/opinions/${id}`)).statusCode).toBe(404);
      // It is in the member's workbench queue too, not in the former member's.
      const queue = (await deputy.get('/api/v1/opinions?limit=200')).json();
      expect(queue.items.map((i: { id: string }) => i.id)).toContain(id);
      const former = (await otherDeputy.get('/api/v1/opinions?limit=200')).json();
      expect(former.items.map((i: { id: string }) => i.id)).not.toContain(id);
    } finally {
      await t.services.db
        .delete(committeeMembers)
        .where(eq(committeeMembers.workingCommitteeId, committeeId));
    }
  });

  it('falls back to the congress staff when the street has no working committee', async () => {
    const bareStreet = newId();
    await t.services.db.insert(jurisdictions).values({
      id: bareStreet,
      congressId: t.congressId,
      parentId: t.districtId,
      level: 'street',
      name: '无工委街道',
    });
    const { to, title } = await escalate(bareStreet);
    expect(title).toEqual({ zh: '超期督办', en: 'Overdue opinions escalated' });
    expect(to).toEqual(expect.arrayContaining(['liaison', 'staff']));
    expect(to).not.toContain('deputy');
  });
});

describe('access', () => {
  it('refuses every staff endpoint to the public and to roles without a part in it', async () => {
    const { id } = await submit();
    const anonymousOnly: [string, string, unknown?][] = [
      ['GET', '/api/v1/opinions'],
      ['GET', `/api/v1/opinions/${id}`],
      ['POST', `/api/v1/opinions/${id}/claim`],
      ['POST', `/api/v1/opinions/${id}/decide`, { decision: 'answerOnSpot', answer: 'x' }],
      ['POST', `/api/v1/opinions/${id}/reply`, { outcome: 'resolved', content: 'x' }],
      ['POST', `/api/v1/opinions/${id}/hide`, { reason: 'x' }],
      ['GET', '/api/v1/opinion-routes'],
      [
        'PUT',
        '/api/v1/opinion-routes',
        { category: 'transport', streetId: null, leadUnitId: unitB, assistingUnitIds: [] },
      ],
      ['GET', '/api/v1/opinion-blocks'],
      ['POST', '/api/v1/opinion-blocks', { kind: 'phone', value: '13900000000', reason: 'x' }],
      ['PUT', '/api/v1/opinion-settings', { replyWorkingDays: 10 }],
      ['GET', '/api/v1/opinion-reports/period?from=2026-01-01&to=2026-12-31'],
      ['GET', '/api/v1/receptions'],
      [
        'POST',
        '/api/v1/receptions',
        {
          liaisonPlaceId: placeId,
          startsAt: new Date(Date.now() + 9 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 9 * 86_400_000 + 3_600_000).toISOString(),
          deputyIds: [deputyId],
        },
      ],
      ['GET', '/api/v1/opinions/import-template.xlsx'],
    ];
    for (const [method, url, body] of anonymousOnly) {
      const r = await t.anon.request({ method: method, url, payload: body as object });
      expect(r.statusCode, `${method} ${url} anonymous`).toBe(401);
      for (const [who, c] of [
        ['citizen', citizen],
        ['systemAdmin', sysadmin],
      ] as const) {
        const x = await c.request({ method: method, url, payload: body as object });
        expect(x.statusCode, `${method} ${url} as ${who}`).toBe(403);
      }
    }
    // Narrower refusals.
    const refusals: [TestClient, string, string, unknown?, number?][] = [
      [unitAStaff, 'POST', `/api/v1/opinions/${id}/claim`, undefined, 404],
      [leader, 'POST', `/api/v1/opinions/${id}/claim`, undefined, 403],
      [leader, 'POST', `/api/v1/opinions/${id}/hide`, { reason: 'x' }, 403],
      [deputy, 'POST', `/api/v1/opinions/${id}/hide`, { reason: 'x' }, 404],
      [
        liaison,
        'PUT',
        '/api/v1/opinion-routes',
        { category: 'transport', streetId: null, leadUnitId: unitB, assistingUnitIds: [] },
        403,
      ],
      [liaison, 'PUT', '/api/v1/opinion-settings', { replyWorkingDays: 10 }, 403],
      [unitAStaff, 'GET', '/api/v1/opinion-reports/period?from=2026-01-01&to=2026-12-31', undefined, 403],
      [deputy, 'POST', '/api/v1/opinion-blocks', { kind: 'phone', value: '13900000000', reason: 'x' }, 403],
      [
        unitAStaff,
        'POST',
        '/api/v1/receptions',
        {
          liaisonPlaceId: placeId,
          startsAt: new Date(Date.now() + 9 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 9 * 86_400_000 + 3_600_000).toISOString(),
          deputyIds: [deputyId],
        },
        403,
      ],
      [deputy, 'POST', '/api/v1/opinions/import', undefined, 403],
    ];
    for (const [c, method, url, body, status] of refusals) {
      const r = await c.request({ method: method, url, payload: body as object });
      expect(r.statusCode, `${method} ${url}`).toBe(status);
    }
    // Another congress's staff cannot see this one's opinion.
    const other = await t.createCongress('另一个区');
    const foreign = await t.as('foreignStaff', ['congressStaff'], { congressId: other.congressId });
    expect((await foreign.get(`/api/v1/opinions/${id}`)).statusCode).toBe(404);
    expect(
      (await foreign.get('/api/v1/opinions')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
  });

  it('masks the phone for units and shows it to staff', async () => {
    const { id } = await submit();
    await staff.post(`/api/v1/opinions/${id}/claim`);
    await staff.post(`/api/v1/opinions/${id}/decide`, { decision: 'forward', leadUnitId: unitA });
    expect((await staff.get(`/api/v1/opinions/${id}`)).json().phone).toBe(PHONE);
    expect((await unitAStaff.get(`/api/v1/opinions/${id}`)).json().phone).toBe('139****5678');
  });
});

describe('abuse protection', () => {
  it('hides abusive text from public views and keeps the audit trail', async () => {
    const { id } = await submit({ content: '辱骂性内容测试文本 甲乙丙' });
    const pub = async () =>
      (await t.anon.get(`/api/v1/public/opinions?congressId=${t.congressId}&limit=100`))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await pub()).toContain(id);
    const h = await staff.post(`/api/v1/opinions/${id}/hide`, { reason: '含辱骂内容' });
    expect(h.json()).toMatchObject({ hidden: true, hiddenReason: '含辱骂内容' });
    expect(await pub()).not.toContain(id);
    expect(await auditActions(id)).toEqual(['opinion.submit', 'opinion.hide']);
  });

  it('limits submissions per phone with a 429 and stores nothing more', async () => {
    await staff.put('/api/v1/opinion-settings', { maxSubmissionsPerPhonePerDay: 2 });
    const phone = '13700000001';
    await submit({ phone });
    await submit({ phone });
    const before = await countOf(opinions);
    const r = await t.anon.post('/api/v1/opinions', form({ phone }));
    expect(r.statusCode).toBe(429);
    expect(await countOf(opinions)).toBe(before);
    // Staff entering opinions at a reception are not limited.
    const s = await staff.post('/api/v1/opinions', form({ phone, channel: 'staff' }));
    expect(s.statusCode).toBe(201);
    await staff.put('/api/v1/opinion-settings', { maxSubmissionsPerPhonePerDay: 1000 });
  });

  it('writes submissions arriving together in one batch, each with its own answer, limits and block list', async () => {
    await staff.put('/api/v1/opinion-settings', { maxSubmissionsPerPhonePerDay: 3 });
    onTestFinished(
      async () => void (await staff.put('/api/v1/opinion-settings', { maxSubmissionsPerPhonePerDay: 1000 })),
    );
    const limited = '13700000011';
    const blocked = '13700000012';
    const b = await liaison.post('/api/v1/opinion-blocks', { kind: 'phone', value: blocked, reason: '广告' });
    expect(b.statusCode, b.body).toBe(201);
    // The settings and the street are cached by this submission; the first batch then waits on a lock
    // while the others arrive (on PGlite, its one connection is busy), so they are written together.
    await submit({ phone: '13700000010' });
    const before = await countOf(opinions);
    const stats = submissionBatchStats(t.services)!;
    const batchesBefore = { ...stats };
    // Eight attempts from one phone, one from a blocked phone, six from six other phones, all at once.
    const bodies = [
      ...Array.from({ length: 8 }, (_, i) => form({ phone: limited, content: `同时提交 限额 ${i}` })),
      form({ phone: blocked, content: '同时提交 已屏蔽' }),
      ...Array.from({ length: 6 }, (_, i) =>
        form({ phone: `1370000002${i}`, content: `同时提交 其他 ${i}` }),
      ),
    ];
    const smsJobsBefore = new Set(
      (await t.services.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.name, 'notifications.sms'))).map(
        (j) => j.id,
      ),
    );
    const answers = await whileCountersLocked(() =>
      Promise.all(bodies.map((body) => t.anon.post('/api/v1/opinions', body))),
    );
    // The first alone, the rest together while it waited (in one batch unless the machine is slow).
    expect(stats.batches - batchesBefore.batches).toBeLessThanOrEqual(3);
    expect(stats.largest).toBeGreaterThanOrEqual(7);
    const codes = answers.map((a) => a.statusCode);
    // Three attempts of the limited phone pass (the first three to arrive); the other five get 429.
    expect(codes.slice(0, 8).sort()).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
    for (const a of answers.slice(0, 8).filter((x) => x.statusCode === 429))
      expect(a.json()).toMatchObject({ code: 'rate_limited' });
    expect(codes[8]).toBe(403);
    expect(answers[8].json()).toMatchObject({ code: 'submitter_blocked' });
    expect(codes.slice(9)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(await countOf(opinions)).toBe(before + 9);
    // Every stored submission has its row, its timeline event, its audit row and its text; the refused none.
    const jobsAfter = await t.services.db.select().from(jobs).where(eq(jobs.name, 'notifications.sms'));
    const newSmsJobs = jobsAfter.filter((j) => !smsJobsBefore.has(j.id));
    const texts = newSmsJobs.flatMap((j) => (j.payload as { messages: { text: string }[] }).messages);
    const textsTo = (trackingCode: string) => texts.filter((m) => m.text.includes(trackingCode));
    const stored = answers
      .filter((a) => a.statusCode === 201)
      .map((a) => a.json<{ id: string; trackingCode: string }>());
    for (const { id, trackingCode } of stored) {
      const [row] = await t.services.db.select().from(opinions).where(eq(opinions.id, id));
      expect(row.trackingCode).toBe(trackingCode);
      expect(await auditActions(id)).toEqual(['opinion.submit']);
      const events = await t.services.db.select().from(opinionEvents).where(eq(opinionEvents.opinionId, id));
      expect(events.map((e) => e.kind)).toEqual(['submitted']);
      expect(textsTo(trackingCode)).toHaveLength(1);
    }
    // A batch's texts go in one job: fewer jobs than texts, a text for each stored submission, none for the refused.
    expect(newSmsJobs.length).toBeLessThan(stored.length);
    expect(texts).toHaveLength(stored.length);
    const storedOf = async (pattern: string) =>
      Number(
        (
          await t.services.db
            .select({ n: count() })
            .from(opinions)
            .where(sql`${opinions.content} LIKE ${pattern}`)
        )[0].n,
      );
    expect(await storedOf('同时提交 限额%')).toBe(3);
    expect(await storedOf('同时提交 已屏蔽')).toBe(0);
    // Every attempt counted in its window, the refused included.
    const counted = await t.services.db.execute(
      sql`SELECT sum(hits)::int AS n FROM opinion_rate_counters WHERE key LIKE ${`%:phone:${t.services.pii.index('phone', limited)}`}`,
    );
    expect((counted as unknown as { rows: { n: number }[] }).rows[0].n).toBe(8);
    await liaison.delete(`/api/v1/opinion-blocks/${b.json().id}`);
  });

  it('never deletes an opinion nor changes its id, so its events need no foreign key (migration 0304)', async () => {
    const { id } = await submit({ content: '不可删除的意见' });
    const refusal = (q: ReturnType<typeof sql>) => refusalOf(t.services, q);
    expect(await refusal(sql`DELETE FROM opinions WHERE id = ${id}`)).toMatch(/never deleted/);
    expect(await refusal(sql`UPDATE opinions SET id = gen_random_uuid() WHERE id = ${id}`)).toMatch(
      /never changes/,
    );
    const [row] = await t.services.db.select().from(opinions).where(eq(opinions.id, id));
    expect(row.content).toBe('不可删除的意见');
    const events = await t.services.db.select().from(opinionEvents).where(eq(opinionEvents.opinionId, id));
    expect(events.map((e) => e.kind)).toEqual(['submitted']);
  });

  it("stores a new opinion's list item exactly as the database's opinion_list_item() renders it", async () => {
    // Built by the server at submission (migration 0302); quotes, backslashes, controls, emoji and a phone
    // number that the public text redacts.
    const content = '引号"反斜杠\\ 换行\n制表\t控制\u0001 表情😀 电话13812345678 </script>';
    const { id } = await submit({ content, location: '幸福路 "12" 号' });
    const check = (await t.services.db.execute(
      sql`SELECT o.list_item = opinion_list_item(o) AS same, o.list_item AS item FROM opinions o WHERE o.id = ${id}`,
    )) as unknown as { rows: { same: boolean; item: string }[] };
    expect(check.rows[0].same, check.rows[0].item).toBe(true);
    expect(JSON.parse(`${check.rows[0].item}}`)).toMatchObject({ id, status: 'submitted', hidden: false });
  });

  it('writes the others of a batch when one of its submissions cannot be written', async () => {
    // A fault of one submission (here a trigger standing in for, say, a broken row) fails its batch's
    // statement; each submission is then written alone, so only that one fails, and nothing of it is stored.
    await t.services.db.execute(sql`
      CREATE FUNCTION test_refuse_opinion() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.content = '无法写入的意见' THEN RAISE EXCEPTION 'test fault'; END IF; RETURN NEW; END $$`);
    await t.services.db.execute(
      sql`CREATE TRIGGER test_refuse_opinion BEFORE INSERT ON opinions FOR EACH ROW EXECUTE FUNCTION test_refuse_opinion()`,
    );
    try {
      const bodies = Array.from({ length: 6 }, (_, i) =>
        form({ phone: `1370000003${i}`, content: i === 3 ? '无法写入的意见' : `批次其余的意见 ${i}` }),
      );
      await submit({ phone: '13700000039' });
      const before = await countOf(opinions);
      const auditBefore = await countOf(auditEvents);
      const stats = submissionBatchStats(t.services)!;
      const batchesBefore = stats.batches;
      const answers = await whileCountersLocked(() =>
        Promise.all(bodies.map((body) => t.anon.post('/api/v1/opinions', body))),
      );
      expect(stats.batches - batchesBefore).toBeLessThanOrEqual(3);
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 500, 201, 201]);
      expect(await countOf(opinions)).toBe(before + 5);
      expect(await countOf(auditEvents)).toBe(auditBefore + 5);
    } finally {
      await t.services.db.execute(sql`DROP TRIGGER test_refuse_opinion ON opinions`);
      await t.services.db.execute(sql`DROP FUNCTION test_refuse_opinion()`);
    }
  });

  it('refuses a blocked phone', async () => {
    const b = await liaison.post('/api/v1/opinion-blocks', {
      kind: 'phone',
      value: '13700000002',
      reason: '反复发送广告',
    });
    expect(b.statusCode, b.body).toBe(201);
    const r = await t.anon.post('/api/v1/opinions', form({ phone: '13700000002' }));
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('submitter_blocked');
    expect((await liaison.get('/api/v1/opinion-blocks')).body).not.toContain('13700000002');
    expect((await liaison.delete(`/api/v1/opinion-blocks/${b.json().id}`)).statusCode).toBe(204);
    await submit({ phone: '13700000002' });
  });

  it('takes photos checked by content with their location metadata stripped', async () => {
    const jpeg = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#c33' } })
      .jpeg()
      .withExif({
        IFD0: { Copyright: 'secret-camera' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 43/1 0/1' },
      })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const boundary = '----minyitest';
    const multipart = (name: string, data: Buffer, type: string) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const up = await t.anon.request({
      method: 'POST',
      url: `/api/v1/opinions/photos?congressId=${t.congressId}`,
      payload: multipart('road.jpg', jpeg, 'image/jpeg'),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(up.statusCode, up.body).toBe(201);
    const photoId = up.json().id;
    const stored = await t.services.files.read(t.services.db, t.congressId, photoId);
    expect((await sharp(stored!.data).metadata()).exif).toBeUndefined();
    const fake = await t.anon.request({
      method: 'POST',
      url: `/api/v1/opinions/photos?congressId=${t.congressId}`,
      payload: multipart('evil.jpg', Buffer.from('not an image at all'), 'image/jpeg'),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(fake.statusCode).toBe(415);
    const { id } = await submit({ photoIds: [photoId] });
    expect((await staff.get(`/api/v1/opinions/${id}`)).json().photos).toEqual([photoId]);
    // A photo is used once.
    expect((await t.anon.post('/api/v1/opinions', form({ photoIds: [photoId] }))).statusCode).toBe(400);
    expect((await t.services.db.select().from(files).where(eq(files.id, photoId))).length).toBe(1);
  });
});

describe('search, QR, import, receptions, reports', () => {
  it('shows similar open opinions in the same street at intake and triage', async () => {
    const a = await submit({ content: '星河路的下水道堵塞，雨天积水严重' });
    const r = await t.anon.get(
      `/api/v1/opinions/similar?streetId=${t.streetId}&text=${encodeURIComponent('下水道积水')}`,
    );
    expect(r.statusCode).toBe(200);
    expect(r.json().items.some((i: { content: string }) => i.content.includes('下水道'))).toBe(true);
    expect(r.json().items[0].id).toBeUndefined();
    const b = await submit({ content: '下水道又堵了，积水进了店里' });
    const tri = (await staff.get(`/api/v1/opinions/${b.id}/similar`)).json();
    expect(tri.items.map((i: { id: string }) => i.id)).toContain(a.id);
    const q = (await staff.get(`/api/v1/opinions?q=${encodeURIComponent('下水道')}`)).json();
    expect(q.items.length).toBeGreaterThanOrEqual(2);
  });

  it('pages the queue with a keyset cursor and filters it', async () => {
    const p1 = (await staff.get('/api/v1/opinions?limit=3')).json();
    expect(p1.items).toHaveLength(3);
    const p2 = (await staff.get(`/api/v1/opinions?limit=3&cursor=${p1.nextCursor}`)).json();
    expect(p2.items.map((i: { id: string }) => i.id)).not.toContain(p1.items[0].id);
    const closed = (await staff.get('/api/v1/opinions?status=closedResolved')).json();
    expect(closed.items.every((i: { status: string }) => i.status === 'closedResolved')).toBe(true);
    expect((await staff.get('/api/v1/opinions?status=nope')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/opinions?cursor=garbage')).statusCode).toBe(400);
  });

  it("pages a unit's own queue newest assignment first, every item once, and only the unit's", async () => {
    for (let i = 0; i < 3; i++) await forwardOverdue({ content: `单位队列分页测试第${i}件` });
    const assigned = await t.services.db
      .select({ id: opinionAssignments.opinionId })
      .from(opinionAssignments)
      .where(and(eq(opinionAssignments.unitId, unitA), eq(opinionAssignments.active, true)));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await unitAStaff.get(`/api/v1/opinions?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ items: { id: string; role: string }[]; nextCursor: string | null }>();
      expect(body.items.length).toBeLessThanOrEqual(2);
      for (const item of body.items) expect(item.role).toBe('lead');
      seen.push(...body.items.map((x) => x.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(assigned.map((a) => a.id).sort());
    // A page that ends exactly at the last item has no next page; past the end, an empty page.
    const all = (await unitAStaff.get(`/api/v1/opinions?limit=${seen.length}`)).json();
    expect(all.items).toHaveLength(seen.length);
    expect(all.nextCursor).toBeNull();
    // The page's bytes go out as the database rendered them: Chinese text and the header intact.
    expect(all.items.map((x: { content: string }) => x.content)).toEqual(
      expect.arrayContaining(['单位队列分页测试第0件', '单位队列分页测试第2件']),
    );
    const before = (await unitAStaff.get(`/api/v1/opinions?limit=${seen.length - 1}`)).json();
    const past = (await unitAStaff.get(`/api/v1/opinions?limit=5&cursor=${before.nextCursor}`)).json();
    expect(past.items.map((x: { id: string }) => x.id)).toEqual([all.items.at(-1).id]);
    expect(past.nextCursor).toBeNull();
  });

  it("renders a unit's unfiltered queue (JSON built by the database) exactly as the filtered path does", async () => {
    await forwardOverdue({ content: '单位队列格式对照' });
    const plain = (await unitAStaff.get('/api/v1/opinions?limit=100')).json();
    const filtered = (await unitAStaff.get('/api/v1/opinions?limit=100&status=forwarded')).json();
    expect(filtered.items.length).toBeGreaterThan(0);
    const byId = new Map(plain.items.map((i: { id: string }) => [i.id, i]));
    for (const item of filtered.items) expect(byId.get(item.id)).toEqual(item);
    const overdue = filtered.items.find((i: { due: string | null }) => i.due === 'overdue');
    expect(overdue.deadlineAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(typeof overdue.hidden).toBe('boolean');
    expect(typeof overdue.reopenCount).toBe('number');
    // The stored items (migration 0301) follow every change the opinions went through in this file.
    const stale = (await t.services.db.execute(
      sql`SELECT count(*)::int AS n FROM opinions o WHERE o.list_item IS DISTINCT FROM opinion_list_item(o)`,
    )) as unknown as { rows: { n: number }[] };
    expect(stale.rows[0].n).toBe(0);
    // And every assignment carries its opinion's item, status and deadline as they are now (migration 0303).
    const copies = (await t.services.db.execute(
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE (a.opinion_item, a.opinion_status, a.opinion_deadline)
        IS DISTINCT FROM (o.list_item, o.status, o.deadline_at))::int AS stale
        FROM opinion_assignments a JOIN opinions o ON o.id = a.opinion_id`,
    )) as unknown as { rows: { n: number; stale: number }[] };
    expect(copies.rows[0].n).toBeGreaterThan(10);
    expect(copies.rows[0].stale).toBe(0);
  });

  it('sends with the routing table and block list what the reader may change: staff all, liaison staff blocks, leaders nothing', async () => {
    const abilitiesOf = async (c: TestClient, path: string) =>
      (await c.get(`/api/v1/${path}`)).json().abilities;
    expect(await abilitiesOf(staff, 'opinion-routes')).toEqual({
      manageRoutes: true,
      manageSettings: true,
      manageBlocks: true,
    });
    expect(await abilitiesOf(leader, 'opinion-routes')).toEqual({
      manageRoutes: false,
      manageSettings: false,
      manageBlocks: false,
    });
    expect(await abilitiesOf(liaison, 'opinion-blocks')).toMatchObject({
      manageRoutes: false,
      manageBlocks: true,
    });
  });

  it('draws a QR code that opens the form prefilled', async () => {
    const r = await t.anon.get(
      `/api/v1/opinions/qr.svg?liaisonPlaceId=${placeId}&congressId=${t.congressId}`,
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(r.body).toMatch(/<svg/);
    expect((await t.anon.get(`/api/v1/opinions/qr.svg?congressId=${t.congressId}`)).statusCode).toBe(400);
  });

  it('names the deputy and the liaison place a QR code prefills the form with, and refuses unknown or missing ones', async () => {
    const q = `congressId=${t.congressId}`;
    const r = await t.anon.get(
      `/api/v1/opinions/prefill?deputyId=${deputyId}&liaisonPlaceId=${placeId}&${q}`,
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({
      deputy: { id: deputyId, name: '王代表' },
      liaisonPlace: { id: placeId, name: '幸福社区代表联络站', streetId: t.streetId },
    });
    expect(
      (await t.anon.get(`/api/v1/opinions/prefill?liaisonPlaceId=${placeId}&${q}`)).json().deputy,
    ).toBeNull();
    const none = await t.anon.get(`/api/v1/opinions/prefill?${q}`);
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('deputyId');
    expect((await t.anon.get(`/api/v1/opinions/prefill?deputyId=x&${q}`)).statusCode).toBe(400);
    expect((await t.anon.get(`/api/v1/opinions/prefill?deputyId=${newId()}&${q}`)).statusCode).toBe(404);
    expect((await t.anon.get(`/api/v1/opinions/prefill?liaisonPlaceId=${newId()}&${q}`)).statusCode).toBe(
      404,
    );
  });

  it('imports a hotline export all or nothing, naming bad rows', async () => {
    const book = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('x');
      ws.addRow(['内容', '类别', '街道', '手机号', '是否公开', '渠道', '受理日期']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const boundary = '----minyiimport';
    const post = (data: Buffer) =>
      staff.request({
        method: 'POST',
        url: '/api/v1/opinions/import',
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="h.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
          ),
          data,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    const before = await countOf(opinions);
    const bad = await post(
      await book([
        ['热线：路面破损', '城市管理', '测试街道', '13800000001', '否', 'hotline', '2026-10-01'],
        ['', '城市管理', '不存在街道', '123', '否', 'hotline', ''],
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: '街道' }),
        expect.objectContaining({ row: 3, field: '手机号' }),
      ]),
    );
    expect(await countOf(opinions)).toBe(before);
    const ok = await post(
      await book([
        ['热线：路面破损', '城市管理', '测试街道', '13800000001', '否', 'hotline', '2026-10-01'],
        ['信访：噪音扰民', 'environment', '测试街道', '13800000002', '是', 'petition', ''],
      ]),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().created).toBe(2);
    const [row] = await t.services.db.select().from(opinions).where(eq(opinions.id, ok.json().items[0].id));
    expect(row.channel).toBe('hotline');
  });

  it('shows one reception with whom each reader may check in: staff anyone, a deputy only themselves; refuses the public and units', async () => {
    const at = Date.now() + 5 * 86_400_000;
    const created = await liaison.post('/api/v1/receptions', {
      liaisonPlaceId: placeId,
      startsAt: new Date(at).toISOString(),
      endsAt: new Date(at + 7_200_000).toISOString(),
      deputyIds: [deputyId],
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/v1/receptions/${created.json().id}`;
    const view = async (c: TestClient) => (await c.get(url)).json();
    expect(await view(staff)).toMatchObject({
      deputies: [{ id: deputyId, checkedIn: false, canCheckIn: true }],
      abilities: { checkIn: true, registerOpinion: true },
      opinions: [],
    });
    expect((await view(deputy)).deputies[0].canCheckIn).toBe(true);
    expect(await view(otherDeputy)).toMatchObject({
      deputies: [{ id: deputyId, canCheckIn: false }],
      abilities: { checkIn: false, record: false, registerOpinion: false },
    });
    expect((await t.anon.get(url)).statusCode).toBe(401);
    expect((await unitAStaff.get(url)).statusCode).toBe(403);
    expect((await citizen.get(url)).statusCode).toBe(403);
    expect((await staff.get('/api/v1/receptions/not-a-uuid')).statusCode).toBe(400);
    expect((await staff.get(`/api/v1/receptions/${newId()}`)).statusCode).toBe(404);
    // Gone again, so the next test's counts of receptions and notices are its own.
    await t.services.db.delete(receptionDeputies).where(eq(receptionDeputies.receptionId, created.json().id));
    await t.services.db.delete(receptions).where(eq(receptions.id, created.json().id));
  });

  it('schedules a reception with notice, checks deputies in, records people received and counts it', async () => {
    const soon = {
      liaisonPlaceId: placeId,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 86_400_000 + 7_200_000).toISOString(),
      deputyIds: [deputyId],
    };
    const tooSoon = await liaison.post('/api/v1/receptions', soon);
    expect(tooSoon.statusCode).toBe(400);
    expect(tooSoon.json().errors[0].field).toBe('startsAt');
    const at = Date.now() + 4 * 86_400_000;
    const created = await liaison.post('/api/v1/receptions', {
      ...soon,
      startsAt: new Date(at).toISOString(),
      endsAt: new Date(at + 7_200_000).toISOString(),
      topic: '物业管理',
    });
    expect(created.statusCode, created.body).toBe(201);
    const rid = created.json().id;
    const pub = (
      await t.anon.get(`/api/v1/public/receptions?liaisonPlaceId=${placeId}&congressId=${t.congressId}`)
    ).json();
    expect(pub.items[0]).toMatchObject({
      id: rid,
      topic: '物业管理',
      deputies: [{ id: deputyId, name: '王代表' }],
    });
    await t.services.jobs.drain();
    // The notice reaches the scheduled deputy's account.
    expect(
      (await t.services.db.select().from(notifications).where(eq(notifications.kind, 'reception.scheduled')))
        .length,
    ).toBe(1);
    // The reception begins (moved into the past for the test).
    expect((await deputy.post(`/api/v1/receptions/${rid}/check-in`, {})).statusCode).toBe(409);
    await t.services.db
      .update(receptions)
      .set({ startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) })
      .where(eq(receptions.id, rid));
    expect((await otherDeputy.post(`/api/v1/receptions/${rid}/check-in`, {})).statusCode).toBe(403);
    const ci = await deputy.post(`/api/v1/receptions/${rid}/check-in`, {});
    expect(ci.statusCode, ci.body).toBe(200);
    const op = await deputy.post(
      '/api/v1/opinions',
      form({ receptionId: rid, liaisonPlaceId: placeId, content: '接待中登记：物业费上涨' }),
    );
    expect(op.statusCode, op.body).toBe(201);
    expect((await t.anon.post('/api/v1/opinions', form({ receptionId: rid }))).statusCode).toBe(400);
    // A deputy not scheduled for the reception cannot register opinions against it; nothing is stored.
    const before = await countOf(opinions);
    const notThere = await otherDeputy.post('/api/v1/opinions', form({ receptionId: rid }));
    expect(notThere.statusCode, notThere.body).toBe(403);
    expect(await countOf(opinions)).toBe(before);
    const rec = await deputy.post(`/api/v1/receptions/${rid}/record`, {
      peopleReceived: 12,
      notes: '群众反映物业问题较多',
    });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json()).toMatchObject({
      status: 'held',
      peopleReceived: 12,
      opinions: [{ content: '接待中登记：物业费上涨' }],
    });
    expect((await deputy.post(`/api/v1/receptions/${rid}/record`, { peopleReceived: 13 })).statusCode).toBe(
      409,
    );
    expect(await countDeputyReceptions(t.services.db, t.congressId, deputyId)).toBe(1);
    expect(await countDeputyReceptions(t.services.db, t.congressId, otherDeputyId)).toBe(0);
    expect(await auditActions(rid)).toEqual(['reception.schedule', 'reception.checkIn', 'reception.record']);
    // The reception began an hour ago: just after midnight in Shanghai that is yesterday, so the period
    // runs from yesterday to today.
    const today = shanghaiDate(new Date());
    const yesterday = shanghaiDate(new Date(Date.now() - 86_400_000));
    const rep = (await staff.get(`/api/v1/opinion-reports/period?from=${yesterday}&to=${today}`)).json();
    expect(rep.total.peopleReceived).toBe(12);
    expect(rep.total.receptions).toBe(1);
    // Received in the period: the opinions created from the start of yesterday to the end of today (Shanghai).
    expect(rep.total.received).toBe(
      Number(
        (
          await t.services.db
            .select({ n: count() })
            .from(opinions)
            .where(
              and(
                eq(opinions.congressId, t.congressId),
                sql`${opinions.createdAt} >= ${new Date(`${yesterday}T00:00:00+08:00`)}`,
                sql`${opinions.createdAt} <= ${new Date(`${today}T23:59:59.999+08:00`)}`,
              ),
            )
        )[0].n,
      ),
    );
    const x = await leader.get(`/api/v1/opinion-reports/period.xlsx?from=${yesterday}&to=${today}`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(ws.rowCount).getCell(1).value).toBe('合计');
    expect(ws.getRow(ws.rowCount).getCell(3).value).toBe(12);
  });
});
