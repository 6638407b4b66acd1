// The demo's meetings: the standing committee with its full membership (the `leader` its chair, the `member` an
// ordinary member), last month's meeting held with its resolution passed, and today's meeting with its agenda.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '@minyi/domain/calendar';
import { DEMO_PASSWORD, loadDemo } from '../../demo';
import { verifyBulletin } from '@minyi/domain/ballots/crypto';
import { createTestEnv, type TestEnv } from '../../../test/harness';

let t: TestEnv;
let congressId: string;
beforeAll(async () => {
  t = await createTestEnv();
  congressId = (await loadDemo(t.services)).congressId;
}, 300_000);
afterAll(async () => t?.close());

async function login(username: string) {
  const res = await t.anon.post('/api/v1/auth/login', { username, password: DEMO_PASSWORD });
  expect(res.statusCode).toBe(200);
  return { cookie: String(res.headers['set-cookie']).split(';')[0], 'x-csrf-token': res.json().csrfToken };
}

describe('meetings demo', () => {
  it('has today’s standing committee meeting with 35 members, the leader its chair and the member on its roll', async () => {
    const today = shanghaiDate(new Date());
    const member = await login('member');
    const list = (await t.anon.get('/api/v1/meetings?body=standingCommittee', member)).json().items;
    const todays = list.find((m: { date: string }) => m.date === today);
    expect(todays).toMatchObject({ number: 12, status: 'planned' });
    const m = (await t.anon.get(`/api/v1/meetings/${todays.id}`, member)).json();
    expect(m.members).toBeGreaterThanOrEqual(29);
    expect(m.me).toMatchObject({ attendance: 'absent' });
    expect(m.agenda.map((i: { kind: string }) => i.kind)).toEqual([
      'motion',
      'report',
      'motion',
      'removal',
      'appointment',
      'appointment',
      'appointment',
    ]);
    expect(m.agenda[0].documents.map((d: { late: boolean }) => d.late)).toEqual([false, true]);
    const leader = await login('leader');
    const asLeader = (await t.anon.get(`/api/v1/meetings/${todays.id}`, leader)).json();
    expect(asLeader.me).toMatchObject({ attendance: 'absent' });
    expect(asLeader.roll[0]).toMatchObject({ position: 'chair', deputyId: asLeader.me.deputyId });
  });

  it('has last month’s meeting held, its resolution passed by more than half of all members', async () => {
    const staff = await login('staff');
    const list = (await t.anon.get('/api/v1/meetings?status=closed', staff)).json().items;
    const held = list.find((m: { body: string }) => m.body === 'standingCommittee');
    const m = (await t.anon.get(`/api/v1/meetings/${held.id}`, staff)).json();
    expect(m).toMatchObject({ number: 11, members: 35, present: 32, onLeave: 2 });
    expect(m.agenda[0].vote).toMatchObject({ status: 'closed', yes: 27, no: 2, abstain: 3, passed: true });
    // Its two reports under oversight (监督法 Art. 17): one awaiting the handling report, one handled.
    const loops = (await t.anon.get('/api/v1/oversight-reports', staff)).json().items;
    expect(loops.map((r: { organ: string; status: string }) => [r.organ, r.status]).sort()).toEqual([
      ['区人民政府', 'opinionsSent'],
      ['区人民法院', 'handled'],
    ]);
    expect(loops.every((r: { handlingLate: boolean }) => !r.handlingLate)).toBe(true);
  });

  it('has last month’s secret appointment vote: encrypted ballots counted by two tellers, its bulletin public and verified, the register updated', async () => {
    const staff = await login('staff');
    const list = (await t.anon.get('/api/v1/meetings?status=closed', staff)).json().items;
    const held = list.find((m: { number: number }) => m.number === 11);
    const m = (await t.anon.get(`/api/v1/meetings/${held.id}`, staff)).json();
    const item = m.agenda.find((i: { kind: string }) => i.kind === 'appointment');
    expect(item.title).toContain('周文华');
    // 30 of the 32 present voted (27 yes, 1 no, 2 abstain): more than half of all 35 members.
    expect(item.vote).toMatchObject({
      status: 'closed',
      members: 35,
      yes: 27,
      no: 1,
      abstain: 2,
      notVoting: 5,
      passed: true,
    });
    const vote = (await t.anon.get(`/api/v1/meeting-votes/${item.vote.id}`, staff)).json();
    expect(vote).toMatchObject({ status: 'closed', ballotsCast: 30 });
    // The meeting keeps no choice of a secret vote; the public bulletin proves the count.
    expect(vote.ballots).toEqual([]);
    const bulletin = await t.anon.get(
      `/api/v1/meeting-votes/${item.vote.id}/bulletin?congressId=${congressId}`,
    );
    expect(bulletin.statusCode, bulletin.body).toBe(200);
    expect(verifyBulletin(bulletin.json())).toMatchObject({ ok: true });
    const register = (
      await t.anon.get(
        `/api/v1/office-holders?post=${encodeURIComponent('区人民法院副院长')}&date=${held.date}`,
        staff,
      )
    ).json().items;
    expect(register).toMatchObject([{ holderName: '周文华', startedOn: held.date, endedOn: null }]);
  });

  it('keeps the register of office-holders: the 21 heads appointed at the term’s first meeting, and who held a post before', async () => {
    const staff = await login('staff');
    const now = (await t.anon.get('/api/v1/office-holders?limit=200', staff)).json();
    // 21 appointed; the health and transport heads resigned last month (today's agenda appoints successors);
    // the court's vice-president appointed last month by secret ballot.
    expect(now.items).toHaveLength(20);
    expect(now.items.some((h: { post: string }) => h.post === '区卫生健康局局长')).toBe(false);
    expect(now.items.every((h: { post: string }) => h.post.startsWith('区'))).toBe(true);
    const edu = (
      await t.anon.get(`/api/v1/office-holders?post=${encodeURIComponent('教育局')}`, staff)
    ).json();
    expect(edu.items).toEqual([
      expect.objectContaining({ post: '区教育局局长', holderName: '林建平', endedOn: null }),
    ]);
    const c = (await t.anon.get(`/api/v1/appointments/${edu.items[0].appointmentId}`, staff)).json();
    expect(c).toMatchObject({
      kind: 'appoint',
      status: 'appointed',
      nomineeName: '林建平',
      nominatingOrgan: 'districtHead',
      oathWitness: '区人大常委会主任',
      filedLate: false,
    });
    expect(c.deadlineOn > c.filedOn).toBe(true);
    expect(c.meeting.title).toBe('区第七届人大常委会第一次会议');
    expect(c.holding).toMatchObject({ holderName: '林建平', endedOn: null });
    // The day before the first meeting, the previous term's head held the post.
    const before = new Date(`${c.decidedOn}T00:00:00Z`);
    before.setUTCDate(before.getUTCDate() - 1);
    const then = (
      await t.anon.get(
        `/api/v1/office-holders?post=${encodeURIComponent('区教育局局长')}&date=${before.toISOString().slice(0, 10)}`,
        staff,
      )
    ).json();
    expect(then.items).toHaveLength(1);
    expect(then.items[0].holderName).not.toBe('林建平');
    expect(then.items[0].endReason).toBe('termEnded');
  });

  it('refuses the register to deputies, members and the public, and names a bad date', async () => {
    for (const who of ['deputy', 'member', 'citizen', 'unit']) {
      const h = await login(who);
      expect((await t.anon.get('/api/v1/office-holders', h)).statusCode, who).toBe(403);
    }
    expect((await t.anon.get('/api/v1/office-holders')).statusCode).toBe(401);
    const leader = await login('leader');
    const bad = await t.anon.get('/api/v1/office-holders?date=2026-13-01', leader);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('date');
    expect(
      (await t.anon.get('/api/v1/appointments/00000000-0000-4000-8000-000000000000', leader)).statusCode,
    ).toBe(404);
  });
});
