// The demo's meetings: the standing committee with its full membership (the `leader` its chair, the `member` an
// ordinary member), last month's meeting held with its resolution passed, and today's meeting with its agenda.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '@minyi/domain/calendar';
import { DEMO_PASSWORD, loadDemo } from '../../demo';
import { createTestEnv, type TestEnv } from '../../../test/harness';

let t: TestEnv;
beforeAll(async () => {
  t = await createTestEnv();
  await loadDemo(t.services);
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
  });
});
