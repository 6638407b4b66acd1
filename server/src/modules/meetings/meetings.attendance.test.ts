// The sign-in sheet and quorum: staff sign in all or some members, record leave with its reason, members sign
// themselves in; the first sign-in begins the meeting and freezes the roll; quorum is more than half of ALL
// members for the standing committee (地方组织法 Art. 51) and two thirds of all deputies for the congress (Art. 14).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { auditEvents } from '../../platform/platform.table';
import { committeeMembers } from '../../../test/tables';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { buildCommittee, memberClient, type Committee } from '../../../test/meetings.fixture';
import { meetingMembers } from './meetings.table';

let t: TestEnv;
let staff: TestClient;
let c: Committee;
const today = shanghaiDate(new Date());
const tomorrow = (() => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
})();

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  c = await buildCommittee(t, { members: 10, others: 5 });
});
afterAll(async () => t?.close());

async function newMeeting(body = 'standingCommittee', date = today) {
  const res = await staff.post('/api/v1/meetings', { body, date, title: '会议' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const sheet = (id: string, body: unknown) => staff.post(`/api/v1/meetings/${id}/attendance`, body);

describe('quorum of the standing committee (more than half of ALL members)', () => {
  it('half present is no quorum, half plus one is; the meeting begins with the first sign-in', async () => {
    const id = await newMeeting();
    const half = await sheet(id, { memberIds: c.memberIds.slice(0, 5) });
    expect(half.statusCode, half.body).toBe(200);
    expect(half.json()).toMatchObject({ members: 10, present: 5, quorum: false, quorumNeeded: 6 });
    let m = (await staff.get(`/api/v1/meetings/${id}`)).json();
    expect(m).toMatchObject({
      status: 'inSession',
      rollFrozen: true,
      members: 10,
      present: 5,
      quorum: false,
    });
    const more = await sheet(id, { memberIds: [c.memberIds[5]] });
    expect(more.json()).toMatchObject({ present: 6, quorum: true });
    m = (await staff.get(`/api/v1/meetings/${id}`)).json();
    expect(m).toMatchObject({ members: 10, present: 6, quorum: true });
    const audit = await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['meeting.create', 'meeting.signIn', 'meeting.signIn']);
    expect(audit[1].after).toMatchObject({ status: 'inSession', present: 5 });
  });

  it('"all" signs in the whole roll; a leave of absence with its reason takes a member out of the present', async () => {
    const id = await newMeeting();
    expect((await sheet(id, { memberIds: 'all' })).json()).toMatchObject({ present: 10, quorum: true });
    const leave = await sheet(id, { memberIds: [c.memberIds[9]], status: 'onLeave', reason: '因病请假' });
    expect(leave.json()).toMatchObject({ present: 9, onLeave: 1 });
    const m = (await staff.get(`/api/v1/meetings/${id}`)).json();
    expect(m.roll.find((r: { deputyId: string }) => r.deputyId === c.memberIds[9])).toMatchObject({
      attendance: 'onLeave',
      leaveReason: '因病请假',
    });
  });

  it('records a leave ahead of the meeting day without beginning the meeting; presence only on the day', async () => {
    const id = await newMeeting('standingCommittee', tomorrow);
    const leave = await sheet(id, { memberIds: [c.memberIds[2]], status: 'onLeave', reason: '出差' });
    expect(leave.statusCode).toBe(200);
    expect((await staff.get(`/api/v1/meetings/${id}`)).json()).toMatchObject({
      status: 'planned',
      onLeave: 1,
    });
    const early = await sheet(id, { memberIds: 'all' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('not_meeting_day');
    expect((await staff.get(`/api/v1/meetings/${id}`)).json()).toMatchObject({
      status: 'planned',
      present: 0,
    });
  });

  it('freezes the roll when the meeting begins: read again from the registry, keeping a leave recorded ahead', async () => {
    const id = await newMeeting();
    await sheet(id, { memberIds: [c.memberIds[3]], status: 'onLeave', reason: '出差' });
    // A member's office ends before the meeting begins: the frozen roll no longer has them.
    const gone = c.memberIds[8];
    const db = t.services.db;
    const yesterday = new Date(`${today}T00:00:00Z`);
    yesterday.setUTCDate(yesterday.getUTCDate() - 1);
    await db
      .update(committeeMembers)
      .set({ endedOn: yesterday.toISOString().slice(0, 10) })
      .where(eq(committeeMembers.deputyId, gone));
    const res = await sheet(id, { memberIds: [c.memberIds[0]] });
    expect(res.json()).toMatchObject({ members: 9, present: 1, onLeave: 1 });
    expect(
      await db.$count(
        meetingMembers,
        and(eq(meetingMembers.meetingId, id), eq(meetingMembers.deputyId, gone)),
      ),
    ).toBe(0);
    await db.update(committeeMembers).set({ endedOn: null }).where(eq(committeeMembers.deputyId, gone));
  });
});

describe('quorum of the congress (two thirds of ALL deputies, exactly two thirds included)', () => {
  it('15 deputies: 9 is no quorum, 10 (two thirds exactly) is', async () => {
    const id = await newMeeting('congress');
    const all = [...c.memberIds, ...c.otherDeputyIds];
    expect((await sheet(id, { memberIds: all.slice(0, 9) })).json()).toMatchObject({
      members: 15,
      quorum: false,
      quorumNeeded: 10,
    });
    expect((await sheet(id, { memberIds: [all[9]] })).json()).toMatchObject({ present: 10, quorum: true });
  });
});

describe('members sign themselves in', () => {
  it('a member signs in themselves, not another member; a deputy off the roll is refused', async () => {
    const id = await newMeeting();
    const member = await memberClient(t, c.memberIds[4]);
    const own = await member.post(`/api/v1/meetings/${id}/attendance`, { memberIds: [c.memberIds[4]] });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ present: 1 });
    const forOther = await member.post(`/api/v1/meetings/${id}/attendance`, { memberIds: [c.memberIds[5]] });
    expect(forOther.statusCode).toBe(403);
    const all = await member.post(`/api/v1/meetings/${id}/attendance`, { memberIds: 'all' });
    expect(all.statusCode).toBe(403);
    const other = await memberClient(t, c.otherDeputyIds[0]);
    expect(
      (await other.post(`/api/v1/meetings/${id}/attendance`, { memberIds: [c.otherDeputyIds[0]] }))
        .statusCode,
    ).toBe(403);
    for (const role of ['leader', 'citizen', 'handlingUnitStaff'] as const) {
      const client = await t.as(`a_${role}`, [role]);
      expect((await client.post(`/api/v1/meetings/${id}/attendance`, { memberIds: 'all' })).statusCode).toBe(
        403,
      );
    }
    expect((await t.anon.post(`/api/v1/meetings/${id}/attendance`, { memberIds: 'all' })).statusCode).toBe(
      401,
    );
    expect((await staff.get(`/api/v1/meetings/${id}`)).json().present).toBe(1);
  });
});

describe('bad sheets change nothing', () => {
  it('names the fields: no reason for a leave, "all" on leave, an empty list, a member not on the roll', async () => {
    const id = await newMeeting();
    const noReason = await sheet(id, { memberIds: [c.memberIds[1]], status: 'onLeave' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const allLeave = await sheet(id, { memberIds: 'all', status: 'onLeave', reason: '集体请假' });
    expect(allLeave.json().errors[0].field).toBe('memberIds');
    expect((await sheet(id, { memberIds: [] })).json().errors[0].field).toBe('memberIds');
    expect((await sheet(id, { memberIds: ['x'] })).json().errors[0].field).toBe('memberIds.0');
    const stranger = await sheet(id, { memberIds: [c.memberIds[0], c.otherDeputyIds[2]] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0]).toMatchObject({ field: 'memberIds', code: 'not_member' });
    expect((await staff.get(`/api/v1/meetings/${id}`)).json()).toMatchObject({
      status: 'planned',
      present: 0,
    });
  });
});
