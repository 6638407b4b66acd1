// The demo: last year's 22 projects done and rated, this year's 15 with one adjusted, and next year's
// vote open with the demo deputy on the roll, so a newcomer can sign in and vote at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemo } from '../../demo';
import { createTestEnv, type TestEnv } from '../../../test/harness';

let t: TestEnv;
let congressId: string;
beforeAll(async () => {
  t = await createTestEnv();
  congressId = (await loadDemo(t.services)).congressId;
}, 300_000);
afterAll(async () => t?.close());

describe('livelihood demo', () => {
  it('shows last year complete (22 accepted) and this year 15 projects, 14 on schedule and 1 adjusted', async () => {
    const res = (await t.anon.get(`/api/v1/public/livelihood/projects?congressId=${congressId}`)).json();
    const [last, current] = res.summaries;
    expect(last).toMatchObject({ total: 22, accepted: 22 });
    expect(current).toMatchObject({ total: 15, onSchedule: 14, adjusted: 1 });
    const ideas = (await t.anon.get(`/api/v1/public/livelihood/ideas?congressId=${congressId}`)).json().items;
    expect(ideas.length).toBeGreaterThan(5);
    expect(ideas[0].supportCount).toBeGreaterThan(ideas.at(-1).supportCount);
  });

  it('lets the demo deputy sign in and vote at once, and staff close it', async () => {
    const login = await t.anon.post('/api/v1/auth/login', { username: 'deputy', password: DEMO_PASSWORD });
    expect(login.statusCode).toBe(200);
    const h = {
      cookie: String(login.headers['set-cookie']).split(';')[0],
      'x-csrf-token': login.json().csrfToken,
    };
    const [vote] = (await t.anon.get('/api/v1/project-votes?status=open', h)).json().items;
    expect(vote.candidates.length).toBeGreaterThan(vote.maxChoices);
    expect(vote.me).toEqual({ onRoll: true, signedIn: false, hasVoted: false });
    expect((await t.anon.post(`/api/v1/project-votes/${vote.id}/attendance`, undefined, h)).statusCode).toBe(
      200,
    );
    const ballot = await t.anon.post(
      `/api/v1/project-votes/${vote.id}/ballots`,
      { choices: vote.candidates.slice(0, 3).map((c: { id: string }) => c.id) },
      h,
    );
    expect(ballot.statusCode).toBe(201);
    const staffLogin = await t.anon.post('/api/v1/auth/login', {
      username: 'staff',
      password: DEMO_PASSWORD,
    });
    const sh = {
      cookie: String(staffLogin.headers['set-cookie']).split(';')[0],
      'x-csrf-token': staffLogin.json().csrfToken,
    };
    const closed = await t.anon.post(`/api/v1/project-votes/${vote.id}/close`, undefined, sh);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ valid: true, turnout: { ballotsCast: 1 } });
  });
});
