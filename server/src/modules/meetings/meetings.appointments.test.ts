// Appointments and removals (任免, 地方组织法 Art. 50, 71; 监督法 Art. 60–62): a case filed with its nominee, post,
// reasons and CV; put on a standing-committee meeting's agenda, removal before appointment (先免后任); voted
// person by person with the meeting's vote machinery and decided against ALL members; the register follows the
// vote; the oath is recorded. Secret votes wait for the encrypted-ballot engine (issue 21): a 409 naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { addCalendarDays, shanghaiDate } from '@minyi/domain/calendar';
import { auditEvents } from '../../platform/platform.table';
import { newId } from '../../platform/ids';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { buildCommittee, docxText, memberClient, type Committee } from '../../../test/meetings.fixture';
import { signIn } from '../../../test/platform-fixtures';
import { appointmentCases, officeHoldings } from './meetings.table';

let t: TestEnv;
let staff: TestClient;
let admin: TestClient;
let c: Committee;
const today = shanghaiDate(new Date());

const EDU = '区教育局局长';
const HEALTH = '区卫生健康局局长';

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  admin = await signIn(t, 'sysadmin', ['systemAdmin']);
  c = await buildCommittee(t, { members: 35, others: 1 });
  // The register before: the education bureau's head in office, the health bureau's post vacant.
  await t.services.db.insert(officeHoldings).values({
    id: newId(),
    congressId: t.congressId,
    post: EDU,
    organization: '区教育局',
    holderName: '林建平',
    startedOn: '2021-03-01',
  });
}, 120_000);
afterAll(async () => t?.close());

const appoint = (nomineeName: string, post: string, extra: Record<string, unknown> = {}) => ({
  kind: 'appoint',
  nominatingOrgan: 'districtHead',
  nomineeName,
  post,
  organization: post.replace(/局长$/, ''),
  reasons: '工作需要，拟提请任命',
  cv: '1979年生，大学学历，中共党员，历任街道办事处副主任、区教育局副局长',
  ...extra,
});
const file = async (body: Record<string, unknown>) => {
  const r = await staff.post('/api/v1/appointments', body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};
const meeting = async () =>
  (
    await staff.post('/api/v1/meetings', { body: 'standingCommittee', date: today, title: '常委会会议' })
  ).json().id as string;
const onAgenda = (id: string, meetingId: string) =>
  staff.post(`/api/v1/appointments/${id}/agenda`, { meetingId });
const open = (meetingId: string, itemId: string) =>
  staff.post(`/api/v1/meetings/${meetingId}/agenda-items/${itemId}/vote`);
async function voteOn(meetingId: string, itemId: string, yes: number, no: number) {
  const r = await open(meetingId, itemId);
  expect(r.statusCode, r.body).toBe(201);
  const voteId = r.json().voteId as string;
  for (let i = 0; i < yes + no; i++) {
    const m = await memberClient(t, c.memberIds[i]);
    const b = await m.post(`/api/v1/meeting-votes/${voteId}/ballots`, { choice: i < yes ? 'yes' : 'no' });
    expect(b.statusCode, b.body).toBe(201);
  }
  return (await staff.post(`/api/v1/meeting-votes/${voteId}/close`)).json();
}

describe('filing a case', () => {
  it('files an appointment with its CV and reasons, audited; the Art. 71 deadline is kept and a late filing flagged', async () => {
    const elected = addCalendarDays(today, -70);
    const id = await file(appoint('周敏', '区司法局局长', { electedOn: elected }));
    const got = (await staff.get(`/api/v1/appointments/${id}`)).json();
    expect(got).toMatchObject({
      status: 'filed',
      kind: 'appoint',
      nomineeName: '周敏',
      filedOn: today,
      electedOn: elected,
      filedLate: true,
      abilities: { putOnAgenda: true, withdraw: true, recordOath: false },
    });
    expect(got.deadlineOn < today).toBe(true);
    const inTime = await file(appoint('钱正', '区审计局局长', { electedOn: addCalendarDays(today, -20) }));
    const list = (await staff.get('/api/v1/appointments?status=filed')).json();
    expect(list.items.find((i: { id: string }) => i.id === inTime)).toMatchObject({ filedLate: false });
    expect(list.items.find((i: { id: string }) => i.id === id)).toMatchObject({ filedLate: true });
    const audit = await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['appointment.file']);
  });

  it('refuses bad input with 400 naming the field, a removal of someone not in the post with 409, and changes nothing', async () => {
    const before = await t.services.db.$count(appointmentCases);
    const noCv = await staff.post('/api/v1/appointments', appoint('吴昊', HEALTH, { cv: '' }));
    expect(noCv.statusCode).toBe(400);
    expect(noCv.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.stringify(noCv.json())).toContain('cv');
    const future = await staff.post(
      '/api/v1/appointments',
      appoint('吴昊', HEALTH, { filedOn: addCalendarDays(today, 3) }),
    );
    expect(future.statusCode).toBe(400);
    expect(JSON.stringify(future.json())).toContain('filedOn');
    const notHolder = await staff.post('/api/v1/appointments', {
      ...appoint('张三', EDU),
      kind: 'remove',
      cv: '',
    });
    expect(notHolder.statusCode).toBe(409);
    expect(notHolder.json()).toMatchObject({ code: 'not_holder', holders: ['林建平'] });
    expect(await t.services.db.$count(appointmentCases)).toBe(before);
  });

  it('is for congress staff: leaders read, members and citizens are refused, the anonymous 401', async () => {
    const leader = await t.as('leader', ['leader']);
    const member = await memberClient(t, c.memberIds[5]);
    for (const client of [leader, member, await t.as('cit', ['citizen'])])
      expect((await client.post('/api/v1/appointments', appoint('吴昊', HEALTH))).statusCode).toBe(403);
    expect((await t.anon.post('/api/v1/appointments', appoint('吴昊', HEALTH))).statusCode).toBe(401);
    expect((await leader.get('/api/v1/appointments')).statusCode).toBe(200);
    expect((await member.get('/api/v1/appointments')).statusCode).toBe(403);
    const id = await file(appoint('孙丽', '区统计局局长'));
    const m = await meeting();
    for (const client of [leader, member]) {
      expect((await client.post(`/api/v1/appointments/${id}/agenda`, { meetingId: m })).statusCode).toBe(403);
      expect((await client.post(`/api/v1/appointments/${id}/withdraw`)).statusCode).toBe(403);
      expect(
        (await client.post(`/api/v1/appointments/${id}/oath`, { on: today, witness: '王主任' })).statusCode,
      ).toBe(403);
    }
  });
});

describe('from the agenda to the register', () => {
  it('removal before appointment; votes against ALL members; the register, the oath', async () => {
    // Named votes for personnel in this congress (a setting; the default is secret, issue 21).
    expect((await admin.put('/api/v1/settings/meetings', { secretKinds: ['election'] })).statusCode).toBe(
      200,
    );
    const m = await meeting();
    const removal = await file({ ...appoint('林建平', EDU), kind: 'remove', cv: '', reasons: '工作调动' });
    const successor = await file(appoint('王立新', EDU));
    const health = await file(appoint('陈晓梅', HEALTH));

    // The post is held: the appointment waits for the removal on the same agenda.
    const early = await onAgenda(successor, m);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'removal_first', holderName: '林建平' });
    const items: Record<string, string> = {};
    for (const [name, id] of [
      ['removal', removal],
      ['successor', successor],
      ['health', health],
    ] as const) {
      const r = await onAgenda(id, m);
      expect(r.statusCode, r.body).toBe(201);
      items[name] = r.json().agendaItemId;
    }
    expect((await onAgenda(health, m)).json()).toMatchObject({
      code: 'wrong_state',
      currentStatus: 'onAgenda',
    });
    const agenda = (await staff.get(`/api/v1/meetings/${m}`)).json().agenda as {
      id: string;
      title: string;
      kind: string;
    }[];
    expect(agenda.map((i) => i.title)).toEqual([
      `免去林建平的${EDU}职务`,
      `任命王立新为${EDU}`,
      `任命陈晓梅为${HEALTH}`,
    ]);

    await staff.post(`/api/v1/meetings/${m}/attendance`, { memberIds: c.memberIds.slice(0, 30) });
    // The successor's vote does not open before the removal's.
    const first = await open(m, items.successor);
    expect(first.statusCode).toBe(409);
    expect(first.json().code).toBe('removal_first');

    expect(await voteOn(m, items.removal, 20, 2)).toMatchObject({ passed: true, yes: 20, members: 35 });
    expect((await staff.get(`/api/v1/appointments/${removal}`)).json()).toMatchObject({
      status: 'removed',
      decidedOn: today,
      holding: { holderName: '林建平', endedOn: today, endReason: 'removed' },
    });
    expect(await voteOn(m, items.successor, 19, 1)).toMatchObject({ passed: true });
    // Yes outnumbers no, but 17 is not more than half of 35: not appointed.
    expect(await voteOn(m, items.health, 17, 3)).toMatchObject({ yes: 17, no: 3, passed: false });

    const appointed = (await staff.get(`/api/v1/appointments/${successor}`)).json();
    expect(appointed).toMatchObject({
      status: 'appointed',
      vote: { status: 'closed', yes: 19, members: 35, passed: true },
      holding: { holderName: '王立新', startedOn: today, endedOn: null },
      abilities: { recordOath: true, withdraw: false },
    });
    expect((await staff.get(`/api/v1/appointments/${health}`)).json().status).toBe('notAppointed');
    const register = (await staff.get(`/api/v1/office-holders?post=${encodeURIComponent('教育局')}`)).json();
    expect(register.items.map((h: { holderName: string }) => h.holderName)).toEqual(['王立新']);
    const yesterday = addCalendarDays(today, -1);
    const before = (
      await staff.get(`/api/v1/office-holders?post=${encodeURIComponent('教育局')}&date=${yesterday}`)
    ).json();
    expect(before.items.map((h: { holderName: string }) => h.holderName)).toEqual(['林建平']);
    expect(
      (await staff.get(`/api/v1/office-holders?post=${encodeURIComponent('卫生健康')}`)).json().items,
    ).toEqual([]);

    // The oath: once, not before the appointment, not in the future, only for the appointed.
    const bad = await staff.post(`/api/v1/appointments/${successor}/oath`, {
      on: addCalendarDays(today, -1),
      witness: '王主任',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('"on"');
    expect(
      (await staff.post(`/api/v1/appointments/${successor}/oath`, { on: today, witness: '' })).statusCode,
    ).toBe(400);
    const oath = await staff.post(`/api/v1/appointments/${successor}/oath`, { on: today, witness: '王主任' });
    expect(oath.statusCode, oath.body).toBe(200);
    expect(
      (await staff.post(`/api/v1/appointments/${successor}/oath`, { on: today, witness: '王主任' })).json()
        .code,
    ).toBe('oath_recorded');
    expect(
      (await staff.post(`/api/v1/appointments/${health}/oath`, { on: today, witness: '王主任' })).json(),
    ).toMatchObject({ code: 'wrong_state', currentStatus: 'notAppointed' });
    expect((await staff.get(`/api/v1/appointments/${successor}`)).json()).toMatchObject({
      oathOn: today,
      oathWitness: '王主任',
    });
    // The appointment letter and the minutes download as .docx and open, saying what was decided.
    const letter = await staff.get(`/api/v1/appointments/${successor}/letter.docx`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toMatch(/wordprocessingml/);
    const text = docxText(letter.rawPayload);
    expect(text).toContain('任 命 书');
    expect(text).toContain(`任命王立新为${EDU}。`);
    expect(text).toContain('第五十条');
    expect((await staff.get(`/api/v1/appointments/${health}/letter.docx`)).json().code).toBe('not_appointed');
    const member = await memberClient(t, c.memberIds[3]);
    expect((await member.get(`/api/v1/appointments/${successor}/letter.docx`)).statusCode).toBe(403);
    expect((await t.anon.get(`/api/v1/appointments/${successor}/letter.docx`)).statusCode).toBe(401);
    const minutes = await staff.get(`/api/v1/meetings/${m}/minutes.docx`);
    expect(minutes.statusCode).toBe(200);
    const said = docxText(minutes.rawPayload);
    expect(said).toContain('应到组成人员35人，实到30人，符合法定人数');
    expect(said).toContain(
      `3. 任命陈晓梅为${HEALTH}。表决结果：赞成17票，反对3票，弃权0票，未按表决器15人（组成人员35人），未通过。`,
    );
    expect(said).toContain(`1. 免去林建平的${EDU}职务。表决结果：赞成20票`);
    // A member on the roll reads the minutes; a deputy off it does not.
    expect((await member.get(`/api/v1/meetings/${m}/minutes.docx`)).statusCode).toBe(200);
    const outsider = await memberClient(t, c.otherDeputyIds[0]);
    expect((await outsider.get(`/api/v1/meetings/${m}/minutes.docx`)).statusCode).toBe(403);

    const audit = await t.services.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, successor));
    expect(audit.map((a) => a.action)).toEqual([
      'appointment.file',
      'appointment.putOnAgenda',
      'appointment.decide',
      'appointment.recordOath',
    ]);
    await admin.put('/api/v1/settings/meetings', { secretKinds: ['appointment', 'removal', 'election'] });
  });

  it('a dismissal is voted secretly whatever the settings (监督法 Art. 62): opened only with its three tellers', async () => {
    await admin.put('/api/v1/settings/meetings', { secretKinds: ['election'] });
    const post = '区城市管理局局长';
    await t.services.db.insert(officeHoldings).values({
      id: newId(),
      congressId: t.congressId,
      post,
      organization: '区城市管理局',
      holderName: '郑国强',
      startedOn: '2022-05-01',
    });
    const m = await meeting();
    const id = await file({
      ...appoint('郑国强', post),
      kind: 'dismiss',
      nominatingOrgan: 'chairpersonsMeeting',
      cv: '',
      reasons: '严重失职',
    });
    const itemId = (await onAgenda(id, m)).json().agendaItemId as string;
    await staff.post(`/api/v1/meetings/${m}/attendance`, { memberIds: c.memberIds.slice(0, 30) });
    const r = await open(m, itemId);
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].field).toBe('tellerAccountIds');
    await admin.put('/api/v1/settings/meetings', { secretKinds: ['appointment', 'removal', 'election'] });
  });

  it('a withdrawn case’s item is not voted; a case goes only on a standing-committee meeting; unknown ids 404', async () => {
    await admin.put('/api/v1/settings/meetings', { secretKinds: ['election'] });
    const m = await meeting();
    const id = await file(appoint('黄海', '区水务局局长'));
    const itemId = (await onAgenda(id, m)).json().agendaItemId as string;
    expect((await staff.post(`/api/v1/appointments/${id}/withdraw`)).statusCode).toBe(200);
    await staff.post(`/api/v1/meetings/${m}/attendance`, { memberIds: c.memberIds.slice(0, 30) });
    expect((await open(m, itemId)).json().code).toBe('withdrawn');
    const chairs = (
      await staff.post('/api/v1/meetings', { body: 'chairpersonsMeeting', date: today, title: '主任会议' })
    ).json().id as string;
    const other = await file(appoint('何静', '区民政局局长'));
    if (chairs) expect((await onAgenda(other, chairs)).json().code).toMatch(/wrong_body/);
    expect((await onAgenda(other, newId())).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/appointments/${newId()}`)).statusCode).toBe(404);
    const stillFiled = await t.services.db
      .select({ status: appointmentCases.status })
      .from(appointmentCases)
      .where(and(eq(appointmentCases.id, other)));
    expect(stillFiled[0]?.status).toBe('filed');
    await admin.put('/api/v1/settings/meetings', { secretKinds: ['appointment', 'removal', 'election'] });
  });
});

describe('the nominee’s statement (供职发言)', () => {
  it('is recorded on an appointment on the agenda before its vote, by staff only, and shown with the case', async () => {
    const m = await meeting();
    const id = await file(appoint('周晓红', '区市场监督管理局局长'));
    const statement = { summary: '表示将依法履职，重点抓好食品安全和营商环境。', on: today };
    // Not yet on the agenda: out of order.
    expect((await staff.post(`/api/v1/appointments/${id}/statement`, statement)).json().code).toBe(
      'wrong_state',
    );
    await onAgenda(id, m);
    const future = await staff.post(`/api/v1/appointments/${id}/statement`, {
      ...statement,
      on: '2099-01-01',
    });
    expect(future.json().errors[0].field).toBe('on');
    const member = await memberClient(t, c.memberIds[5]);
    expect((await member.post(`/api/v1/appointments/${id}/statement`, statement)).statusCode).toBe(403);
    const ok = await staff.post(`/api/v1/appointments/${id}/statement`, statement);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await staff.get(`/api/v1/appointments/${id}`)).json()).toMatchObject({
      statement: statement.summary,
      statementOn: today,
    });
  });
});
