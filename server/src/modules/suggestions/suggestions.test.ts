import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { and, eq, sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { addSittingInSession } from '../../../test/registry.fixture';
import { newId } from '../../platform/ids';
import { auditEvents, notifications } from '../../platform/platform.table';
import { transact, systemCtx } from '../../platform/context';
import { committeeMembers, deputies, handlingUnits, sittings } from '../../../test/tables';
import { suggestions } from './suggestions.table';
import { getSuggestionOutcome, raiseSuggestionFromOpinion } from '.';
import { remindDeadlines } from './jobs/remind-deadlines.job';

let t: TestEnv;
let sittingId: string;
const dep: Record<string, string> = {};
const unit: Record<string, string> = {};
const c: Record<string, TestClient> = {};
let leaderId: string;
let otherLeaderId: string;

const base = {
  title: '关于增设坂田地铁站公交接驳线路的建议',
  content: '坂田地铁站周边居民出行不便，建议增设公交接驳线路，优化站点设置。',
  category: 'transport',
};

async function status(id: string) {
  const [row] = await t.services.db
    .select({ status: suggestions.status })
    .from(suggestions)
    .where(eq(suggestions.id, id));
  return row.status;
}
async function snapshot(id: string) {
  const [row] = await t.services.db.select().from(suggestions).where(eq(suggestions.id, id));
  const res = (await t.services.db.execute(
    sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = ${id}`,
  )) as unknown as { rows: { n: number }[] };
  return { row, audits: res.rows[0].n };
}

/** Creates a suggestion by dep.p and drives it to the wanted state. */
async function make(
  state: 'submitted' | 'accepted' | 'assigned' | 'contacted' | 'replied',
  extra: Record<string, unknown> = {},
) {
  const res = await c.p.post('/api/v1/suggestions', { ...base, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (state === 'submitted') return id;
  expect(
    (await c.staff.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept', comment: '' })).statusCode,
  ).toBe(200);
  if (state === 'accepted') return id;
  expect(
    (
      await c.staff.post(`/api/v1/suggestions/${id}/assign`, {
        leadUnitId: unit.a,
        assistingUnitIds: [unit.b],
      })
    ).statusCode,
  ).toBe(200);
  if (state === 'assigned') return id;
  expect(
    (await c.unitA.post(`/api/v1/suggestions/${id}/contacts`, { method: 'phone', summary: '电话沟通' }))
      .statusCode,
  ).toBe(200);
  if (state === 'contacted') return id;
  expect(
    (await c.unitA.post(`/api/v1/suggestions/${id}/reply`, { category: 'A', content: '已增设线路' }))
      .statusCode,
  ).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await createTestEnv();
  const db = t.services.db;
  const congressId = t.congressId;
  ({ sittingId } = await addSittingInSession(db, congressId));
  const names = ['王建国', '李秀英', '张伟', ...Array.from({ length: 12 }, (_, i) => `代表${i + 1}`)];
  const keys = ['p', 'co', 'other', ...Array.from({ length: 12 }, (_, i) => `m${i}`)];
  for (let i = 0; i < names.length; i++) {
    dep[keys[i]] = newId();
    await db.insert(deputies).values({ id: dep[keys[i]], congressId, name: names[i], gender: 'male' });
  }
  for (const k of ['a', 'b', 'c']) {
    unit[k] = newId();
    await db
      .insert(handlingUnits)
      .values({ id: unit[k], congressId, name: `区${k.toUpperCase()}局`, kind: 'governmentDepartment' });
  }
  c.p = await t.as('dep_p', ['deputy'], { deputyId: dep.p });
  c.co = await t.as('dep_co', ['deputy'], { deputyId: dep.co });
  c.other = await t.as('dep_other', ['deputy'], { deputyId: dep.other });
  c.staff = await t.as('staff', ['congressStaff']);
  c.unitA = await t.as('unit_a', ['handlingUnitStaff'], { handlingUnitId: unit.a });
  c.unitB = await t.as('unit_b', ['handlingUnitStaff'], { handlingUnitId: unit.b });
  c.unitC = await t.as('unit_c', ['handlingUnitStaff'], { handlingUnitId: unit.c });
  c.leader = await t.as('leader1', ['leader']);
  c.leader2 = await t.as('leader2', ['leader']);
  c.citizen = await t.as('citizen1', ['citizen']);
  c.anon = t.anon;
  const me = async (cl: TestClient) => (await cl.get('/api/v1/auth/me')).json().user.id as string;
  leaderId = await me(c.leader);
  otherLeaderId = await me(c.leader2);
});
afterAll(async () => t?.close());

describe('suggestions contract', () => {
  it('creates a numbered suggestion (201 id, number, status) and lists the categories', async () => {
    const cats = await c.p.get('/api/v1/suggestion-categories');
    expect(cats.statusCode).toBe(200);
    expect(cats.json().items.map((x: { code: string }) => x.code)).toContain('transport');
    expect(cats.json().replyCategories.map((x: { code: string }) => x.code)).toEqual(['A', 'B', 'C', 'D']);
    const res = await c.p.post('/api/v1/suggestions', base);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      number: expect.stringMatching(/^第七届二次会议第\d{4}号$/),
      status: 'submitted',
    });
    const got = await c.p.get(`/api/v1/suggestions/${res.json().id}`);
    expect(got.statusCode).toBe(200);
    const body = got.json();
    for (const k of ['status', 'deadline', 'assignments', 'replies', 'ratings', 'abilities'])
      expect(body).toHaveProperty(k);
    expect(body.abilities).toMatchObject({ withdraw: true, review: false, reply: false, rate: false });
    const staffView = (await c.staff.get(`/api/v1/suggestions/${res.json().id}`)).json();
    expect(staffView.abilities).toMatchObject({ review: true, assign: false, withdraw: false });
  });

  it('answers bad input with 400 naming the fields, and stores nothing', async () => {
    const before = (await t.services.db.select().from(suggestions)).length;
    const r1 = await c.p.post('/api/v1/suggestions', { content: '', category: 'transport', extra: 1 });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['title', 'content', 'extra']),
    );
    const r2 = await c.p.post('/api/v1/suggestions', { ...base, category: 'nonsense' });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().errors[0].field).toBe('category');
    const r3 = await c.p.post('/api/v1/suggestions', { ...base, cosignerIds: [newId()] });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().errors[0].field).toBe('cosignerIds');
    expect((await t.services.db.select().from(suggestions)).length).toBe(before);
    const id = await make('assigned');
    const r4 = await c.unitA.post(`/api/v1/suggestions/${id}/reply`, { category: 'Z', content: 'x' });
    expect(r4.statusCode).toBe(400);
    expect(await status(id)).toBe('assigned');
  });

  it('refuses creation by every role but a deputy', async () => {
    for (const k of ['staff', 'unitA', 'leader', 'citizen'])
      expect((await c[k].post('/api/v1/suggestions', base)).statusCode).toBe(403);
    expect((await c.anon.post('/api/v1/suggestions', base)).statusCode).toBe(401);
  });
});

describe('the full lifecycle', () => {
  it('co-signs, reviews, assigns, contacts, replies, is rated dissatisfied, is re-handled, re-rated, followed up and closed', async () => {
    const created = await c.p.post('/api/v1/suggestions', {
      ...base,
      title: '关于完善布吉街道垃圾分类设施的建议',
      cosignerIds: [dep.co],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'awaitingCosigners', number: null });
    const id = created.json().id as string;
    // Not yet submitted: to staff it does not exist yet (issue 22 item 7).
    const early = await c.staff.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept', comment: '' });
    expect(early.statusCode).toBe(404);
    // Not an author of an unsubmitted suggestion: it does not exist for them (issue 22 item 7).
    expect((await c.other.post(`/api/v1/suggestions/${id}/cosign`, { accept: true })).statusCode).toBe(404);
    const cos = await c.co.post(`/api/v1/suggestions/${id}/cosign`, { accept: true });
    expect(cos.statusCode).toBe(200);
    expect(cos.json()).toMatchObject({
      status: 'submitted',
      number: expect.stringMatching(/^第七届二次会议第\d{4}号$/),
    });

    const review = await c.staff.post(`/api/v1/suggestions/${id}/review`, {
      decision: 'accept',
      comment: '符合要求',
      checks: { oneMatter: true, notPersonal: true, specific: true },
    });
    expect(review.json().status).toBe('accepted');
    const assign = await c.staff.post(`/api/v1/suggestions/${id}/assign`, {
      leadUnitId: unit.a,
      assistingUnitIds: [unit.b],
    });
    expect(assign.json().status).toBe('assigned');
    const detail = (await c.unitA.get(`/api/v1/suggestions/${id}`)).json();
    expect(
      detail.assignments.map((a: { role: string; unit: { id: string } }) => [a.role, a.unit.id]),
    ).toEqual([
      ['lead', unit.a],
      ['assisting', unit.b],
    ]);
    // 3 calendar months from assignment.
    const deadline = new Date(detail.deadline);
    const months =
      (deadline.getUTCFullYear() - new Date().getUTCFullYear()) * 12 +
      deadline.getUTCMonth() -
      new Date().getUTCMonth();
    expect(months).toBeGreaterThanOrEqual(2);
    expect(months).toBeLessThanOrEqual(3);
    expect(detail.abilities).toMatchObject({
      reply: true,
      logContact: true,
      requestHandBack: true,
      addOpinion: false,
    });
    expect(
      (await c.unitA.get('/api/v1/notifications'))
        .json()
        .items.some((n: { kind: string }) => n.kind === 'suggestion.assign'),
    ).toBe(true);

    // No reply before a contact (沟通见面).
    const noContact = await c.unitA.post(`/api/v1/suggestions/${id}/reply`, {
      category: 'B',
      content: '正在推进',
    });
    expect(noContact.statusCode).toBe(409);
    expect(noContact.json().code).toBe('contact_required');
    expect(await status(id)).toBe('assigned');
    expect(
      (await c.unitA.post(`/api/v1/suggestions/${id}/contacts`, { method: 'visit', summary: '上门走访代表' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await c.unitB.post(`/api/v1/suggestions/${id}/unit-opinions`, { content: '协办意见：同意增设' }))
        .statusCode,
    ).toBe(200);
    const reply = await c.unitA.post(`/api/v1/suggestions/${id}/reply`, {
      category: 'B',
      content: '已列入明年计划',
      plannedBy: '2027-06-30',
    });
    expect(reply.json().status).toBe('replied');

    const withReply = (await c.p.get(`/api/v1/suggestions/${id}`)).json();
    expect(withReply.replies).toHaveLength(1);
    expect(withReply.unitOpinions).toHaveLength(1);
    expect(withReply.abilities.rate).toBe(true);
    const letter = await c.p.get(withReply.replies[0].letterUrl.replace('/api/v1', '/api/v1'));
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toMatch(/wordprocessingml/);
    expect(letter.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // The proposer is dissatisfied; the co-signer still has to rate before it goes back.
    const r1 = await c.p.post(`/api/v1/suggestions/${id}/rating`, {
      rating: 'dissatisfied',
      comment: '进度太慢',
    });
    expect(r1.json().status).toBe('replied');
    const again = await c.p.post(`/api/v1/suggestions/${id}/rating`, { rating: 'satisfied', comment: '' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_rated');
    const r2 = await c.co.post(`/api/v1/suggestions/${id}/rating`, { rating: 'satisfied', comment: '' });
    // 上海规定 Art. 21: the 代表工委 studies the reasons before it goes back to the unit.
    expect(r2.json().status).toBe('rehandlingReview');
    expect(
      (await c.staff.post(`/api/v1/suggestions/${id}/rehandling-review`, { decision: 'rehandle' })).json()
        .status,
    ).toBe('rehandling');
    const reh = (await c.unitA.get(`/api/v1/suggestions/${id}`)).json();
    expect(reh.rehandlingRound).toBe(1);
    const days = (new Date(reh.deadline).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(26);
    expect(days).toBeLessThan(33);

    // Re-handling needs its own contact, then a second reply.
    expect(
      (await c.unitA.post(`/api/v1/suggestions/${id}/reply`, { category: 'B', content: '再次答复' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await c.unitA.post(`/api/v1/suggestions/${id}/contacts`, { method: 'meeting', summary: '面商' }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await c.unitA.post(`/api/v1/suggestions/${id}/reply`, {
          category: 'B',
          content: '再次答复：提前至三月完成',
          plannedBy: '2027-03-31',
        })
      ).json().status,
    ).toBe('replied');
    expect(
      (
        await c.p.post(`/api/v1/suggestions/${id}/rating`, { rating: 'basicallySatisfied', comment: '' })
      ).json().status,
    ).toBe('replied');
    expect(
      (await c.co.post(`/api/v1/suggestions/${id}/rating`, { rating: 'satisfied', comment: '' })).json()
        .status,
    ).toBe('followUp');
    expect((await c.unitB.post(`/api/v1/suggestions/${id}/solved`, { note: '已建成' })).statusCode).toBe(403);
    expect((await c.unitA.post(`/api/v1/suggestions/${id}/solved`, { note: '已建成' })).json().status).toBe(
      'closed',
    );

    const final = (await c.p.get(`/api/v1/suggestions/${id}`)).json();
    expect(final.replies.map((r: { round: number }) => r.round)).toEqual([1, 2]);
    expect(final.ratings.map((r: { round: number; rating: string }) => `${r.round}:${r.rating}`)).toEqual([
      '1:dissatisfied',
      '1:satisfied',
      '2:basicallySatisfied',
      '2:satisfied',
    ]);
    expect(await getSuggestionOutcome(t.services.db, t.congressId, id)).toEqual({
      status: 'closed',
      replyCategory: 'B',
      rating: 'basicallySatisfied',
    });

    const audits = await t.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id))
      .orderBy(auditEvents.createdAt, auditEvents.id);
    expect(audits.map((a) => a.action)).toEqual([
      'suggestion.requestCosigners',
      'suggestion.confirmCosign',
      'suggestion.allCosigned',
      'suggestion.accept',
      'suggestion.assign',
      'suggestion.logContact',
      'suggestion.addOpinion',
      'suggestion.reply',
      'suggestion.rate',
      'suggestion.rate',
      'suggestion.completeRatings',
      'suggestion.referRehandling',
      'suggestion.rehandle',
      'suggestion.logContact',
      'suggestion.reply',
      'suggestion.rate',
      'suggestion.rate',
      'suggestion.completeRatings',
      'suggestion.followUp',
      'suggestion.reportSolved',
    ]);
  });

  it('returns for revision with comments and takes the revised text back', async () => {
    const id = await make('submitted');
    expect(
      (await c.staff.post(`/api/v1/suggestions/${id}/review`, { decision: 'return', comment: '' }))
        .statusCode,
    ).toBe(400);
    const ret = await c.staff.post(`/api/v1/suggestions/${id}/review`, {
      decision: 'return',
      comment: '请写明具体路段',
      checks: { oneMatter: true, notPersonal: true, specific: false },
    });
    expect(ret.json().status).toBe('returnedForRevision');
    expect((await c.other.post(`/api/v1/suggestions/${id}/submit`, { content: 'x' })).statusCode).toBe(403);
    const re = await c.p.post(`/api/v1/suggestions/${id}/submit`, {
      content: '建议在坂田地铁站B出口增设公交接驳线路。',
    });
    expect(re.json().status).toBe('submitted');
    const report = (await c.staff.get('/api/v1/suggestion-report')).json();
    expect(report.review.failedChecks.specific).toBeGreaterThanOrEqual(1);
  });

  it('refers as an ordinary opinion with the reason, and that is final', async () => {
    const id = await make('submitted');
    const res = await c.staff.post(`/api/v1/suggestions/${id}/review`, {
      decision: 'refer',
      comment: '属个人事项，转为一般意见',
      checks: { oneMatter: true, notPersonal: false, specific: true },
    });
    expect(res.json().status).toBe('referredAsOpinion');
    expect((await c.staff.get(`/api/v1/suggestions/${id}`)).json().referralReason).toBe(
      '属个人事项，转为一般意见',
    );
    const again = await c.staff.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept', comment: '' });
    expect(again.statusCode).toBe(409);
    expect(again.json().currentStatus).toBe('referredAsOpinion');
  });

  it('withdraws before assignment, never after', async () => {
    const a = await make('accepted');
    expect((await c.other.post(`/api/v1/suggestions/${a}/withdraw`, {})).statusCode).toBe(403);
    expect((await c.p.post(`/api/v1/suggestions/${a}/withdraw`, {})).json().status).toBe('withdrawn');
    const b = await make('assigned');
    const res = await c.p.post(`/api/v1/suggestions/${b}/withdraw`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().currentStatus).toBe('assigned');
    expect(await status(b)).toBe('assigned');
  });
});

describe('refusals change nothing', () => {
  const cases: {
    step: string;
    state: 'submitted' | 'accepted' | 'assigned' | 'contacted' | 'replied';
    body: () => unknown;
    refuse: string[];
  }[] = [
    {
      step: 'review',
      state: 'submitted',
      body: () => ({ decision: 'accept', comment: '' }),
      refuse: ['p', 'co', 'other', 'unitA', 'leader', 'citizen'],
    },
    {
      step: 'assign',
      state: 'accepted',
      body: () => ({ leadUnitId: unit.a, assistingUnitIds: [] }),
      refuse: ['p', 'other', 'unitA', 'leader', 'citizen'],
    },
    {
      step: 'contacts',
      state: 'assigned',
      body: () => ({ method: 'phone', summary: 's' }),
      refuse: ['p', 'staff', 'unitC', 'leader', 'citizen'],
    },
    {
      step: 'reply',
      state: 'contacted',
      body: () => ({ category: 'A', content: 'x' }),
      refuse: ['p', 'staff', 'unitB', 'unitC', 'leader', 'citizen'],
    },
    {
      step: 'unit-opinions',
      state: 'assigned',
      body: () => ({ content: 'x' }),
      refuse: ['p', 'staff', 'unitA', 'unitC', 'leader'],
    },
    {
      step: 'hand-back',
      state: 'assigned',
      body: () => ({ reason: 'x' }),
      refuse: ['p', 'staff', 'unitC', 'leader'],
    },
    {
      step: 'extension',
      state: 'assigned',
      body: () => ({ reason: 'x' }),
      refuse: ['p', 'staff', 'unitB', 'unitC', 'leader', 'citizen'],
    },
    {
      step: 'rating',
      state: 'replied',
      body: () => ({ rating: 'satisfied', comment: '' }),
      refuse: ['other', 'staff', 'unitA', 'leader', 'citizen'],
    },
    { step: 'withdraw', state: 'submitted', body: () => ({}), refuse: ['other', 'staff', 'unitA', 'leader'] },
    {
      step: 'key',
      state: 'accepted',
      body: () => ({ leaderAccountId: leaderId }),
      refuse: ['p', 'unitA', 'leader', 'citizen'],
    },
  ];
  for (const k of cases) {
    it(`refuses ${k.step} by ${k.refuse.join(', ')} and anonymous, with nothing changed`, async () => {
      const id = await make(k.state);
      const before = await snapshot(id);
      for (const who of k.refuse) {
        const res = await c[who].post(`/api/v1/suggestions/${id}/${k.step}`, k.body());
        expect(res.statusCode, `${who} ${k.step}`).toBe(403);
      }
      expect((await c.anon.post(`/api/v1/suggestions/${id}/${k.step}`, k.body())).statusCode).toBe(401);
      const after = await snapshot(id);
      expect(after.row).toEqual(before.row);
      expect(after.audits).toBe(before.audits);
    });
  }

  const wrong: {
    step: string;
    state: 'submitted' | 'accepted' | 'assigned' | 'replied';
    who: string;
    body: () => unknown;
    current: string;
  }[] = [
    {
      step: 'assign',
      state: 'submitted',
      who: 'staff',
      body: () => ({ leadUnitId: unit.a, assistingUnitIds: [] }),
      current: 'submitted',
    },
    {
      step: 'review',
      state: 'accepted',
      who: 'staff',
      body: () => ({ decision: 'accept', comment: '' }),
      current: 'accepted',
    },
    {
      step: 'reply',
      state: 'replied',
      who: 'unitA',
      body: () => ({ category: 'A', content: 'x' }),
      current: 'replied',
    },
    {
      step: 'contacts',
      state: 'replied',
      who: 'unitA',
      body: () => ({ method: 'phone', summary: 'x' }),
      current: 'replied',
    },
    {
      step: 'rating',
      state: 'assigned',
      who: 'p',
      body: () => ({ rating: 'satisfied', comment: '' }),
      current: 'assigned',
    },
    {
      step: 'extension/decision',
      state: 'assigned',
      who: 'staff',
      body: () => ({ decision: 'approve' }),
      current: 'assigned',
    },
    {
      step: 'rehandling-review',
      state: 'replied',
      who: 'staff',
      body: () => ({ decision: 'rehandle' }),
      current: 'replied',
    },
    { step: 'solved', state: 'assigned', who: 'unitA', body: () => ({ note: 'x' }), current: 'assigned' },
  ];
  for (const k of wrong) {
    it(`answers ${k.step} in ${k.state} with 409 and the current state, with nothing changed`, async () => {
      const id = await make(k.state);
      const before = await snapshot(id);
      const res = await c[k.who].post(`/api/v1/suggestions/${id}/${k.step}`, k.body());
      expect(res.statusCode).toBe(409);
      expect(res.json().currentStatus).toBe(k.current);
      const after = await snapshot(id);
      expect(after.row).toEqual(before.row);
      expect(after.audits).toBe(before.audits);
    });
  }

  it('hides a suggestion from those with no part in it', async () => {
    const id = await make('assigned');
    for (const who of ['other', 'unitC', 'citizen'])
      expect((await c[who].get(`/api/v1/suggestions/${id}`)).statusCode).toBe(403);
    for (const who of ['p', 'staff', 'unitA', 'unitB', 'leader'])
      expect((await c[who].get(`/api/v1/suggestions/${id}`)).statusCode).toBe(200);
    const other = await t.createCongress('另一区人大');
    const foreign = await t.as('foreign_staff', ['congressStaff'], { congressId: other.congressId });
    expect((await foreign.get(`/api/v1/suggestions/${id}`)).statusCode).toBe(404);
  });
});

describe('numbering', () => {
  it('gives concurrent submissions distinct consecutive numbers in the sitting', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        c.p.post('/api/v1/suggestions', { ...base, title: `并发建议${i}` }),
      ),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const seqs = results.map((r) => Number(/第(\d{4})号/.exec(r.json().number)![1])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(12);
    expect(seqs.at(-1)! - seqs[0]).toBe(11);
  });

  it('numbers between sittings separately', async () => {
    await t.services.db.update(sittings).set({ status: 'closed' }).where(eq(sittings.id, sittingId));
    try {
      const r = await c.p.post('/api/v1/suggestions', base);
      expect(r.json().number).toBe('第七届闭会期间第0001号');
    } finally {
      await t.services.db.update(sittings).set({ status: 'inSession' }).where(eq(sittings.id, sittingId));
    }
  });
});

describe('hand-back, extension, key suggestions, merging', () => {
  it("takes a hand-back request, lists the dispute for the chairpersons' meeting, and re-assigns", async () => {
    const id = await make('assigned');
    expect(
      (await c.unitA.post(`/api/v1/suggestions/${id}/hand-back`, { reason: '不属于本单位职责' })).json()
        .status,
    ).toBe('handBackRequested');
    expect(
      (await c.staff.get('/api/v1/suggestion-hand-backs?status=pending'))
        .json()
        .items.some((h: { suggestionId: string }) => h.suggestionId === id),
    ).toBe(true);
    expect(
      (await c.unitA.post(`/api/v1/suggestions/${id}/hand-back/decision`, { decision: 'keep' })).statusCode,
    ).toBe(403);
    expect(
      (
        await c.staff.post(`/api/v1/suggestions/${id}/hand-back/decision`, {
          decision: 'dispute',
          comment: '提交主任会议',
        })
      ).json().status,
    ).toBe('handBackRequested');
    expect(
      (await c.staff.get('/api/v1/suggestion-hand-backs?status=disputed'))
        .json()
        .items.some((h: { suggestionId: string }) => h.suggestionId === id),
    ).toBe(true);
    expect(
      (await c.staff.post(`/api/v1/suggestions/${id}/hand-back/decision`, { decision: 'reassign' }))
        .statusCode,
    ).toBe(400);
    const re = await c.staff.post(`/api/v1/suggestions/${id}/hand-back/decision`, {
      decision: 'reassign',
      leadUnitId: unit.c,
      assistingUnitIds: [],
    });
    expect(re.json().status).toBe('assigned');
    expect(
      (await c.unitA.post(`/api/v1/suggestions/${id}/contacts`, { method: 'phone', summary: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await c.unitC.post(`/api/v1/suggestions/${id}/contacts`, { method: 'phone', summary: 'x' }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a hand-back after the window', async () => {
    const id = await make('assigned');
    await t.services.db
      .update(suggestions)
      .set({ handBackDueAt: new Date(Date.now() - 1000) })
      .where(eq(suggestions.id, id));
    const res = await c.unitA.post(`/api/v1/suggestions/${id}/hand-back`, { reason: 'x' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('hand_back_window_closed');
  });

  it("extends to 6 months once, on the unit's application approved by staff", async () => {
    const id = await make('assigned');
    const before = (await c.staff.get(`/api/v1/suggestions/${id}`)).json();
    expect(
      (await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: '涉及面广' })).statusCode,
    ).toBe(200);
    expect(
      (await c.staff.post(`/api/v1/suggestions/${id}/extension/decision`, { decision: 'approve' }))
        .statusCode,
    ).toBe(200);
    const after = (await c.staff.get(`/api/v1/suggestions/${id}`)).json();
    expect(after.extended).toBe(true);
    const gain = (new Date(after.deadline).getTime() - new Date(before.deadline).getTime()) / 86_400_000;
    expect(gain).toBeGreaterThan(85);
    expect(gain).toBeLessThan(95);
    expect((await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: 'again' })).json().code).toBe(
      'already_extended',
    );
  });

  it('selects a key suggestion with its leading leader, who logs supervision and sees it on the dashboard', async () => {
    const id = await make('assigned');
    expect(
      (await c.staff.post(`/api/v1/suggestions/${id}/key`, { leaderAccountId: newId() })).statusCode,
    ).toBe(400);
    expect(
      (await c.staff.post(`/api/v1/suggestions/${id}/key`, { leaderAccountId: leaderId })).statusCode,
    ).toBe(200);
    const audit = await t.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'suggestion.selectKey')));
    expect(audit[0].after).toMatchObject({ decidedBy: 'chairpersonsMeeting', leaderAccountId: leaderId });
    expect(
      (await c.leader2.post(`/api/v1/suggestions/${id}/supervisions`, { kind: 'meeting', note: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await c.leader.post(`/api/v1/suggestions/${id}/supervisions`, { kind: 'siteVisit', note: '现场察看' }))
        .statusCode,
    ).toBe(200);
    const dash = (await c.leader.get('/api/v1/suggestions/dashboard')).json();
    expect(dash.key.map((k: { id: string }) => k.id)).toContain(id);
    expect(
      (await c.leader2.get('/api/v1/suggestions/dashboard')).json().key.map((k: { id: string }) => k.id),
    ).not.toContain(id);
    expect(otherLeaderId).not.toBe(leaderId);
  });

  it('surfaces similar suggestions of the sitting and merges them into one case assigned together', async () => {
    const a = await make('accepted', {
      title: '关于改善龙岗大道交通拥堵的建议',
      content: '龙岗大道早晚高峰交通拥堵严重，建议优化信号灯配时。',
    });
    const b = await make('accepted', {
      title: '关于缓解龙岗大道交通拥堵的建议',
      content: '龙岗大道交通拥堵，建议优化信号灯配时并增设掉头车道。',
    });
    const sim = await c.staff.get(`/api/v1/suggestions/${a}/similar`);
    expect(sim.statusCode).toBe(200);
    expect(sim.json().items.map((x: { id: string }) => x.id)).toContain(b);
    expect((await c.p.get(`/api/v1/suggestions/${a}/similar`)).statusCode).toBe(403);
    expect((await c.p.post('/api/v1/suggestion-cases', { suggestionIds: [a, b] })).statusCode).toBe(403);
    const merged = await c.staff.post('/api/v1/suggestion-cases', { suggestionIds: [a, b] });
    expect(merged.statusCode).toBe(201);
    expect((await c.staff.post('/api/v1/suggestion-cases', { suggestionIds: [a, b] })).json().code).toBe(
      'already_merged',
    );
    await c.staff.post(`/api/v1/suggestions/${a}/assign`, { leadUnitId: unit.a, assistingUnitIds: [] });
    expect(await status(b)).toBe('assigned');
    // Each keeps its own reply and rating.
    const db = (await c.unitA.get(`/api/v1/suggestions/${b}`)).json();
    expect(db.handlingCaseId).toBe(merged.json().id);
  });
});

describe('motions', () => {
  it('needs 10 deputies at a sitting; the decision to handle it as a suggestion creates the linked suggestion', async () => {
    const few = await c.p.post('/api/v1/motions', { ...base, signerIds: [dep.m0, dep.m1] });
    expect(few.statusCode).toBe(400);
    expect(few.json().errors[0]).toMatchObject({ field: 'signerIds', code: 'too_few_signers' });
    const ok = await c.p.post('/api/v1/motions', {
      ...base,
      signerIds: Array.from({ length: 9 }, (_, i) => dep[`m${i}`]),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().number).toMatch(/^第七届二次会议议案第\d{4}号$/);
    expect(
      (
        await c.p.post(`/api/v1/motions/${ok.json().id}/decision`, {
          decision: 'asSuggestion',
          body: 'presidium',
        })
      ).statusCode,
    ).toBe(403);
    const d = await c.staff.post(`/api/v1/motions/${ok.json().id}/decision`, {
      decision: 'asSuggestion',
      body: 'presidium',
      note: '作为建议办理',
    });
    expect(d.json()).toMatchObject({ status: 'handledAsSuggestion', suggestionId: expect.any(String) });
    const s = (await c.staff.get(`/api/v1/suggestions/${d.json().suggestionId}`)).json();
    expect(s).toMatchObject({ status: 'submitted', motionId: ok.json().id });
    expect(s.cosigners).toHaveLength(9);
    const again = await c.staff.post(`/api/v1/motions/${ok.json().id}/decision`, {
      decision: 'agenda',
      body: 'presidium',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().currentStatus).toBe('handledAsSuggestion');
  });

  it('needs 3 standing-committee members between sittings', async () => {
    await t.services.db.update(sittings).set({ status: 'closed' }).where(eq(sittings.id, sittingId));
    try {
      const ten = Array.from({ length: 10 }, (_, i) => dep[`m${i}`]);
      expect((await c.p.post('/api/v1/motions', { ...base, signerIds: ten })).statusCode).toBe(400);
      for (const d of [dep.p, dep.m0, dep.m1])
        await t.services.db
          .insert(committeeMembers)
          .values({ id: newId(), congressId: t.congressId, body: 'standingCommittee', deputyId: d });
      const ok = await c.p.post('/api/v1/motions', { ...base, signerIds: [dep.m0, dep.m1] });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().number).toMatch(/闭会期间议案第0001号$/);
    } finally {
      await t.services.db.update(sittings).set({ status: 'inSession' }).where(eq(sittings.id, sittingId));
    }
  });
});

describe('reminders, report, opinions link', () => {
  it('reminds the unit once as the deadline nears and once when overdue', async () => {
    const id = await make('assigned');
    await t.services.db
      .update(suggestions)
      .set({ deadline: new Date(Date.now() + 2 * 86_400_000) })
      .where(eq(suggestions.id, id));
    const count = async () =>
      (
        await t.services.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.link, `/suggestions/${id}`)))
      ).filter((n) => n.kind.startsWith('suggestion.dueSoon') || n.kind === 'suggestion.overdue').length;
    await remindDeadlines(t.services);
    await remindDeadlines(t.services);
    expect(await count()).toBe(1);
    await t.services.db
      .update(suggestions)
      .set({ deadline: new Date(Date.now() - 86_400_000) })
      .where(eq(suggestions.id, id));
    await remindDeadlines(t.services);
    await remindDeadlines(t.services);
    expect(await count()).toBe(2);
    const list = await c.staff.get(`/api/v1/suggestions?overdue=true&unitId=${unit.a}&status=assigned`);
    expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(id);
    // The list's JSON is built by the database: the same item as the detail, timestamps as toISOString gives.
    const item = list.json().items.find((x: { id: string }) => x.id === id);
    const detail = (await c.staff.get(`/api/v1/suggestions/${id}`)).json();
    expect(item).toMatchObject({
      overdue: true,
      status: 'assigned',
      number: detail.number,
      title: detail.title,
    });
    const [row] = await t.services.db.select().from(suggestions).where(eq(suggestions.id, id));
    expect(item.deadline).toBe(row.deadline!.toISOString());
    expect(item.submittedAt).toBe(row.submittedAt!.toISOString());
    expect(typeof item.isKey).toBe('boolean');
    expect(
      (await c.unitA.get('/api/v1/suggestions/dashboard'))
        .json()
        .unit.overdue.map((x: { id: string }) => x.id),
    ).toContain(id);
  });

  it('lists with filters and cursor paging, scoped by role', async () => {
    const first = await c.staff.get('/api/v1/suggestions?limit=5');
    expect(first.json().items).toHaveLength(5);
    const second = await c.staff.get(`/api/v1/suggestions?limit=5&cursor=${first.json().nextCursor}`);
    expect(second.json().items[0].id < first.json().items[4].id).toBe(true);
    const mine = (await c.other.get('/api/v1/suggestions')).json().items;
    expect(mine).toHaveLength(0);
    const unitC = (await c.unitC.get('/api/v1/suggestions?limit=200')).json().items;
    expect(unitC.every((x: { leadUnitId: string }) => x.leadUnitId === unit.c)).toBe(true);
    expect((await c.citizen.get('/api/v1/suggestions')).statusCode).toBe(403);
  });

  it("keeps each assignment's copy of its suggestion's status and deadline, so a unit's filtered list is exact", async () => {
    // Moves through the states the copy must follow: assignment, extension, hand-back, re-assignment, a
    // deadline passing (changed directly, as the database would see any writer do it).
    const moved = await make('assigned');
    await c.staff.post(`/api/v1/suggestions/${moved}/extension`, { reason: '涉及面广' });
    const handed = await make('assigned');
    await c.unitA.post(`/api/v1/suggestions/${handed}/hand-back`, { reason: '不属于本单位职责' });
    const late = await make('assigned');
    await t.services.db
      .update(suggestions)
      .set({ deadline: new Date(Date.now() - 3_600_000) })
      .where(eq(suggestions.id, late));
    const stale = (await t.services.db.execute(sql`
      SELECT count(*)::int AS n FROM suggestion_assignments a JOIN suggestions s ON s.id = a.suggestion_id
      WHERE a.suggestion_status IS DISTINCT FROM s.status OR a.suggestion_deadline IS DISTINCT FROM s.deadline`)) as unknown as {
      rows: { n: number }[];
    };
    expect(stale.rows[0].n).toBe(0);
    // Every unit × status × overdue filter answers what the suggestions themselves say.
    for (const unitId of Object.values(unit)) {
      for (const st of ['assigned', 'handBackRequested', 'replied', 'rehandling', 'closed']) {
        for (const overdue of [undefined, 'true']) {
          const expected = (await t.services.db.execute(sql`
            SELECT s.id FROM suggestions s JOIN suggestion_assignments a ON a.suggestion_id = s.id
            WHERE a.unit_id = ${unitId} AND a.ended_at IS NULL AND s.status = ${st}
              AND (${overdue === undefined} OR (s.status IN ('assigned', 'handBackRequested', 'rehandling') AND s.deadline < now()))
            ORDER BY s.id DESC`)) as unknown as { rows: { id: string }[] };
          const res = await c.staff.get(
            `/api/v1/suggestions?unitId=${unitId}&status=${st}${overdue ? '&overdue=true' : ''}&limit=200`,
          );
          expect(res.json().items.map((x: { id: string }) => x.id)).toEqual(expected.rows.map((r) => r.id));
        }
      }
    }
    const lateList = await c.staff.get(`/api/v1/suggestions?unitId=${unit.a}&overdue=true&limit=200`);
    expect(lateList.json().items.map((x: { id: string }) => x.id)).toContain(late);
  });

  it("keeps each suggestion's list item in step with the row and with its proposer's and unit's names", async () => {
    const id = await make('assigned');
    const [row] = await t.services.db.select().from(suggestions).where(eq(suggestions.id, id));
    await t.services.db
      .update(deputies)
      .set({ name: '改名后的代表' })
      .where(eq(deputies.id, row.proposerDeputyId));
    await t.services.db
      .update(handlingUnits)
      .set({ name: '改名后的承办单位' })
      .where(eq(handlingUnits.id, unit.a));
    const item = (await c.staff.get(`/api/v1/suggestions?unitId=${unit.a}&limit=200`))
      .json()
      .items.find((x: { id: string }) => x.id === id);
    expect(item).toMatchObject({ id, proposerName: '改名后的代表', leadUnitName: '改名后的承办单位' });
    // Every row's stored item is what the row and the names make now.
    const stale = (await t.services.db.execute(
      sql`SELECT count(*)::int AS n FROM suggestions s WHERE s.list_item IS DISTINCT FROM suggestion_list_item(s)`,
    )) as unknown as { rows: { n: number }[] };
    expect(stale.rows[0].n).toBe(0);
  });

  it('reports counts with solved and satisfaction rates side by side, and exports .xlsx and .docx', async () => {
    const r = await c.staff.get('/api/v1/suggestion-report');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.totals.total).toBeGreaterThan(10);
    expect(body).toHaveProperty('solvedRate');
    expect(body).toHaveProperty('satisfactionRate');
    expect(body.byUnit.length).toBeGreaterThan(0);
    expect(body.byRating.find((x: { key: string }) => x.key === 'dissatisfied').count).toBeGreaterThanOrEqual(
      1,
    );
    for (const ext of ['xlsx', 'docx']) {
      const f = await c.staff.get(`/api/v1/suggestion-report.${ext}`);
      expect(f.statusCode).toBe(200);
      expect(f.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    expect((await c.unitA.get('/api/v1/suggestion-report')).statusCode).toBe(403);
    expect((await c.p.get('/api/v1/suggestion-report.xlsx')).statusCode).toBe(403);
  });

  it('raises a suggestion from an opinion and reports its outcome', async () => {
    const opinionId = newId();
    const ctx = { ...systemCtx(t.services), actor: null };
    const out = await transact(ctx, (w) =>
      raiseSuggestionFromOpinion(w, {
        congressId: t.congressId,
        deputyId: dep.p,
        title: '群众反映：小区门口路灯不亮',
        content: '建议尽快维修',
        category: 'unknown',
        opinionId,
      }),
    );
    expect(out.number).toMatch(/^第七届二次会议第\d{4}号$/);
    const [row] = await t.services.db.select().from(suggestions).where(eq(suggestions.id, out.id));
    expect(row).toMatchObject({ opinionId, status: 'submitted', category: 'urbanConstruction' });
    expect(await getSuggestionOutcome(t.services.db, t.congressId, out.id)).toEqual({
      status: 'submitted',
      replyCategory: null,
      rating: null,
    });
    expect(await getSuggestionOutcome(t.services.db, t.congressId, newId())).toBeNull();
  });
});

describe('settings', () => {
  const url = '/api/v1/suggestion-settings';
  it('lets staff change a setting, which is read back and audited', async () => {
    const res = await c.staff.put(url, { handBackWithinWorkingDays: 5, publicRepliesShowProposer: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ handBackWithinWorkingDays: 5, publicRepliesShowProposer: false });
    expect((await c.leader.get(url)).json()).toMatchObject({ handBackWithinWorkingDays: 5, replyMonths: 3 });
    const [audit] = await t.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'settings.write'), eq(auditEvents.entityId, 'suggestions')));
    expect(audit.after).toMatchObject({ handBackWithinWorkingDays: 5 });
    expect(
      (await c.staff.put(url, { handBackWithinWorkingDays: 7, publicRepliesShowProposer: true })).statusCode,
    ).toBe(200);
  });

  it('rejects values outside the law or the ranges with 400 naming the field, and changes nothing', async () => {
    const before = (await c.staff.get(url)).json();
    for (const [body, field] of [
      [{ replyMonths: 4 }, 'replyMonths'], // Art. 51: at most 3 months
      [{ extendedReplyMonths: 7 }, 'extendedReplyMonths'], // Art. 51: at most 6 months
      [{ extendedReplyMonths: 2 }, 'extendedReplyMonths'], // shorter than the normal 3 months
      [{ rehandlingReview: 'sometimes' }, 'rehandlingReview'],
      [{ reassignmentClock: 'never' }, 'reassignmentClock'],
      [{ handBackWithinWorkingDays: 9 }, 'handBackWithinWorkingDays'], // 3–7 working days
      [{ assignWithinWorkingDays: 'five' }, 'assignWithinWorkingDays'],
      [{ replyCategories: [] }, 'replyCategories'],
      [{ publishReplies: 'yes' }, 'publishReplies'],
    ] as const) {
      const res = await c.staff.put(url, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await c.staff.get(url)).json()).toEqual(before);
  });

  it('refuses the change to deputies, units, leaders, citizens and the anonymous', async () => {
    const before = (await c.staff.get(url)).json();
    for (const k of ['p', 'unitA', 'leader', 'citizen'])
      expect((await c[k].put(url, { replyMonths: 2 })).statusCode, k).toBe(403);
    expect((await c.anon.put(url, { replyMonths: 2 })).statusCode).toBe(401);
    expect((await c.staff.get(url)).json()).toEqual(before);
  });
});

describe('co-signing (联名)', () => {
  it('stays unsubmitted while a co-signer has not decided; one who declines drops out and never rates', async () => {
    const created = await c.p.post('/api/v1/suggestions', {
      ...base,
      title: '关于联名代表拒绝的建议',
      cosignerIds: [dep.co, dep.other],
    });
    expect(created.json()).toMatchObject({ status: 'awaitingCosigners', number: null });
    const id = created.json().id as string;
    const decline = await c.co.post(`/api/v1/suggestions/${id}/cosign`, { accept: false });
    expect(decline.json()).toMatchObject({ status: 'awaitingCosigners', number: null });
    // Still waiting on the other co-signer: hidden from staff yet, and the one who declined cannot decide again.
    expect((await c.staff.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept' })).statusCode).toBe(
      404,
    );
    expect((await c.co.post(`/api/v1/suggestions/${id}/cosign`, { accept: true })).statusCode).toBe(404);
    const confirm = await c.other.post(`/api/v1/suggestions/${id}/cosign`, { accept: true });
    expect(confirm.json()).toMatchObject({
      status: 'submitted',
      number: expect.stringMatching(/^第七届二次会议第\d{4}号$/),
    });
    const detail = (await c.p.get(`/api/v1/suggestions/${id}`)).json();
    expect(
      detail.cosigners.map((x: { deputyId: string; status: string }) => [x.deputyId, x.status]).sort(),
    ).toEqual(
      [
        [dep.co, 'declined'],
        [dep.other, 'confirmed'],
      ].sort(),
    );
    // Only the proposer and the confirmed co-signer rate the reply.
    expect((await c.staff.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept' })).statusCode).toBe(
      200,
    );
    await c.staff.post(`/api/v1/suggestions/${id}/assign`, { leadUnitId: unit.a });
    await c.unitA.post(`/api/v1/suggestions/${id}/contacts`, { method: 'phone', summary: '电话' });
    await c.unitA.post(`/api/v1/suggestions/${id}/reply`, { category: 'A', content: '已办理' });
    const declined = await c.co.post(`/api/v1/suggestions/${id}/rating`, { rating: 'satisfied' });
    expect(declined.statusCode).toBe(403);
    expect((await c.p.post(`/api/v1/suggestions/${id}/rating`, { rating: 'satisfied' })).json().status).toBe(
      'replied',
    );
    expect(
      (await c.other.post(`/api/v1/suggestions/${id}/rating`, { rating: 'satisfied' })).json().status,
    ).toBe('closed');
  });

  it('submits with the proposer alone when every co-signer declines', async () => {
    const id = (
      await c.p.post('/api/v1/suggestions', {
        ...base,
        title: '关于全部拒绝联名的建议',
        cosignerIds: [dep.co],
      })
    ).json().id as string;
    const res = await c.co.post(`/api/v1/suggestions/${id}/cosign`, { accept: false });
    expect(res.json()).toMatchObject({ status: 'submitted', number: expect.any(String) });
  });
});

describe('attachments', () => {
  const boundary = '----minyi-suggestion-test';
  const upload = (cl: TestClient, data: Buffer, filename: string) =>
    cl.request({
      method: 'POST',
      url: '/api/v1/files',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nsuggestion.attachment\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });

  it('takes a file uploaded from the form and lists it on the suggestion', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'red' } })
      .png()
      .toBuffer();
    const up = await upload(c.p, png, 'site-photo.png');
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().id as string;
    const created = await c.p.post('/api/v1/suggestions', {
      ...base,
      title: '关于附件上传的建议',
      attachmentIds: [fileId],
    });
    expect(created.statusCode, created.body).toBe(201);
    const detail = (await c.p.get(`/api/v1/suggestions/${created.json().id}`)).json();
    expect(detail.attachments).toEqual([
      expect.objectContaining({ id: fileId, originalName: 'site-photo.png', mimeType: 'image/png' }),
    ]);
  });

  it('refuses a file another account uploaded as an attachment (400, nothing stored)', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'blue' } })
      .png()
      .toBuffer();
    const up = await upload(c.other, png, 'not-yours.png');
    expect(up.statusCode, up.body).toBe(201);
    const before = await t.services.db.select({ id: suggestions.id }).from(suggestions);
    const res = await c.p.post('/api/v1/suggestions', { ...base, attachmentIds: [up.json().id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('attachmentIds');
    expect(await t.services.db.select({ id: suggestions.id }).from(suggestions)).toHaveLength(before.length);
  });

  it('refuses an unknown attachment with 400 naming the field, and stores nothing', async () => {
    const before = await t.services.db.select({ id: suggestions.id }).from(suggestions);
    const res = await c.p.post('/api/v1/suggestions', { ...base, attachmentIds: [newId()] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('attachmentIds');
    expect(await t.services.db.select({ id: suggestions.id }).from(suggestions)).toHaveLength(before.length);
  });
});
