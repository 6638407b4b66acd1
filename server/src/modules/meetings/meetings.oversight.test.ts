// The oversight loop of a work report (监督法 Art. 17): heard → the deliberation opinions sent → the organ's
// handling report, due by the setting's months and flagged when late → a satisfaction vote put on a meeting's
// agenda and counted by the meeting's machinery against ALL members ("not satisfied" without more than half) →
// follow-up supervision. Staff run it, leaders read, others are refused; bad input is a 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addCalendarDays, shanghaiDate } from '@minyi/domain/calendar';
import { auditEvents } from '../../platform/platform.table';
import { newId } from '../../platform/ids';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { buildCommittee, memberClient, type Committee } from '../../../test/meetings.fixture';
import { oversightReports } from './meetings.table';

let t: TestEnv;
let staff: TestClient;
let c: Committee;
const today = shanghaiDate(new Date());
const daysAgo = (n: number) => addCalendarDays(today, -n);

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  c = await buildCommittee(t, { members: 35, others: 1 });
}, 120_000);
afterAll(async () => t?.close());

async function meetingWith(date: string, kinds: string[]) {
  const id = (
    await staff.post('/api/v1/meetings', { body: 'standingCommittee', date, title: `常委会会议 ${date}` })
  ).json().id as string;
  const items: string[] = [];
  for (const kind of kinds)
    items.push(
      (
        await staff.post(`/api/v1/meetings/${id}/agenda-items`, {
          kind,
          title:
            kind === 'report' ? '听取区人民政府关于养老服务体系建设情况的报告' : '关于某事项的决定（草案）',
        })
      ).json().id,
    );
  return { id, items };
}

describe('the report loop', () => {
  it('heard, opinions sent, the handling report late and flagged, "not satisfied" by the vote, followed up', async () => {
    const heard = await meetingWith(daysAgo(100), ['report']);
    const opened = await staff.post('/api/v1/oversight-reports', {
      agendaItemId: heard.items[0],
      organ: '区人民政府',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;
    expect(
      (
        await staff.post('/api/v1/oversight-reports', { agendaItemId: heard.items[0], organ: '区人民政府' })
      ).json().code,
    ).toBe('exists');

    // Opinions sent 95 days ago: the handling report was due two months later (the default setting).
    const sent = await staff.post(`/api/v1/oversight-reports/${id}/opinions`, {
      opinions: '一、加快社区嵌入式养老服务设施建设；二、加强养老护理员队伍建设。',
      sentOn: daysAgo(95),
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const due = sent.json().handlingDueOn as string;
    expect(due < today).toBe(true);
    let r = (await staff.get(`/api/v1/oversight-reports/${id}`)).json();
    expect(r).toMatchObject({ status: 'opinionsSent', handlingLate: true, heardOn: daysAgo(100) });

    const handled = await staff.post(`/api/v1/oversight-reports/${id}/handling-report`, {
      summary: '已新建社区养老服务站12个，护理员培训800人次。',
    });
    expect(handled.json()).toMatchObject({ late: true });
    const list = (await staff.get('/api/v1/oversight-reports?status=handled')).json();
    expect(list.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      handlingLate: true,
      handlingReceivedOn: today,
    });

    // The satisfaction vote at today's meeting: 12 satisfied, 6 not, of 35 members → not satisfied.
    const todays = await meetingWith(today, []);
    const put = await staff.post(`/api/v1/oversight-reports/${id}/satisfaction-vote`, {
      meetingId: todays.id,
    });
    expect(put.statusCode, put.body).toBe(201);
    const itemId = put.json().agendaItemId as string;
    expect(
      (await staff.post(`/api/v1/oversight-reports/${id}/satisfaction-vote`, { meetingId: todays.id })).json()
        .code,
    ).toBe('satisfaction_exists');
    await staff.post(`/api/v1/meetings/${todays.id}/attendance`, { memberIds: c.memberIds.slice(0, 25) });
    const voteId = (await staff.post(`/api/v1/meetings/${todays.id}/agenda-items/${itemId}/vote`)).json()
      .voteId as string;
    for (let i = 0; i < 18; i++) {
      const m = await memberClient(t, c.memberIds[i]);
      const b = await m.post(`/api/v1/meeting-votes/${voteId}/ballots`, { choice: i < 12 ? 'yes' : 'no' });
      expect(b.statusCode, b.body).toBe(201);
    }
    expect((await staff.post(`/api/v1/meeting-votes/${voteId}/close`)).json()).toMatchObject({
      yes: 12,
      no: 6,
      passed: false,
    });
    r = (await staff.get(`/api/v1/oversight-reports/${id}`)).json();
    expect(r).toMatchObject({
      status: 'notSatisfied',
      satisfactionVote: { yes: 12, members: 35, passed: false },
      abilities: { followUp: true, putSatisfactionVote: false },
    });

    const follow = await staff.post(`/api/v1/oversight-reports/${id}/follow-up`, {
      plan: '由社会建设委员会牵头，三个月后组织跟踪检查。',
    });
    expect(follow.statusCode, follow.body).toBe(200);
    expect((await staff.get(`/api/v1/oversight-reports/${id}`)).json().status).toBe('followUp');
    const audit = await t.services.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id));
    expect(audit.map((a) => a.action)).toEqual([
      'oversightReport.open',
      'oversightReport.sendOpinions',
      'oversightReport.recordHandlingReport',
      'oversightReport.putSatisfactionVote',
      'oversightReport.assess',
      'oversightReport.followUp',
    ]);
  });

  it('a handling report in time is not late; a satisfied vote (more than half of all) says so', async () => {
    const heard = await meetingWith(daysAgo(10), ['report']);
    const id = (
      await staff.post('/api/v1/oversight-reports', { agendaItemId: heard.items[0], organ: '区人民法院' })
    ).json().id as string;
    await staff.post(`/api/v1/oversight-reports/${id}/opinions`, {
      opinions: '加强诉源治理。',
      sentOn: daysAgo(8),
    });
    expect(
      (await staff.post(`/api/v1/oversight-reports/${id}/handling-report`, { summary: '已落实。' })).json(),
    ).toMatchObject({ late: false });
    const todays = await meetingWith(today, []);
    const itemId = (
      await staff.post(`/api/v1/oversight-reports/${id}/satisfaction-vote`, { meetingId: todays.id })
    ).json().agendaItemId as string;
    await staff.post(`/api/v1/meetings/${todays.id}/attendance`, { memberIds: 'all' });
    const voteId = (await staff.post(`/api/v1/meetings/${todays.id}/agenda-items/${itemId}/vote`)).json()
      .voteId as string;
    for (let i = 0; i < 18; i++)
      await (
        await memberClient(t, c.memberIds[i])
      ).post(`/api/v1/meeting-votes/${voteId}/ballots`, {
        choice: 'yes',
      });
    await staff.post(`/api/v1/meeting-votes/${voteId}/close`);
    expect((await staff.get(`/api/v1/oversight-reports/${id}`)).json()).toMatchObject({
      status: 'satisfied',
      handlingLate: false,
    });
  });

  it('refuses what is out of order or malformed with 4xx naming the field, and changes nothing', async () => {
    const planned = await meetingWith(addCalendarDays(today, 5), ['report', 'motion']);
    const notHeard = await staff.post('/api/v1/oversight-reports', {
      agendaItemId: planned.items[0],
      organ: '区人民政府',
    });
    expect(notHeard.json().code).toBe('not_heard');
    const motion = await staff.post('/api/v1/oversight-reports', {
      agendaItemId: planned.items[1],
      organ: '区人民政府',
    });
    expect(motion.statusCode).toBe(400);
    expect(motion.headers['content-type']).toMatch(/problem\+json/);
    expect(motion.json().errors[0].field).toBe('agendaItemId');
    expect(
      (await staff.post('/api/v1/oversight-reports', { agendaItemId: newId(), organ: '' })).json().errors[0]
        .field,
    ).toBe('organ');

    const heard = await meetingWith(daysAgo(3), ['report']);
    const id = (
      await staff.post('/api/v1/oversight-reports', { agendaItemId: heard.items[0], organ: '区人民检察院' })
    ).json().id as string;
    // No handling report before the opinions; opinions not before the report was heard, nor in the future.
    expect(
      (await staff.post(`/api/v1/oversight-reports/${id}/handling-report`, { summary: '—' })).json(),
    ).toMatchObject({ code: 'wrong_state', currentStatus: 'heard' });
    const early = await staff.post(`/api/v1/oversight-reports/${id}/opinions`, {
      opinions: '意见',
      sentOn: daysAgo(4),
    });
    expect(early.json().errors[0].field).toBe('sentOn');
    const future = await staff.post(`/api/v1/oversight-reports/${id}/opinions`, {
      opinions: '意见',
      sentOn: addCalendarDays(today, 1),
    });
    expect(future.json().errors[0].field).toBe('sentOn');
    expect(
      (await staff.post(`/api/v1/oversight-reports/${id}/satisfaction-vote`, { meetingId: heard.id })).json(),
    ).toMatchObject({ code: 'wrong_state', currentStatus: 'heard' });
    const [row] = await t.services.db.select().from(oversightReports).where(eq(oversightReports.id, id));
    expect(row).toMatchObject({ status: 'heard', opinions: null, handlingDueOn: null });
    expect((await staff.get(`/api/v1/oversight-reports/${newId()}`)).statusCode).toBe(404);
  });

  it('is run by congress staff; leaders read; members, citizens and units are refused; the public 401', async () => {
    const heard = await meetingWith(daysAgo(2), ['report']);
    const id = (
      await staff.post('/api/v1/oversight-reports', { agendaItemId: heard.items[0], organ: '区人民政府' })
    ).json().id as string;
    const leader = await t.as('leader', ['leader']);
    expect((await leader.get(`/api/v1/oversight-reports/${id}`)).json().abilities).toEqual({
      sendOpinions: false,
      recordHandlingReport: false,
      putSatisfactionVote: false,
      followUp: false,
    });
    expect((await leader.get('/api/v1/oversight-reports')).statusCode).toBe(200);
    const member = await memberClient(t, c.memberIds[3]);
    const citizen = await t.as('cit', ['citizen']);
    const unit = await t.as('unit', ['handlingUnitStaff']);
    for (const client of [member, citizen, unit])
      expect((await client.get('/api/v1/oversight-reports')).statusCode).toBe(403);
    for (const client of [leader, member, citizen]) {
      expect(
        (await client.post('/api/v1/oversight-reports', { agendaItemId: heard.items[0], organ: 'x' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await client.post(`/api/v1/oversight-reports/${id}/opinions`, { opinions: '意见' })).statusCode,
      ).toBe(403);
      expect((await client.post(`/api/v1/oversight-reports/${id}/follow-up`, { plan: 'x' })).statusCode).toBe(
        403,
      );
    }
    expect((await t.anon.get('/api/v1/oversight-reports')).statusCode).toBe(401);
    expect(
      (await t.anon.post(`/api/v1/oversight-reports/${id}/opinions`, { opinions: 'x' })).statusCode,
    ).toBe(401);
  });
});
