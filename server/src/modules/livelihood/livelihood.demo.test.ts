// The demo: last year's 22 projects done and rated, this year's 15 with one adjusted, and next year's
// vote open with the demo deputy on the roll, so a newcomer can sign in and vote at once; its tellers hold
// their shares in files under the data directory.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptBallot, partialDecrypt, verifyBulletin } from '@minyi/domain/ballots/crypto';
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

  it("publishes this year's vote closed and counted: its bulletin verifies, and its totals are the results", async () => {
    const published = (await t.anon.get(`/api/v1/public/project-votes?congressId=${congressId}`)).json();
    const items = (published.items ?? published) as { id: string; year: number }[];
    const [vote] = items;
    expect(vote).toBeDefined();
    const bulletin = await t.anon.get(`/api/v1/project-votes/${vote.id}/bulletin`);
    expect(bulletin.statusCode).toBe(200);
    const b = bulletin.json();
    expect(b.ballots.length).toBeGreaterThan(10);
    expect(b.tally.partialDecryptions).toHaveLength(2);
    const verified = verifyBulletin(b);
    expect(verified).toMatchObject({ ok: true });
    const results = (
      await t.anon.get(`/api/v1/project-votes/${vote.id}/results?congressId=${congressId}`)
    ).json();
    expect(results.valid).toBe(true);
    expect(results.chosen ?? results.candidates.filter((c: { chosen: boolean }) => c.chosen)).toHaveLength(
      15,
    );
    // The electronic totals in the bulletin are part of each candidate's votes (paper ballots add to them).
    for (const c of results.candidates as { id: string; votes: number }[])
      expect(c.votes).toBeGreaterThanOrEqual(
        (verified as { totals: Record<string, number> }).totals[c.id] ?? 0,
      );
  });

  it('lets the demo deputy sign in and vote at once (encrypted), staff close it, and tellers 1 and 3 decrypt the totals with their share files', async () => {
    const signInAs = async (username: string) => {
      const login = await t.anon.post('/api/v1/auth/login', { username, password: DEMO_PASSWORD });
      expect(login.statusCode).toBe(200);
      return {
        cookie: String(login.headers['set-cookie']).split(';')[0],
        'x-csrf-token': login.json().csrfToken,
      };
    };
    const h = await signInAs('deputy');
    const [vote] = (await t.anon.get('/api/v1/project-votes?status=open', h)).json().items;
    expect(vote.candidates.length).toBeGreaterThan(vote.maxChoices);
    expect(vote.me).toEqual({ onRoll: true, signedIn: false, hasVoted: false });
    expect(vote.encryption).toMatchObject({ scheme: 'exponential-elgamal', curve: 'p256' });
    expect((await t.anon.post(`/api/v1/project-votes/${vote.id}/attendance`, undefined, h)).statusCode).toBe(
      200,
    );
    const ctx = {
      voteId: vote.id,
      curve: vote.encryption.curve,
      publicKey: vote.encryption.publicKey,
      candidates: vote.candidates.length,
      maxChoices: vote.maxChoices,
    };
    const ballot = await t.anon.post(
      `/api/v1/project-votes/${vote.id}/ballots`,
      encryptBallot(ctx, [0, 1, 2]),
      h,
    );
    expect(ballot.statusCode).toBe(201);
    const sh = await signInAs('staff');
    const closed = await t.anon.post(`/api/v1/project-votes/${vote.id}/close`, undefined, sh);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'counting', electronicBallots: 1 });
    // The tellers' shares are files under the data directory, never in the database.
    const dir = path.join(t.services.config.dataDir!, 'tellers');
    expect(readdirSync(dir).sort()).toEqual(['teller1.share', 'teller2.share', 'teller3.share']);
    for (const [n, username] of [
      [1, 'teller1'],
      [3, 'teller3'],
    ] as const) {
      const share = JSON.parse(readFileSync(path.join(dir, `${username}.share`), 'utf8'));
      expect(share.index).toBe(n);
      const th = await signInAs(username);
      const c = (await t.anon.get(`/api/v1/project-votes/${vote.id}/ceremony`, th)).json();
      expect(c.me).toBe(n);
      const partialDecryption = partialDecrypt(ctx, share, c.combined);
      const r = await t.anon.post(
        `/api/v1/project-votes/${vote.id}/partial-decryptions`,
        { partialDecryption },
        th,
      );
      expect(r.statusCode, r.body).toBe(201);
    }
    const results = (
      await t.anon.get(`/api/v1/project-votes/${vote.id}/results?congressId=${congressId}`)
    ).json();
    expect(results).toMatchObject({ valid: true, turnout: { ballotsCast: 1 } });
    const votes = results.candidates
      .filter((c: { votes: number }) => c.votes === 1)
      .map((c: { id: string }) => c.id);
    expect(votes.sort()).toEqual(
      vote.candidates
        .slice(0, 3)
        .map((c: { id: string }) => c.id)
        .sort(),
    );
  });
});
