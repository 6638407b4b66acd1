// A suggestion from creation to closing: the API contract, the full lifecycle (co-signing, review, assignment,
// contact, reply, rating, re-handling, follow-up), co-signing and attachments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { newId } from '../../platform/ids';
import { auditEvents } from '../../platform/platform.table';
import { suggestions } from './suggestions.table';
import { getSuggestionOutcome } from '.';
import type { TestClient, TestEnv } from '../../../test/harness';
import { base, buildSuggestionsWorld, suggestionSteps } from '../../../test/suggestions.fixture';

let t: TestEnv;
const dep: Record<string, string> = {};
const unit: Record<string, string> = {};
const c: Record<string, TestClient> = {};
const { status, make } = suggestionSteps(() => ({ t, c, unit }));

beforeAll(async () => {
  ({ t } = await buildSuggestionsWorld({ dep, unit, c }));
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
