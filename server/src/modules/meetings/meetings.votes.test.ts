// Named votes at a meeting: opened only with quorum, cast by members of the body on the roll (not by role),
// once — also when ballots arrive at the same instant — and counted against ALL members (地方组织法 Art. 25, 51):
// a vote fails without more than half of all members voting yes even when yes outnumbers no.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { auditEvents } from '../../platform/platform.table';
import { newId } from '../../platform/ids';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { buildCommittee, memberClient, type Committee } from '../../../test/meetings.fixture';
import { meetingBallots, meetingVotes } from './meetings.table';

let t: TestEnv;
let staff: TestClient;
let c: Committee;
const today = shanghaiDate(new Date());

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  c = await buildCommittee(t, { members: 35, others: 2 });
}, 120_000);
afterAll(async () => t?.close());

/** A meeting today with one item of each kind given, and `present` members signed in. */
async function meetingWith(present: number, kinds: string[] = ['motion']) {
  const res = await staff.post('/api/v1/meetings', {
    body: 'standingCommittee',
    date: today,
    title: '常委会会议',
  });
  const id = res.json().id as string;
  const items: string[] = [];
  for (const kind of kinds)
    items.push(
      (await staff.post(`/api/v1/meetings/${id}/agenda-items`, { kind, title: `${kind} 议程` })).json().id,
    );
  if (present)
    await staff.post(`/api/v1/meetings/${id}/attendance`, { memberIds: c.memberIds.slice(0, present) });
  return { id, items };
}
const open = (id: string, itemId: string) => staff.post(`/api/v1/meetings/${id}/agenda-items/${itemId}/vote`);
const ballot = (client: TestClient, voteId: string, choice: string) =>
  client.post(`/api/v1/meeting-votes/${voteId}/ballots`, { choice });

describe('opening a vote', () => {
  it('is refused with 409 without quorum (17 of 35), and opens with 18', async () => {
    const { id, items } = await meetingWith(17);
    const refused = await open(id, items[0]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'no_quorum', members: 35, present: 17, quorumNeeded: 18 });
    expect(await t.services.db.$count(meetingVotes, eq(meetingVotes.meetingId, id))).toBe(0);
    await staff.post(`/api/v1/meetings/${id}/attendance`, { memberIds: [c.memberIds[17]] });
    const opened = await open(id, items[0]);
    expect(opened.statusCode, opened.body).toBe(201);
    expect(Object.keys(opened.json())).toEqual(['voteId']);
    const again = await open(id, items[0]);
    expect(again.json()).toMatchObject({ code: 'vote_exists', voteId: opened.json().voteId });
  });

  it('refuses a planned meeting, a report or inquiry (not voted), and a secret vote without its three tellers (400)', async () => {
    const planned = await meetingWith(0, ['motion']);
    expect((await open(planned.id, planned.items[0])).json()).toMatchObject({
      code: 'wrong_state',
      currentStatus: 'planned',
    });
    const { id, items } = await meetingWith(30, ['report', 'inquiry', 'appointment', 'removal', 'election']);
    for (const item of items.slice(0, 2)) expect((await open(id, item)).json().code).toBe('not_voted');
    for (const item of items.slice(2)) {
      // Secret (the encrypted-ballot engine, meetings.secret.test.ts): opened only with its tellers named.
      const res = await open(id, item);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('tellerAccountIds');
    }
    expect(await t.services.db.$count(meetingVotes, eq(meetingVotes.meetingId, id))).toBe(0);
    expect((await open(id, newId())).statusCode).toBe(404);
  });

  it('is for congress staff only', async () => {
    const { id, items } = await meetingWith(30);
    const chair = await memberClient(t, c.memberIds[0], ['leader']);
    for (const client of [chair, await memberClient(t, c.memberIds[6]), await t.as('cit', ['citizen'])])
      expect((await client.post(`/api/v1/meetings/${id}/agenda-items/${items[0]}/vote`)).statusCode).toBe(
        403,
      );
    expect((await t.anon.post(`/api/v1/meetings/${id}/agenda-items/${items[0]}/vote`)).statusCode).toBe(401);
  });
});

describe('casting ballots', () => {
  it('takes a member’s ballot once; the right comes from membership, not the role', async () => {
    const { id, items } = await meetingWith(20);
    const voteId = (await open(id, items[0])).json().voteId as string;
    const member = await memberClient(t, c.memberIds[7]);
    const first = await ballot(member, voteId, 'yes');
    expect(first.statusCode, first.body).toBe(201);
    const second = await ballot(member, voteId, 'no');
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('already_voted');
    // The chair votes through an account with the leader role only: membership decides.
    const chair = await memberClient(t, c.memberIds[0], ['leader']);
    expect((await ballot(chair, voteId, 'abstain')).statusCode).toBe(201);
    const vote = (await member.get(`/api/v1/meeting-votes/${voteId}`)).json();
    expect(vote).toMatchObject({ status: 'open', members: 35, yesNeeded: 18, ballotsCast: 2 });
    expect(vote.me).toEqual({ deputyId: c.memberIds[7], attendance: 'present', choice: 'yes' });
    const audit = await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, voteId));
    expect(audit.map((a) => a.action)).toEqual([
      'meetingVote.open',
      'meetingVote.castBallot',
      'meetingVote.castBallot',
    ]);
  });

  it('refuses a deputy off the roll, staff and others with 403, an unknown choice with 400, a member not signed in with 409', async () => {
    const { id, items } = await meetingWith(20);
    const voteId = (await open(id, items[0])).json().voteId as string;
    const outsider = await memberClient(t, c.otherDeputyIds[0]);
    expect((await ballot(outsider, voteId, 'yes')).statusCode).toBe(403);
    expect((await ballot(staff, voteId, 'yes')).statusCode).toBe(403);
    expect((await ballot(await t.as('leader', ['leader']), voteId, 'yes')).statusCode).toBe(403);
    expect((await ballot(t.anon, voteId, 'yes')).statusCode).toBe(401);
    const member = await memberClient(t, c.memberIds[3]);
    const bad = await ballot(member, voteId, 'maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0].field).toBe('choice');
    expect((await member.post(`/api/v1/meeting-votes/${voteId}/ballots`, {})).json().errors[0].field).toBe(
      'choice',
    );
    const absent = await memberClient(t, c.memberIds[30]);
    const notIn = await ballot(absent, voteId, 'yes');
    expect(notIn.statusCode).toBe(409);
    expect(notIn.json().code).toBe('not_signed_in');
    expect((await ballot(member, newId(), 'yes')).statusCode).toBe(404);
    expect(await t.services.db.$count(meetingBallots, eq(meetingBallots.voteId, voteId))).toBe(0);
  });

  it('counts a member exactly once when the same member’s ballots and many members’ ballots arrive at once', async () => {
    const { id, items } = await meetingWith(35);
    const voteId = (await open(id, items[0])).json().voteId as string;
    const clients = await Promise.all(c.memberIds.slice(0, 20).map((d) => memberClient(t, d)));
    const same = clients[0];
    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => ballot(same, voteId, 'yes')),
      ...clients.slice(1).map((cl) => ballot(cl, voteId, 'no')),
    ]);
    const codes = answers.map((a) => a.statusCode);
    expect(codes.slice(0, 5).filter((s) => s === 201)).toHaveLength(1);
    expect(codes.slice(0, 5).filter((s) => s === 409)).toHaveLength(4);
    expect(codes.slice(5).every((s) => s === 201)).toBe(true);
    expect(await t.services.db.$count(meetingBallots, eq(meetingBallots.voteId, voteId))).toBe(20);
  });
});

describe('closing and counting against ALL members', () => {
  it('fails 17 yes to 3 no of 35 members (yes outnumbers no, but is not more than half of all)', async () => {
    const { id, items } = await meetingWith(20);
    const voteId = (await open(id, items[0])).json().voteId as string;
    const clients = await Promise.all(c.memberIds.slice(0, 20).map((d) => memberClient(t, d)));
    for (const [i, cl] of clients.entries())
      expect((await ballot(cl, voteId, i < 17 ? 'yes' : 'no')).statusCode).toBe(201);
    const closed = await staff.post(`/api/v1/meeting-votes/${voteId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toEqual({ yes: 17, no: 3, abstain: 0, notVoting: 15, members: 35, passed: false });
    const after = await ballot(await memberClient(t, c.memberIds[19]), voteId, 'yes');
    expect(after.statusCode).toBe(409);
    expect((await staff.post(`/api/v1/meeting-votes/${voteId}/close`)).json()).toMatchObject({
      code: 'wrong_state',
      currentStatus: 'closed',
    });
    const m = (await staff.get(`/api/v1/meetings/${id}`)).json();
    expect(m.agenda[0].vote).toMatchObject({ status: 'closed', yes: 17, no: 3, passed: false });
    const v = (await staff.get(`/api/v1/meeting-votes/${voteId}`)).json();
    expect(v.result).toMatchObject({ passed: false, notVoting: 15 });
    expect(v.ballots).toHaveLength(20);
    const audit = await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, voteId));
    expect(audit.at(-1)).toMatchObject({ action: 'meetingVote.close' });
  });

  it('passes with 18 yes of 35 (half plus one), abstentions notwithstanding; a tie at half fails', async () => {
    const { id, items } = await meetingWith(35, ['motion', 'motion']);
    const clients = await Promise.all(c.memberIds.map((d) => memberClient(t, d)));
    const pass = (await open(id, items[0])).json().voteId as string;
    for (const [i, cl] of clients.entries()) await ballot(cl, pass, i < 18 ? 'yes' : 'abstain');
    expect((await staff.post(`/api/v1/meeting-votes/${pass}/close`)).json()).toEqual({
      yes: 18,
      no: 0,
      abstain: 17,
      notVoting: 0,
      members: 35,
      passed: true,
    });
    // 34 members: 17 yes is exactly half and fails.
    await staff.post(`/api/v1/meetings/${id}/attendance`, {
      memberIds: [c.memberIds[34]],
      status: 'onLeave',
      reason: '请假',
    });
    const tie = (await open(id, items[1])).json().voteId as string;
    for (const [i, cl] of clients.slice(0, 34).entries()) await ballot(cl, tie, i < 17 ? 'yes' : 'no');
    expect((await staff.post(`/api/v1/meeting-votes/${tie}/close`)).json()).toMatchObject({
      yes: 17,
      no: 17,
      notVoting: 1,
      members: 35,
      passed: false,
    });
  });

  it('is closed by congress staff only; the meeting closes only when no vote is open', async () => {
    const { id, items } = await meetingWith(20);
    const voteId = (await open(id, items[0])).json().voteId as string;
    for (const client of [
      await memberClient(t, c.memberIds[0], ['leader']),
      await memberClient(t, c.memberIds[2]),
    ])
      expect((await client.post(`/api/v1/meeting-votes/${voteId}/close`)).statusCode).toBe(403);
    expect((await t.anon.post(`/api/v1/meeting-votes/${voteId}/close`)).statusCode).toBe(401);
    const early = await staff.post(`/api/v1/meetings/${id}/close`);
    expect(early.json()).toMatchObject({ code: 'vote_open', voteId });
    await staff.post(`/api/v1/meeting-votes/${voteId}/close`);
    expect((await staff.post(`/api/v1/meetings/${id}/close`)).json()).toEqual({ id, status: 'closed' });
    expect((await open(id, items[0])).json().code).toBe('wrong_state');
  });

  it('lists a member’s open votes, and the vote for the member’s phone; the work home counts those to cast', async () => {
    const member = await memberClient(t, c.memberIds[11]);
    const toCast = async () =>
      (
        (await member.get('/api/v1/workbench')).json().items as {
          module: string;
          count: number;
          link: string;
        }[]
      ).find((i) => i.module === 'meetings');
    const before = (await toCast())?.count ?? 0;
    const { id, items } = await meetingWith(20);
    const voteId = (await open(id, items[0])).json().voteId as string;
    expect((await member.get(`/api/v1/meetings/${id}`)).json().agenda[0].vote).toMatchObject({
      myChoice: null,
    });
    const mine = (await member.get('/api/v1/meeting-votes?status=open')).json().items;
    expect(mine.find((v: { id: string }) => v.id === voteId)).toMatchObject({ voted: false, onRoll: true });
    expect(await toCast()).toMatchObject({ kind: 'votesToCast', count: before + 1, link: '/meetings/votes' });
    const staffWork = (await staff.get('/api/v1/workbench')).json().items;
    expect(staffWork.find((i: { kind: string }) => i.kind === 'meetingsToday').count).toBeGreaterThan(0);
    await ballot(member, voteId, 'yes');
    expect((await toCast())?.count ?? 0).toBe(before);
    const outsider = await memberClient(t, c.otherDeputyIds[1]);
    expect((await outsider.get('/api/v1/meeting-votes?status=open')).json().items).toEqual([]);
    expect((await outsider.get(`/api/v1/meeting-votes/${voteId}`)).statusCode).toBe(403);
    expect((await (await t.as('cit2', ['citizen'])).get('/api/v1/meeting-votes')).statusCode).toBe(403);
    await staff.post(`/api/v1/meeting-votes/${voteId}/close`);
  });
});

describe('totals counted in the room, entered by two staff who must agree', () => {
  const totals = (client: TestClient, voteId: string, yes: number, no: number, abstain: number) =>
    client.post(`/api/v1/meeting-votes/${voteId}/room-totals`, { yes, no, abstain });

  it('closes only when two different staff enter the same totals; counted against ALL members', async () => {
    const second = await t.as('staff2', ['congressStaff']);
    const { id, items } = await meetingWith(30);
    const voteId = (await open(id, items[0])).json().voteId as string;
    expect((await totals(staff, voteId, 20, 3, 2)).json()).toEqual({
      status: 'open',
      agreed: false,
      entries: 1,
    });
    // The same staff entering again corrects their own count; it does not count as the second.
    expect((await totals(staff, voteId, 17, 3, 2)).json()).toMatchObject({ status: 'open', entries: 1 });
    expect((await totals(second, voteId, 17, 4, 2)).json()).toMatchObject({ status: 'open', agreed: false });
    const agreed = await totals(second, voteId, 17, 3, 2);
    expect(agreed.statusCode, agreed.body).toBe(200);
    // 17 yes of 35 members is not more than half of all: it fails although yes outnumbers no.
    expect(agreed.json()).toMatchObject({
      status: 'closed',
      agreed: true,
      yes: 17,
      no: 3,
      abstain: 2,
      notVoting: 13,
      members: 35,
      passed: false,
    });
    const member = await memberClient(t, c.memberIds[2]);
    expect((await ballot(member, voteId, 'yes')).statusCode).toBe(409);
    expect((await totals(staff, voteId, 18, 3, 2)).json()).toMatchObject({ code: 'wrong_state' });
    const m = (await staff.get(`/api/v1/meetings/${id}`)).json();
    expect(m.agenda[0].vote).toMatchObject({ status: 'closed', yes: 17, passed: false });
    const audit = await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, voteId));
    expect(audit.filter((a) => a.action === 'meetingVote.enterRoomTotals')).toHaveLength(4);
  });

  it('refuses totals beyond the members (400 naming the field), a vote members began on devices (409), and non-staff', async () => {
    const { id, items } = await meetingWith(30, ['motion', 'motion']);
    const voteId = (await open(id, items[0])).json().voteId as string;
    const over = await totals(staff, voteId, 30, 5, 1);
    expect(over.statusCode).toBe(400);
    expect(over.headers['content-type']).toMatch(/problem\+json/);
    expect(over.json().errors[0].field).toBe('yes');
    expect(
      (await staff.post(`/api/v1/meeting-votes/${voteId}/room-totals`, { yes: -1, no: 0, abstain: 0 }))
        .statusCode,
    ).toBe(400);
    expect((await ballot(await memberClient(t, c.memberIds[4]), voteId, 'yes')).statusCode).toBe(201);
    expect((await totals(staff, voteId, 18, 0, 0)).json().code).toBe('ballots_cast');
    const other = (await open(id, items[1])).json().voteId as string;
    const chair = await memberClient(t, c.memberIds[0], ['leader']);
    for (const client of [chair, await memberClient(t, c.memberIds[6]), await t.as('cit2', ['citizen'])])
      expect((await totals(client, other, 18, 0, 0)).statusCode).toBe(403);
    expect((await totals(t.anon, other, 18, 0, 0)).statusCode).toBe(401);
  });
});
