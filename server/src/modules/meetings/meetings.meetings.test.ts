// Meetings and their agenda: creating a meeting of each body with its roll read from the registry for its date,
// the list and one meeting as staff and members see them, agenda items with late documents flagged, and every
// refusal: the roles that may not, bad input naming its fields, a closed meeting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { auditEvents } from '../../platform/platform.table';
import { newId } from '../../platform/ids';
import { committeeMembers } from '../../../test/tables';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { buildCommittee, memberClient, type Committee } from '../../../test/meetings.fixture';
import { meetings } from './meetings.table';

let t: TestEnv;
let staff: TestClient;
let c: Committee;
const today = shanghaiDate(new Date());
const shift = (days: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  c = await buildCommittee(t, { members: 9, others: 3 });
});
afterAll(async () => t?.close());

const auditOf = (entityId: string) =>
  t.services.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId))
    .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id));

async function newMeeting(body = 'standingCommittee', date = today, title = '常委会会议') {
  const res = await staff.post('/api/v1/meetings', { body, date, title });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('creating a meeting', () => {
  it('creates a standing committee meeting numbered in the term, its roll the members in office on its date', async () => {
    const res = await staff.post('/api/v1/meetings', {
      body: 'standingCommittee',
      date: today,
      title: '区第七届人大常委会第一次会议',
      venue: '常委会会议室',
      nonVotingAttendees: [{ name: '副区长', organization: '区人民政府' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(Object.keys(res.json())).toEqual(['id']);
    const m = (await staff.get(`/api/v1/meetings/${res.json().id}`)).json();
    expect(m).toMatchObject({
      body: 'standingCommittee',
      number: 1,
      date: today,
      status: 'planned',
      members: 9,
      present: 0,
      quorum: false,
      quorumNeeded: 5,
      yesNeeded: 5,
      nonVotingAttendees: [{ name: '副区长', organization: '区人民政府' }],
    });
    expect(m.roll[0]).toMatchObject({ deputyId: c.memberIds[0], position: 'chair', attendance: 'absent' });
    expect(m.roll.map((r: { deputyId: string }) => r.deputyId).sort()).toEqual([...c.memberIds].sort());
    expect((await auditOf(res.json().id)).map((a) => a.action)).toEqual(['meeting.create']);
    // The next one takes the next number.
    const next = await newMeeting();
    expect((await staff.get(`/api/v1/meetings/${next}`)).json().number).toBe(2);
  });

  it('reads the chairpersons’ meeting (chair and vice-chairs) and the congress (all district deputies)', async () => {
    const chair = (await staff.get(`/api/v1/meetings/${await newMeeting('chairpersonsMeeting')}`)).json();
    expect(chair.members).toBe(3);
    const congress = (await staff.get(`/api/v1/meetings/${await newMeeting('congress')}`)).json();
    expect(congress).toMatchObject({ members: 12, quorumNeeded: 8, yesNeeded: 7 });
  });

  it('takes the membership on the meeting’s date: a member whose office ended before it, or began after it, is not on the roll', async () => {
    const db = t.services.db;
    const gone = c.memberIds[8];
    await db
      .update(committeeMembers)
      .set({ endedOn: shift(-1) })
      .where(eq(committeeMembers.deputyId, gone));
    const res = await staff.post('/api/v1/meetings', {
      body: 'standingCommittee',
      date: today,
      title: '常委会会议',
    });
    const m = (await staff.get(`/api/v1/meetings/${res.json().id}`)).json();
    expect(m.members).toBe(8);
    expect(m.roll.some((r: { deputyId: string }) => r.deputyId === gone)).toBe(false);
    // Before the term began nobody was in office: the meeting is refused and nothing is written.
    const before = await staff.post('/api/v1/meetings', {
      body: 'standingCommittee',
      date: '2025-06-01',
      title: '常委会会议',
    });
    expect(before.statusCode).toBe(409);
    expect(before.json().code).toBe('no_members');
    expect(await db.$count(meetings, eq(meetings.startDate, '2025-06-01'))).toBe(0);
    await db.update(committeeMembers).set({ endedOn: null }).where(eq(committeeMembers.deputyId, gone));
  });

  it('refuses bad input with problem+json naming the fields, and a number already taken', async () => {
    const bad = await staff.post('/api/v1/meetings', { body: 'senate', date: '2026-02-30', title: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body', 'date', 'title']));
    const ends = await staff.post('/api/v1/meetings', {
      body: 'standingCommittee',
      date: today,
      endDate: shift(-1),
      title: 'x',
    });
    expect(ends.statusCode).toBe(400);
    expect(ends.json().errors[0].field).toBe('endDate');
    const taken = await staff.post('/api/v1/meetings', {
      body: 'standingCommittee',
      date: today,
      title: 'x',
      number: 1,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('number_taken');
  });

  it('refuses every role but congress staff, and the public', async () => {
    const body = { body: 'standingCommittee', date: today, title: '常委会会议' };
    const before = await t.services.db.$count(meetings);
    expect((await t.anon.post('/api/v1/meetings', body)).statusCode).toBe(401);
    for (const role of [
      'leader',
      'deputy',
      'citizen',
      'handlingUnitStaff',
      'liaisonStaff',
      'systemAdmin',
    ] as const) {
      const client = await t.as(`r_${role}`, [role]);
      expect((await client.post('/api/v1/meetings', body)).statusCode, role).toBe(403);
    }
    const member = await memberClient(t, c.memberIds[3]);
    expect((await member.post('/api/v1/meetings', body)).statusCode).toBe(403);
    expect(await t.services.db.$count(meetings)).toBe(before);
  });
});

describe('the list and one meeting', () => {
  it('lists by body for staff and leaders; a member sees the meetings on whose roll they are; others are refused', async () => {
    const sc = (await staff.get('/api/v1/meetings?body=standingCommittee')).json();
    expect(sc.items.length).toBeGreaterThan(1);
    expect(Object.keys(sc.items[0])).toEqual(
      expect.arrayContaining(['id', 'number', 'body', 'date', 'status']),
    );
    expect(sc.items.every((m: { body: string }) => m.body === 'standingCommittee')).toBe(true);
    expect(sc).toHaveProperty('nextCursor');
    const leader = await t.as('leader', ['leader']);
    expect((await leader.get('/api/v1/meetings?body=congress')).json().items.length).toBe(1);

    // An ordinary member is on the standing committee's and the congress's rolls, not the chairpersons'.
    const member = await memberClient(t, c.memberIds[4]);
    const mine = (await member.get('/api/v1/meetings')).json().items as { body: string }[];
    expect(mine.some((m) => m.body === 'standingCommittee')).toBe(true);
    expect(mine.some((m) => m.body === 'chairpersonsMeeting')).toBe(false);
    // A deputy outside the committee sees only the congress.
    const other = await memberClient(t, c.otherDeputyIds[0]);
    const theirs = (await other.get('/api/v1/meetings')).json().items as { body: string }[];
    expect(theirs.map((m) => m.body)).toEqual(['congress']);
    // Accounts that can be on no roll are refused.
    for (const role of ['citizen', 'handlingUnitStaff'] as const) {
      const client = await t.as(`l_${role}`, [role]);
      expect((await client.get('/api/v1/meetings')).statusCode, role).toBe(403);
    }
    expect((await t.anon.get('/api/v1/meetings')).statusCode).toBe(401);
    expect((await staff.get('/api/v1/meetings?body=senate')).json().errors[0].field).toBe('body');
  });

  it('pages with a cursor, and refuses a forged one', async () => {
    const first = (await staff.get('/api/v1/meetings?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await staff.get(`/api/v1/meetings?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
    const forged = await staff.get('/api/v1/meetings?cursor=bm9wZQ');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().errors[0].field).toBe('cursor');
  });

  it('shows a meeting to a member on its roll, not to a deputy off it; 404 for an unknown id', async () => {
    const id = await newMeeting();
    const member = await memberClient(t, c.memberIds[5]);
    const m = (await member.get(`/api/v1/meetings/${id}`)).json();
    expect(m.me).toEqual({ deputyId: c.memberIds[5], attendance: 'absent' });
    expect(m.abilities).toMatchObject({ read: true, signInSelf: true, openVote: false });
    const other = await memberClient(t, c.otherDeputyIds[1]);
    expect((await other.get(`/api/v1/meetings/${id}`)).statusCode).toBe(403);
    expect((await staff.get(`/api/v1/meetings/${newId()}`)).statusCode).toBe(404);
    expect((await staff.get('/api/v1/meetings/not-an-id')).json().errors[0].field).toBe('id');
  });
});

describe('the agenda', () => {
  it('adds items in order, each kind; secret by kind from the settings; a document past its deadline is flagged late', async () => {
    const id = await newMeeting('standingCommittee', shift(10));
    const motion = await staff.post(`/api/v1/meetings/${id}/agenda-items`, {
      kind: 'motion',
      title: '关于某事项的决议（草案）',
      documents: [
        { stage: 'submitted', title: '议案及说明', doneOn: today },
        { stage: 'distributedToMembers', title: '决议（草案）', doneOn: shift(4) },
      ],
    });
    expect(motion.statusCode, motion.body).toBe(201);
    expect(Object.keys(motion.json())).toEqual(['id']);
    for (const kind of ['report', 'appointment', 'removal', 'inquiry', 'election', 'other'])
      expect(
        (await staff.post(`/api/v1/meetings/${id}/agenda-items`, { kind, title: kind })).statusCode,
      ).toBe(201);
    const m = (await staff.get(`/api/v1/meetings/${id}`)).json();
    expect(m.agenda.map((i: { kind: string }) => i.kind)).toEqual([
      'motion',
      'report',
      'appointment',
      'removal',
      'inquiry',
      'election',
      'other',
    ]);
    expect(m.agenda.map((i: { secret: boolean }) => i.secret)).toEqual([
      false,
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
    expect(m.agenda.map((i: { voted: boolean }) => i.voted)).toEqual([
      true,
      false,
      true,
      true,
      false,
      true,
      true,
    ]);
    // Submitted 10 days before (in time, 监督法 Art. 15: 10); distributed 6 days before (late: 7).
    expect(m.agenda[0].documents).toEqual([
      expect.objectContaining({ stage: 'submitted', deadline: today, late: false }),
      expect.objectContaining({ stage: 'distributedToMembers', deadline: shift(3), late: true }),
    ]);
    expect((await auditOf(id)).filter((a) => a.action === 'meeting.addAgendaItem')).toHaveLength(7);
    // A document arriving later is added to its item, and flagged late against the meeting's date too.
    const later = await staff.post(`/api/v1/meetings/${id}/agenda-items/${motion.json().id}/documents`, {
      stage: 'distributedToMembers',
      title: '决议（草案）修改稿',
      doneOn: shift(2),
    });
    expect(later.statusCode, later.body).toBe(201);
    const again = (await staff.get(`/api/v1/meetings/${id}`)).json();
    // Distributed 8 days before the meeting: in time (7).
    expect(again.agenda[0].documents).toContainEqual(
      expect.objectContaining({ title: '决议（草案）修改稿', deadline: shift(3), late: false }),
    );
    expect((await auditOf(id)).at(-1)).toMatchObject({ action: 'meeting.addAgendaDocument' });
    const badDoc = await staff.post(`/api/v1/meetings/${id}/agenda-items/${motion.json().id}/documents`, {
      stage: 'memo',
      doneOn: '2026-02-30',
    });
    expect(badDoc.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['stage', 'title', 'doneOn']),
    );
    const member = await memberClient(t, c.memberIds[2]);
    const doc = { stage: 'submitted', title: '报告', doneOn: today };
    expect(
      (await member.post(`/api/v1/meetings/${id}/agenda-items/${motion.json().id}/documents`, doc))
        .statusCode,
    ).toBe(403);
    expect(
      (await staff.post(`/api/v1/meetings/${id}/agenda-items/${newId()}/documents`, doc)).statusCode,
    ).toBe(404);
  });

  it('refuses an unknown kind, an empty title and a bad document, naming the fields; other roles; a closed meeting', async () => {
    const id = await newMeeting();
    const bad = await staff.post(`/api/v1/meetings/${id}/agenda-items`, {
      kind: 'speech',
      title: '',
      documents: [{ stage: 'late', title: 'x', doneOn: 'yesterday' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['kind', 'title', 'documents.0.stage', 'documents.0.doneOn']),
    );
    const item = { kind: 'motion', title: '决议' };
    const member = await memberClient(t, c.memberIds[1]);
    const leader = await t.as('leader', ['leader']);
    expect((await member.post(`/api/v1/meetings/${id}/agenda-items`, item)).statusCode).toBe(403);
    expect((await leader.post(`/api/v1/meetings/${id}/agenda-items`, item)).statusCode).toBe(403);
    expect((await t.anon.post(`/api/v1/meetings/${id}/agenda-items`, item)).statusCode).toBe(401);
    expect((await staff.post(`/api/v1/meetings/${newId()}/agenda-items`, item)).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/meetings/${id}`)).json().agenda).toEqual([]);

    await staff.post(`/api/v1/meetings/${id}/attendance`, { memberIds: 'all' });
    expect((await staff.post(`/api/v1/meetings/${id}/close`)).statusCode).toBe(200);
    const late = await staff.post(`/api/v1/meetings/${id}/agenda-items`, item);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'wrong_state', currentStatus: 'closed' });
  });
});
