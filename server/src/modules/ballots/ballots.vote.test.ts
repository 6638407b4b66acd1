import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import {
  buildDistrict,
  castAs,
  ceremonyOf,
  closeAndCount,
  decryptAs,
  deputyClient,
  encryptedBallot,
  holdCeremony,
  openVoteWith,
  outsiderDeputy,
  type District,
} from '../../../test/livelihood.fixture';
import { livelihoodProjects } from '../../../test/tables';
import { ballotReceipt, encryptBallot, partialDecrypt, verifyBulletin } from '@minyi/domain/ballots/crypto';
import {
  projectVoteEncryptedBallots,
  projectVotePaperCounts,
  projectVotes,
  projectVoteVoters,
} from './ballots.table';

let t: TestEnv;
let staff: TestClient;
let d: District;

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  d = await buildDistrict(t, { deputies: 30, candidates: 6 });
});
afterAll(async () => t?.close());

const ballotCount = async (voteId: string) =>
  t.services.db.$count(projectVoteEncryptedBallots, eq(projectVoteEncryptedBallots.voteId, voteId));
const voterCount = async (voteId: string) =>
  t.services.db.$count(projectVoteVoters, eq(projectVoteVoters.voteId, voteId));

describe('project vote contract', () => {
  let voteId: string;
  let dep0: TestClient;
  let receipt: string;

  beforeAll(async () => {
    // 30 on the roll, 20 present at the desk (quorum is 20), deputy 0 not yet signed in.
    voteId = await openVoteWith(
      t,
      staff,
      { ...d, deputyIds: d.deputyIds.slice(1, 21).concat(d.deputyIds) },
      { maxChoices: 2, present: 20 },
    );
    dep0 = await deputyClient(t, d, 0);
  });

  it('lists the open votes a deputy is on the roll for, with candidates', async () => {
    const r = await dep0.get('/api/v1/project-votes?status=open');
    expect(r.statusCode).toBe(200);
    const [v] = r.json().items;
    expect(v).toMatchObject({
      id: voteId,
      status: 'open',
      maxChoices: 2,
      me: { onRoll: true, signedIn: false, hasVoted: false },
    });
    expect(v.candidates).toHaveLength(6);
    expect(v.candidates[0]).toEqual({ id: expect.any(String), title: '候选项目01' });
  });

  it('includes the encryption (scheme, curve, public key) once the vote is open', async () => {
    const v = (await dep0.get(`/api/v1/project-votes/${voteId}`)).json();
    expect(v.encryption).toEqual({
      scheme: 'exponential-elgamal',
      curve: 'p256',
      publicKey: expect.stringMatching(/^[0-9a-f]{66}$/),
    });
    const [item] = (await dep0.get('/api/v1/project-votes?status=open')).json().items;
    expect(item.encryption).toEqual(v.encryption);
  });

  it('refuses a ballot before sign-in with 403, then signs in', async () => {
    const before = await castAs(dep0, voteId, []);
    expect(before.statusCode).toBe(403);
    const a = await dep0.post(`/api/v1/project-votes/${voteId}/attendance`);
    expect(a.statusCode).toBe(200);
    expect(a.json().signedIn).toBe(true);
    expect((await dep0.post(`/api/v1/project-votes/${voteId}/attendance`)).statusCode).toBe(200);
  });

  it('answers 400 to a plaintext ballot and to a ballot whose proofs fail, naming the field, and stores nothing', async () => {
    const plain = await dep0.post(`/api/v1/project-votes/${voteId}/ballots`, {
      choices: [d.candidateIds[0]],
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().errors.map((e: { field: string }) => e.field)).toContain('choices');
    // A proof from another ballot: the first ciphertext's 0-or-1 proof no longer matches.
    const honest = await encryptedBallot(dep0, voteId, [0]);
    const other = await encryptedBallot(dep0, voteId, [1]);
    const swapped = { ...honest, proofs: [other.proofs[0], ...honest.proofs.slice(1)] };
    const bad = await dep0.post(`/api/v1/project-votes/${voteId}/ballots`, swapped);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/^proofs\.0|^ciphertexts\.0/);
    // Five ciphertexts for six candidates.
    const short = await dep0.post(`/api/v1/project-votes/${voteId}/ballots`, {
      ...honest,
      ciphertexts: honest.ciphertexts.slice(0, 5),
    });
    expect(short.statusCode).toBe(400);
    const extra = await dep0.post(`/api/v1/project-votes/${voteId}/ballots`, { ...honest, note: 'x' });
    expect(extra.statusCode).toBe(400);
    expect(await ballotCount(voteId)).toBe(0);
    expect(await voterCount(voteId)).toBe(0);
  });

  it('takes an encrypted ballot with 201 and its receipt, and refuses a second one with 409 changing nothing', async () => {
    const ballot = await encryptedBallot(dep0, voteId, [0, 1]);
    const r = await dep0.post(`/api/v1/project-votes/${voteId}/ballots`, ballot);
    expect(r.statusCode).toBe(201);
    receipt = r.json().receipt;
    expect(Object.keys(r.json())).toEqual(['receipt']);
    expect(receipt).toBe(ballotReceipt(ballot));
    const again = await castAs(dep0, voteId, [2]);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_voted');
    // The same request sent again (a retry after a lost answer, or a balancer resending it) is told the
    // deputy has voted, not that the ballot is a copy.
    const resent = await dep0.post(`/api/v1/project-votes/${voteId}/ballots`, ballot);
    expect(resent.statusCode).toBe(409);
    expect(resent.json().code).toBe('already_voted');
    expect(await ballotCount(voteId)).toBe(1);
    expect(await voterCount(voteId)).toBe(1);
    // The same ciphertexts from another deputy (a copied ballot) are refused, naming them.
    const dep1 = await deputyClient(t, d, 1);
    const copy = await dep1.post(`/api/v1/project-votes/${voteId}/ballots`, ballot);
    expect(copy.statusCode).toBe(400);
    expect(copy.json().errors[0].field).toBe('ciphertexts');
    expect(await ballotCount(voteId)).toBe(1);
  });

  it('answers 403 to a deputy not on the roll', async () => {
    const outsider = await t.as('outsider', ['deputy'], { deputyId: await outsiderDeputy(t) });
    const r = await outsider.post(
      `/api/v1/project-votes/${voteId}/ballots`,
      await encryptedBallot(staff, voteId, []),
    );
    expect(r.statusCode).toBe(403);
    expect((await outsider.post(`/api/v1/project-votes/${voteId}/attendance`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/v1/project-votes?status=open`)).json().items).toEqual([]);
  });

  it('shows turnout during the vote but not results (409)', async () => {
    const v = await staff.get(`/api/v1/project-votes/${voteId}`);
    expect(v.json().turnout).toMatchObject({
      rollSize: 30,
      signedIn: 21,
      electronicBallots: 1,
      quorumNeeded: 20,
    });
    // The ballot shows each candidate's budget, lead unit and description.
    expect(v.json().candidates[0]).toMatchObject({
      title: '候选项目01',
      budget: expect.any(Number),
      leadUnitName: expect.stringMatching(/.+/),
      description: expect.any(String),
    });
    // What closing now would mean, from counts only: one ballot cannot give a project 16 of 30 votes.
    expect(v.json().closeForecast).toEqual({
      rollSize: 30,
      signedIn: 21,
      ballotsCast: 1,
      quorum: { needed: 20, reached: true },
      overCast: false,
      threshold: { base: 'roll', baseSize: 30, votesNeeded: 16, rule: 'majority' },
      places: 2,
      mostChosen: 0,
      noneReason: 'belowThreshold',
    });
    for (const c of [staff, dep0, t.anon]) {
      const r = await c.get(`/api/v1/project-votes/${voteId}/results`);
      expect(r.statusCode).toBe(409);
    }
    expect((await t.anon.get(`/api/v1/project-votes/${voteId}/results.xlsx`)).statusCode).toBe(409);
  });

  it('closes (staff), refuses ballots after close with 409, and publishes the counts once two of three tellers have decrypted the totals', async () => {
    // 15 more deputies vote: candidates 0 and 1 get more than half of the roll (16 of 30).
    for (let i = 1; i <= 15; i++) {
      const c = await deputyClient(t, d, i);
      const r = await castAs(c, voteId, [0, i % 2 ? 1 : 2]);
      expect(r.statusCode).toBe(201);
    }
    // 16 ballots of up to 2 marks, 16 votes needed: at most 2 projects can pass (never which, before close).
    const before = (await staff.get(`/api/v1/project-votes/${voteId}`)).json();
    expect(before.closeForecast).toMatchObject({ ballotsCast: 16, mostChosen: 2, noneReason: null });
    expect((await dep0.post(`/api/v1/project-votes/${voteId}/close`)).statusCode).toBe(403);
    const closed = await staff.post(`/api/v1/project-votes/${voteId}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'counting', electronicBallots: 16, result: null });
    // A ballot encrypted with the vote's key, too late.
    const lateBallot = encryptBallot(
      { voteId, curve: 'p256', publicKey: before.encryption.publicKey, candidates: 6, maxChoices: 2 },
      [],
    );
    expect((await dep0.post(`/api/v1/project-votes/${voteId}/ballots`, lateBallot)).statusCode).toBe(409);
    const late = await deputyClient(t, d, 16);
    expect((await late.post(`/api/v1/project-votes/${voteId}/ballots`, lateBallot)).statusCode).toBe(409);

    // No totals, no results, no bulletin before two tellers have decrypted.
    for (const c of [staff, t.anon]) {
      expect((await c.get(`/api/v1/project-votes/${voteId}/results`)).statusCode).toBe(409);
      expect((await c.get(`/api/v1/project-votes/${voteId}/bulletin`)).statusCode).toBe(409);
    }
    // Only a teller of this vote posts a partial decryption (403 for staff and a deputy, 401 anonymous).
    const { shares, tellers } = ceremonyOf(voteId);
    const ceremony = (await tellers[0].get(`/api/v1/project-votes/${voteId}/ceremony`)).json();
    const ctx = {
      voteId,
      curve: ceremony.curve,
      publicKey: ceremony.publicKey,
      candidates: 6,
      maxChoices: 2,
    };
    const pd1 = partialDecrypt(ctx, shares[0], ceremony.combined);
    const body = { partialDecryption: pd1 };
    expect((await staff.post(`/api/v1/project-votes/${voteId}/partial-decryptions`, body)).statusCode).toBe(
      403,
    );
    expect((await dep0.post(`/api/v1/project-votes/${voteId}/partial-decryptions`, body)).statusCode).toBe(
      403,
    );
    expect((await t.anon.post(`/api/v1/project-votes/${voteId}/partial-decryptions`, body)).statusCode).toBe(
      401,
    );
    // Teller 2 posting teller 1's factors as its own: the proofs are for teller 1's key share.
    const wrong = await tellers[1].post(`/api/v1/project-votes/${voteId}/partial-decryptions`, {
      partialDecryption: { ...pd1, teller: 2 },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toMatch(/^partialDecryption\./);
    const first = await decryptAs(voteId, 1);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ teller: 1, partialDecryptions: 1, tallied: false });
    expect((await decryptAs(voteId, 1)).statusCode).toBe(409);
    // One teller alone: still no totals.
    expect((await t.anon.get(`/api/v1/project-votes/${voteId}/results`)).statusCode).toBe(409);
    const second = await decryptAs(voteId, 3);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ teller: 3, partialDecryptions: 2, tallied: true });
    // After the count, a third partial decryption is refused (the vote is closed).
    expect((await decryptAs(voteId, 2)).statusCode).toBe(409);

    expect((await staff.get(`/api/v1/project-votes/${voteId}`)).json().closeForecast).toBeNull();
    const res = await t.anon.get(`/api/v1/project-votes/${voteId}/results`);
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.valid).toBe(true);
    expect(result.quorum).toEqual({ rollSize: 30, needed: 20, present: 21, reached: true });
    expect(result.turnout).toMatchObject({ signedIn: 21, ballotsCast: 16 });
    expect(result.threshold).toEqual({ base: 'roll', baseSize: 30, votesNeeded: 16, rule: 'majority' });
    const votes = Object.fromEntries(
      result.candidates.map((c: { id: string; votes: number }) => [c.id, c.votes]),
    );
    expect(votes[d.candidateIds[0]]).toBe(16);
    expect(votes[d.candidateIds[1]]).toBe(9);
    expect(votes[d.candidateIds[2]]).toBe(7);
    expect(result.chosen).toEqual([d.candidateIds[0]]);
    expect(result.shortfall).toBe(1);
    // The chosen project goes into implementation.
    const projects = await t.services.db
      .select()
      .from(livelihoodProjects)
      .where(eq(livelihoodProjects.voteId, voteId));
    expect(projects.map((p) => p.candidateId)).toEqual([d.candidateIds[0]]);
  });

  it('publishes the bulletin: every ballot by receipt (the deputy finds theirs), the partial decryptions, the totals; it verifies, and a swapped ciphertext does not', async () => {
    const r = await t.anon.get(`/api/v1/project-votes/${voteId}/bulletin`);
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.publicKey).toMatch(/^[0-9a-f]{66}$/);
    expect(b.ballots).toHaveLength(16);
    const receipts = b.ballots.map((x: { receipt: string }) => x.receipt);
    expect(receipts).toEqual([...receipts].sort());
    expect(receipts).toContain(receipt);
    expect(b.tally.partialDecryptions.map((p: { teller: number }) => p.teller).sort()).toEqual([1, 3]);
    expect(b.tally.totals[d.candidateIds[0]]).toBe(16);
    expect(b.tellers.map((x: { index: number }) => x.index)).toEqual([1, 2, 3]);
    // No teller's share, no boxed share, no voter in it.
    const text = JSON.stringify(b);
    for (const share of ceremonyOf(voteId).shares) expect(text).not.toContain(share.secret);
    expect(text).not.toContain('"box"');
    for (const id of d.deputyIds) expect(text).not.toContain(id);
    expect(verifyBulletin(b)).toEqual({ ok: true, totals: b.tally.totals });
    const tampered = structuredClone(b);
    const cts = tampered.ballots[0].ballot.ciphertexts;
    [cts[0], cts[1]] = [cts[1], cts[0]];
    expect(verifyBulletin(tampered).ok).toBe(false);
  });

  it('exports the published result as .xlsx and .docx', async () => {
    const x = await t.anon.get(`/api/v1/project-votes/${voteId}/results.xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain('候选项目01');
    expect(text).toContain('应到 30 人，实到 21 人');
    const w = await t.anon.get(`/api/v1/project-votes/${voteId}/results.docx`);
    expect(w.statusCode).toBe(200);
    expect(w.headers['content-type']).toMatch(/wordprocessingml/);
  });

  it('writes audit rows for each step, and the ballot row names no choice', async () => {
    const audit = await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, voteId));
    const actions = audit.map((a) => a.action);
    for (const a of [
      'projectVote.create',
      'projectVote.callRoll',
      'projectVote.signIn',
      'projectVote.open',
      'projectVote.castBallot',
      'projectVote.close',
    ])
      expect(actions).toContain(a);
    const cast = audit.filter((a) => a.action === 'projectVote.castBallot');
    expect(cast).toHaveLength(16);
    for (const c of cast) {
      expect(c.after).toBeNull();
      expect(JSON.stringify(c)).not.toContain(d.candidateIds[1]);
      expect(JSON.stringify(c)).not.toContain(receipt);
      // That a deputy voted, to the hour: no millisecond, no request to match with the log.
      expect(c.createdAt.getTime() % 3_600_000).toBe(0);
      expect(c.requestId).toBeNull();
    }
    for (const a of ['projectVote.appointTellers', 'projectVote.postCeremonyKey', 'projectVote.postDeal'])
      expect(actions).toContain(a);
    expect(actions.filter((a) => a === 'projectVote.postPartialDecryption')).toHaveLength(2);
  });
});

describe('quorum, paper ballots and reconciliation', () => {
  it('cannot open without quorum (409 no_quorum)', async () => {
    const created = await staff.post('/api/v1/project-votes', {
      year: 2027,
      title: '无法定人数',
      maxChoices: 2,
      candidateIds: d.candidateIds,
    });
    const voteId = created.json().id;
    expect((await staff.post(`/api/v1/project-votes/${voteId}/open`)).statusCode).toBe(409);
    await staff.post(`/api/v1/project-votes/${voteId}/roll`);
    for (const memberId of d.deputyIds.slice(0, 19))
      await staff.post(`/api/v1/project-votes/${voteId}/attendance`, { memberId });
    // No key yet: the tellers' ceremony comes before the vote can open.
    const noKey = await staff.post(`/api/v1/project-votes/${voteId}/open`);
    expect(noKey.statusCode).toBe(409);
    await holdCeremony(t, staff, voteId);
    // The tellers cannot be changed once their ceremony has started.
    const { accountIds } = ceremonyOf(voteId);
    const swap = await staff.put(`/api/v1/project-votes/${voteId}/tellers`, {
      accountIds: [accountIds[1], accountIds[0], accountIds[2]],
    });
    expect(swap.statusCode).toBe(409);
    expect(swap.json().code).toBe('ceremony_started');
    const r = await staff.post(`/api/v1/project-votes/${voteId}/open`);
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'no_quorum', rollSize: 30, signedIn: 19, needed: 20 });
    await staff.post(`/api/v1/project-votes/${voteId}/attendance`, { memberId: d.deputyIds[19] });
    expect((await staff.post(`/api/v1/project-votes/${voteId}/open`)).statusCode).toBe(200);
  });

  it('lets staff discard an unconfirmed paper count for a recount, but never an accepted one', async () => {
    const voteId = await openVoteWith(t, staff, d, { maxChoices: 2, present: 20 });
    const teller2 = await t.as('teller_recount', ['congressStaff']);
    const [a] = d.candidateIds;
    const count = { issued: 3, returned: 3, valid: 2, void: 0, blank: 1, counts: { [a]: 2 } };
    expect((await staff.post(`/api/v1/project-votes/${voteId}/paper-counts`, count)).statusCode).toBe(201);
    expect((await staff.delete(`/api/v1/project-votes/${voteId}/paper-counts`)).statusCode).toBe(204);
    expect(
      await t.services.db.$count(projectVotePaperCounts, eq(projectVotePaperCounts.voteId, voteId)),
    ).toBe(0);
    const actions = (
      await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, voteId))
    ).map((x) => x.action);
    expect(actions).toContain('projectVote.discardPaperCounts');
    // The same teller may count again after the discard; a second teller confirms.
    expect((await staff.post(`/api/v1/project-votes/${voteId}/paper-counts`, count)).json()).toEqual({
      accepted: false,
      entries: 1,
    });
    expect((await teller2.post(`/api/v1/project-votes/${voteId}/paper-counts`, count)).json()).toEqual({
      accepted: true,
      entries: 2,
    });
    const refused = await staff.delete(`/api/v1/project-votes/${voteId}/paper-counts`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('paper_tally_accepted');
    expect(
      await t.services.db.$count(projectVotePaperCounts, eq(projectVotePaperCounts.voteId, voteId)),
    ).toBe(2);
    expect((await staff.get(`/api/v1/project-votes/${voteId}`)).json().turnout.paperBallots).toBe(3);
  });

  it('accepts paper statements only when two tellers agree on every figure, and voids a vote with more ballots than signed in', async () => {
    const voteId = await openVoteWith(t, staff, d, { maxChoices: 2, present: 20 });
    const teller2 = await t.as('teller2', ['congressStaff']);
    const teller3 = await t.as('teller3', ['congressStaff']);
    const [a, b] = d.candidateIds;
    const statement19 = { issued: 19, returned: 19, valid: 18, void: 0, blank: 1 };
    const first = await staff.post(`/api/v1/project-votes/${voteId}/paper-counts`, {
      ...statement19,
      counts: { [a]: 18, [b]: 17 },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ accepted: false, entries: 1 });
    expect(
      (
        await staff.post(`/api/v1/project-votes/${voteId}/paper-counts`, {
          ...statement19,
          counts: { [a]: 18, [b]: 17 },
        })
      ).json().code,
    ).toBe('teller_already_counted');
    const disagree = await teller2.post(`/api/v1/project-votes/${voteId}/paper-counts`, {
      ...statement19,
      counts: { [a]: 18, [b]: 16 },
    });
    expect(disagree.statusCode).toBe(409);
    expect(disagree.json().code).toBe('paper_counts_disagree');
    expect(disagree.json().figures).toEqual([`counts.${b}`]);
    expect(
      await t.services.db.$count(projectVotePaperCounts, eq(projectVotePaperCounts.voteId, voteId)),
    ).toBe(1);
    const bad = await teller2.post(`/api/v1/project-votes/${voteId}/paper-counts`, {
      issued: 5,
      returned: 5,
      valid: 5,
      void: 0,
      blank: 0,
      counts: { [a]: 6, [d.deputyIds[0]]: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual([`counts.${a}`, `counts.${d.deputyIds[0]}`].sort());
    const agree = await teller3.post(`/api/v1/project-votes/${voteId}/paper-counts`, {
      ...statement19,
      counts: { [a]: 18, [b]: 17 },
    });
    expect(agree.json()).toEqual({ accepted: true, entries: 2 });
    const [vote] = await t.services.db.select().from(projectVotes).where(eq(projectVotes.id, voteId));
    expect(vote.paperTally).toMatchObject({ ballots: 19 });
    // Two electronic ballots on top of 19 paper ones: 21 cast, 20 signed in → void.
    for (const i of [0, 1]) {
      const c = await deputyClient(t, d, i);
      expect((await castAs(c, voteId, [0])).statusCode).toBe(201);
    }
    const closed = await closeAndCount(staff, voteId);
    expect(closed.json()).toMatchObject({
      valid: false,
      invalidReason: 'overCast',
      chosen: [],
      paperBallots: 19,
      electronicBallots: 2,
    });
    expect(await t.services.db.$count(livelihoodProjects, eq(livelihoodProjects.voteId, voteId))).toBe(0);
  });

  it('sends a three-way tie for two seats to a runoff among the tied', async () => {
    const voteId = await openVoteWith(t, staff, d, { maxChoices: 2, present: 30 });
    const [a, b, c] = d.candidateIds;
    for (let i = 0; i < 30; i++) {
      const client = await deputyClient(t, d, i);
      const choices = i < 10 ? [0, 1] : i < 20 ? [0, 2] : [1, 2];
      expect((await castAs(client, voteId, choices)).statusCode).toBe(201);
    }
    const r = (await closeAndCount(staff, voteId)).json();
    expect(r.valid).toBe(true);
    expect(r.chosen).toEqual([]);
    expect(r.runoff).toEqual({ candidateIds: [a, b, c].sort(), seats: 2 });
    expect(r.shortfall).toBe(0);
    const runoff = await staff.post(`/api/v1/project-votes/${voteId}/runoff`);
    expect(runoff.statusCode).toBe(201);
    expect(runoff.json()).toMatchObject({ status: 'draft', maxChoices: 2, parentVoteId: voteId });
    expect(
      runoff
        .json()
        .candidates.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([a, b, c].sort());
  });
});
