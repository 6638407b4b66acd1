// Secret votes at a meeting (appointments and removals) on the encrypted-ballot engine of issue 21: three
// tellers named at open hold a distributed key generation, members' devices encrypt yes / no / abstain (one
// ciphertext per option, at most one chosen), the server stores no choice, two of the three tellers decrypt
// the totals only, and the meetings' rule decides: more than half of ALL members (地方组织法 Art. 25, 51).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import {
  completeDkg,
  createCeremonyKey,
  dealShares,
  encryptBallot,
  partialDecrypt,
  verifyBulletin,
  type CurveName,
  type DkgDeal,
  type TellerShare,
} from '@minyi/domain/ballots/crypto';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { buildCommittee, memberClient, type Committee } from '../../../test/meetings.fixture';
import { meetingBallots, meetingVotes } from './meetings.table';

let t: TestEnv;
let staff: TestClient;
let c: Committee;
let tellers: TestClient[];
let tellerIds: string[];
const today = shanghaiDate(new Date());
const shares = new Map<string, TellerShare[]>();

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  c = await buildCommittee(t, { members: 35, others: 1 });
  tellers = [];
  tellerIds = [];
  for (const n of [1, 2, 3]) {
    const client = await t.as(`teller${n}`, ['congressStaff']);
    tellers.push(client);
    tellerIds.push((await client.get('/api/v1/auth/me')).json().user.id);
  }
}, 120_000);
afterAll(async () => t?.close());

/** A meeting today with one item of `kind` and the first `present` members signed in. */
async function meetingWith(present: number, kind = 'appointment') {
  const id = (
    await staff.post('/api/v1/meetings', { body: 'standingCommittee', date: today, title: '常委会会议' })
  ).json().id as string;
  const itemId = (
    await staff.post(`/api/v1/meetings/${id}/agenda-items`, { kind, title: '任命王晓东为区民政局局长' })
  ).json().id as string;
  await staff.post(`/api/v1/meetings/${id}/attendance`, { memberIds: c.memberIds.slice(0, present) });
  return { id, itemId };
}

const v = (voteId: string, rest = '') => `/api/v1/meeting-votes/${voteId}${rest}`;

/** The three tellers' key ceremony over HTTP, each from its own account, as their browsers do it. */
async function holdCeremony(voteId: string) {
  const curve = (await tellers[0].get(v(voteId, '/ceremony'))).json().curve as CurveName;
  const keys = [1, 2, 3].map((i) => createCeremonyKey(curve, i));
  for (const [i, client] of tellers.entries())
    expect(
      (await client.post(v(voteId, '/ceremony-keys'), { publicKey: keys[i].publicKey })).statusCode,
    ).toBe(201);
  const posted = (await tellers[0].get(v(voteId, '/ceremony'))).json();
  const ceremonyPublicKeys = posted.tellers.map((x: { ceremonyKey: string }) => x.ceremonyKey);
  for (const [i, client] of tellers.entries()) {
    const deal = dealShares({ curve, voteId, threshold: 2, tellers: 3, index: i + 1, ceremonyPublicKeys });
    expect((await client.post(v(voteId, '/deals'), { deal })).statusCode).toBe(201);
  }
  const deals = (await tellers[0].get(v(voteId, '/ceremony')))
    .json()
    .tellers.map((x: { deal: DkgDeal }) => x.deal);
  shares.set(
    voteId,
    keys.map((me) => {
      const done = completeDkg({ curve, voteId, threshold: 2, tellers: 3, me, deals });
      if (!done.ok) throw new Error(done.reason);
      return done.share;
    }),
  );
}

/** What a member's device sends: the choice encrypted under the vote's key (yes, no, abstain in that order). */
async function encrypted(client: TestClient, voteId: string, choice: 'yes' | 'no' | 'abstain') {
  const vote = (await client.get(v(voteId))).json();
  const position = vote.secret.options.findIndex((o: { choice: string }) => o.choice === choice);
  return encryptBallot(
    {
      voteId,
      curve: vote.secret.encryption.curve,
      publicKey: vote.secret.encryption.publicKey,
      candidates: vote.secret.options.length,
      maxChoices: vote.secret.maxChoices,
    },
    [position],
  );
}

async function decryptAs(voteId: string, n: number) {
  const ce = (await tellers[n - 1].get(v(voteId, '/ceremony'))).json();
  const partialDecryption = partialDecrypt(
    {
      voteId,
      curve: ce.curve,
      publicKey: ce.publicKey,
      candidates: ce.candidates,
      maxChoices: ce.maxChoices,
    },
    shares.get(voteId)![n - 1],
    ce.combined,
  );
  return tellers[n - 1].post(v(voteId, '/partial-decryptions'), { partialDecryption });
}

/** Opens a secret vote with its tellers, holds the ceremony and opens the ballot. */
async function openSecret(present: number, kind = 'appointment') {
  const m = await meetingWith(present, kind);
  const opened = await staff.post(`/api/v1/meetings/${m.id}/agenda-items/${m.itemId}/vote`, {
    tellerAccountIds: tellerIds,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const voteId = opened.json().voteId as string;
  await holdCeremony(voteId);
  const ballot = await staff.post(v(voteId, '/open'));
  expect(ballot.statusCode, ballot.body).toBe(200);
  return { ...m, voteId };
}

describe('a secret appointment vote on the encrypted-ballot engine', () => {
  it('fails without more than half of ALL members voting yes, even when yes outnumbers no; two tellers decrypt the totals only', async () => {
    const m = await meetingWith(20);
    const url = `/api/v1/meetings/${m.id}/agenda-items/${m.itemId}/vote`;
    // A secret vote names its three tellers: without them a 400 naming the field, and nothing is opened.
    const bare = await staff.post(url);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0].field).toBe('tellerAccountIds');
    const unknown = await staff.post(url, { tellerAccountIds: [tellerIds[0], tellerIds[1], c.memberIds[0]] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('tellerAccountIds.2');
    expect(await t.services.db.$count(meetingVotes, eq(meetingVotes.meetingId, m.id))).toBe(0);
    const opened = await staff.post(url, { tellerAccountIds: tellerIds });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ secret: true, status: 'preparing' });
    const voteId = opened.json().voteId as string;

    // Before the tellers' key exists the ballot cannot open, and no member can vote.
    const early = await staff.post(v(voteId, '/open'));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('key_ceremony_incomplete');
    await holdCeremony(voteId);
    expect((await staff.post(v(voteId, '/open'))).statusCode).toBe(200);
    expect((await staff.post(v(voteId, '/open'))).json().code).toBe('wrong_state');

    const members = await Promise.all(c.memberIds.slice(0, 20).map((id) => memberClient(t, id)));
    // A plain choice is refused (400, the field named): the server never takes a choice in the clear.
    const plain = await members[1].post(v(voteId, '/ballots'), { choice: 'yes' });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().errors[0].field).toBe('choice');
    // 17 yes, 2 no, 1 abstain of 35 members: yes needs 18.
    const choices = [...Array<'yes'>(17).fill('yes'), 'no', 'no', 'abstain'] as const;
    const receipts: string[] = [];
    for (const [i, choice] of choices.entries()) {
      const r = await members[i].post(v(voteId, '/ballots'), await encrypted(members[i], voteId, choice));
      expect(r.statusCode, r.body).toBe(201);
      receipts.push(r.json().receipt);
    }
    const again = await members[0].post(v(voteId, '/ballots'), await encrypted(members[0], voteId, 'no'));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_voted');
    // Nothing of a choice is kept by the meetings; the meeting's vote shows only how many voted.
    expect(await t.services.db.$count(meetingBallots, eq(meetingBallots.voteId, voteId))).toBe(0);
    const running = (await staff.get(v(voteId))).json();
    expect(running).toMatchObject({ status: 'open', ballotsCast: 20, result: null });

    const closed = await staff.post(v(voteId, '/close'));
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'counting', ballotsCast: 20, members: 35 });
    const late = await members[2].post(v(voteId, '/ballots'), await encrypted(members[2], voteId, 'yes'));
    expect(late.statusCode).toBe(409);

    // One teller's partial decryption gives nothing; the second gives the totals and the count.
    const first = await decryptAs(voteId, 1);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().tallied).toBe(false);
    expect((await staff.get(v(voteId))).json().status).toBe('counting');
    const second = await decryptAs(voteId, 3);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().tallied).toBe(true);
    const done = (await staff.get(v(voteId))).json();
    expect(done.status).toBe('closed');
    expect(done.result).toEqual({ yes: 17, no: 2, abstain: 1, notVoting: 15, members: 35, passed: false });
    expect(done.ballots).toEqual([]);

    // The bulletin is public and proves the count; every member's receipt is in it.
    const bulletin = await t.anon.get(`${v(voteId, '/bulletin')}?congressId=${t.congressId}`);
    expect(bulletin.statusCode, bulletin.body).toBe(200);
    expect(verifyBulletin(bulletin.json())).toMatchObject({ ok: true });
    const listed = bulletin.json().ballots.map((b: { receipt: string }) => b.receipt);
    expect([...listed].sort()).toEqual([...receipts].sort());
  }, 240_000);

  it('passes with 18 yes of 35, the chair voting through an account with the leader role only', async () => {
    const { voteId } = await openSecret(18, 'removal');
    const chair = await memberClient(t, c.memberIds[0], ['leader']);
    const r = await chair.post(v(voteId, '/ballots'), await encrypted(chair, voteId, 'yes'));
    expect(r.statusCode, r.body).toBe(201);
    // The member's list and the vote say they have voted (the engine's mark), and nothing of how.
    const mine = (await chair.get('/api/v1/meeting-votes?status=open')).json().items;
    expect(mine.find((x: { id: string }) => x.id === voteId)).toMatchObject({ voted: true, secret: true });
    expect((await chair.get(v(voteId))).json().secret).toMatchObject({ hasVoted: true });
    expect((await chair.get(v(voteId))).json().me.choice).toBeNull();
    for (const id of c.memberIds.slice(1, 18)) {
      const member = await memberClient(t, id);
      expect(
        (await member.post(v(voteId, '/ballots'), await encrypted(member, voteId, 'yes'))).statusCode,
      ).toBe(201);
    }
    await staff.post(v(voteId, '/close'));
    await decryptAs(voteId, 2);
    await decryptAs(voteId, 1);
    expect((await staff.get(v(voteId))).json().result).toMatchObject({ yes: 18, members: 35, passed: true });
  }, 240_000);

  it('refuses a member who has not signed in (409), a deputy not on the roll and staff (403)', async () => {
    const { voteId } = await openSecret(20);
    const absent = await memberClient(t, c.memberIds[30]);
    const res = await absent.post(
      v(voteId, '/ballots'),
      await encrypted(await memberClient(t, c.memberIds[1]), voteId, 'yes'),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('not_signed_in');
    const outsider = await memberClient(t, c.otherDeputyIds[0]);
    const ballot = await encrypted(await memberClient(t, c.memberIds[1]), voteId, 'yes');
    expect((await outsider.post(v(voteId, '/ballots'), ballot)).statusCode).toBe(403);
    expect((await staff.post(v(voteId, '/ballots'), ballot)).statusCode).toBe(403);
    // Only staff open the ballot and close; only the vote's tellers decrypt.
    const member = await memberClient(t, c.memberIds[2]);
    expect((await member.post(v(voteId, '/close'))).statusCode).toBe(403);
    expect((await member.post(v(voteId, '/open'))).statusCode).toBe(403);
    expect((await staff.post(v(voteId, '/close'))).statusCode).toBe(200);
    const forged = await staff.post(v(voteId, '/partial-decryptions'), {
      partialDecryption: { teller: 1, factors: [], proofs: [] },
    });
    expect([400, 403]).toContain(forged.statusCode);
  }, 240_000);

  it('is kept apart from the livelihood votes: not listed there, not found by their routes', async () => {
    const { voteId } = await openSecret(18);
    const listed = (await staff.get('/api/v1/project-votes')).json().items.map((x: { id: string }) => x.id);
    expect(listed).not.toContain(voteId);
    expect((await staff.get(`/api/v1/project-votes/${voteId}`)).statusCode).toBe(404);
    expect((await staff.post(`/api/v1/project-votes/${voteId}/close`)).statusCode).toBe(404);
  }, 240_000);
});
