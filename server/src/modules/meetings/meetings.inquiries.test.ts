// Inquiries (质询案): filed by 3 or more members on the meeting's roll (地方组织法 Art. 53), decided by the
// chairpersons' meeting (oral or written answer, 监督法 Art. 52), answered, rated by the filers, and answered again
// when more than half of them are dissatisfied (监督法 Art. 53), after which the inquiry closes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { buildCommittee, memberClient, type Committee } from '../../../test/meetings.fixture';
import { inquiries } from './meetings.table';

let t: TestEnv;
let staff: TestClient;
let c: Committee;
let meetingId: string;
const today = shanghaiDate(new Date());

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  c = await buildCommittee(t, { members: 29, others: 1 });
  meetingId = (
    await staff.post('/api/v1/meetings', {
      body: 'standingCommittee',
      date: today,
      title: '常委会第十二次会议',
    })
  ).json().id;
}, 120_000);
afterAll(async () => t?.close());

const inquiry = (filerIds: string[]) => ({
  meetingId,
  organ: '区住房和建设局',
  subject: '关于老旧小区加装电梯进度滞后的质询',
  content: '东岭街道三个老旧小区加装电梯项目已停工四个月，请区住房和建设局说明原因及整改时限。',
  filerIds,
});

describe('inquiries (质询案)', () => {
  it('needs 3 or more members on the roll; names the field; changes nothing when refused', async () => {
    const two = await staff.post('/api/v1/inquiries', inquiry(c.memberIds.slice(3, 5)));
    expect(two.statusCode).toBe(400);
    expect(two.json().errors[0]).toMatchObject({ field: 'filerIds', code: 'too_few' });
    const outsider = await staff.post(
      '/api/v1/inquiries',
      inquiry([...c.memberIds.slice(3, 5), c.otherDeputyIds[0]]),
    );
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors[0].field).toBe('filerIds.2');
    const empty = await staff.post('/api/v1/inquiries', { ...inquiry(c.memberIds.slice(3, 6)), organ: '' });
    expect(empty.json().errors[0].field).toBe('organ');
    expect(await t.services.db.$count(inquiries)).toBe(0);
  });

  it('is decided, answered, found unsatisfactory by more than half, answered again, and closed', async () => {
    const filers = c.memberIds.slice(3, 6);
    const filed = await staff.post('/api/v1/inquiries', inquiry(filers));
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id as string;
    // An answer before the chairpersons' meeting decides is out of order.
    const early = await staff.post(`/api/v1/inquiries/${id}/answers`, {
      answeredBy: '区住房和建设局局长 王建国',
      summary: '已督促施工单位复工。',
      answeredOn: today,
    });
    expect(early.json()).toMatchObject({ code: 'wrong_state', currentStatus: 'filed' });
    const noMode = await staff.post(`/api/v1/inquiries/${id}/decision`, { decidedOn: today });
    expect(noMode.json().errors[0].field).toBe('mode');
    expect(
      (await staff.post(`/api/v1/inquiries/${id}/decision`, { mode: 'oral', decidedOn: today })).json(),
    ).toEqual({ status: 'toAnswer' });
    const answer = {
      answeredBy: '区住房和建设局局长 王建国',
      summary: '因管线迁改审批延误停工，已协调供水、燃气单位，预计下月复工。',
      answeredOn: today,
    };
    expect((await staff.post(`/api/v1/inquiries/${id}/answers`, answer)).json()).toMatchObject({ round: 1 });
    // Two of the three filers say they are not satisfied, each from their own account: a further answer is due.
    const f = await Promise.all(filers.map((d) => memberClient(t, d)));
    expect((await f[0].post(`/api/v1/inquiries/${id}/satisfaction`, { satisfied: false })).json()).toEqual({
      status: 'answered',
    });
    // A filer says only their own; another member may not say at all.
    expect(
      (await f[1].post(`/api/v1/inquiries/${id}/satisfaction`, { deputyId: filers[2], satisfied: true }))
        .statusCode,
    ).toBe(403);
    const other = await memberClient(t, c.memberIds[10]);
    expect((await other.post(`/api/v1/inquiries/${id}/satisfaction`, { satisfied: true })).statusCode).toBe(
      403,
    );
    expect((await other.get(`/api/v1/inquiries/${id}`)).statusCode).toBe(403);
    await f[1].post(`/api/v1/inquiries/${id}/satisfaction`, { satisfied: false });
    expect(
      (
        await staff.post(`/api/v1/inquiries/${id}/satisfaction`, { deputyId: filers[2], satisfied: true })
      ).json(),
    ).toEqual({ status: 'furtherAnswerDue' });
    // The further answer; this time they are satisfied (or not: the law gives one further answer) and it closes.
    expect(
      (
        await staff.post(`/api/v1/inquiries/${id}/answers`, {
          ...answer,
          summary: '书面补充答复：已确定复工日期和责任人，每月向常委会报告进度。',
        })
      ).json(),
    ).toMatchObject({ round: 2 });
    for (const client of f) await client.post(`/api/v1/inquiries/${id}/satisfaction`, { satisfied: false });
    const done = (await f[0].get(`/api/v1/inquiries/${id}`)).json();
    expect(done.status).toBe('closed');
    expect(
      done.answers.map((a: { round: number; dissatisfied: number }) => [a.round, a.dissatisfied]),
    ).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(done.filers).toHaveLength(3);
    const audit = await t.services.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id));
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(['inquiry.file', 'inquiry.decide', 'inquiry.answer', 'inquiry.rateAnswer']),
    );
    // Each filer lists it; staff list all.
    expect((await f[2].get('/api/v1/inquiries')).json().items.map((x: { id: string }) => x.id)).toContain(id);
    expect((await other.get('/api/v1/inquiries')).json().items).toEqual([]);
  });

  it('is recorded by congress staff only; the chairpersons’ meeting may decline it', async () => {
    for (const client of [await memberClient(t, c.memberIds[0], ['leader']), await t.as('cit', ['citizen'])])
      expect((await client.post('/api/v1/inquiries', inquiry(c.memberIds.slice(3, 6)))).statusCode).toBe(403);
    expect((await t.anon.get('/api/v1/inquiries')).statusCode).toBe(401);
    const id = (await staff.post('/api/v1/inquiries', inquiry(c.memberIds.slice(6, 10)))).json().id;
    expect(
      (
        await staff.post(`/api/v1/inquiries/${id}/decision`, {
          put: false,
          decidedOn: today,
          note: '已列入专题询问',
        })
      ).json(),
    ).toEqual({ status: 'declined' });
    expect(
      (
        await (
          await memberClient(t, c.memberIds[6])
        ).post(`/api/v1/inquiries/${id}/decision`, { mode: 'written', decidedOn: today })
      ).statusCode,
    ).toBe(403);
  });
});
