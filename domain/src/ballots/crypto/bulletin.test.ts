// The public bulletin's verifier: accepts an honest vote of 30 ballots and refuses every tampering
// with a fault that names it.
import { describe, expect, it } from 'vitest';
import { encryptBallot } from './ballot';
import { group } from './group';
import { simulateVote } from './simulate';
import { verifyBulletin } from './bulletin';
import { encryptedBallotSchema, partialDecryptionSchema, tellerShareSchema } from './schemas';
import type { Bulletin } from './types';

const candidates = ['甲', '乙', '丙', '丁', '戊'].map((name, i) => ({
  id: `p${i + 1}`,
  name: `项目${name}`,
}));
const choices = Array.from({ length: 30 }, (_, i) =>
  [i % 5, (i * 3 + 1) % 5, (i * 7 + 2) % 5].slice(0, i % 4),
);
const deduped = choices.map((c) => [...new Set(c)]);
const plainTotals = candidates.map((_, j) => deduped.filter((c) => c.includes(j)).length);
const paperTotals = { p1: 2, p2: 0, p3: 1, p4: 0, p5: 3 };
const { bulletin } = simulateVote({
  voteId: 'lv-2026-07',
  candidates,
  maxChoices: 3,
  ballots: deduped,
  paperTotals,
  decryptingTellers: [3, 1],
});
const tamper = (f: (b: Bulletin) => void) => {
  const b = structuredClone(bulletin);
  f(b);
  return verifyBulletin(b);
};

describe('verifyBulletin', { timeout: 120_000 }, () => {
  it('accepts an honest bulletin and gives electronic + paper totals', () => {
    const v = verifyBulletin(JSON.parse(JSON.stringify(bulletin)));
    const expected = Object.fromEntries(
      candidates.map((c, j) => [c.id, plainTotals[j] + paperTotals[c.id as keyof typeof paperTotals]]),
    );
    expect(v).toEqual({ ok: true, totals: expected });
    expect(bulletin.ballots).toHaveLength(30);
  });

  it('refuses a swapped ciphertext', () => {
    const other = encryptBallot(
      { voteId: bulletin.voteId, curve: 'p256', publicKey: bulletin.publicKey, candidates: 5, maxChoices: 3 },
      [0],
    );
    const v = tamper((b) => (b.ballots[7].ballot.ciphertexts[2] = other.ciphertexts[2]));
    expect(v).toMatchObject({ ok: false, fault: expect.stringMatching(/^ballots\[7\].*proofs\[2\]/) });
  });

  it('refuses a ballot replaced by another valid one (its receipt no longer matches, or the sum does)', () => {
    const ctx = {
      voteId: bulletin.voteId,
      curve: 'p256' as const,
      publicKey: bulletin.publicKey,
      candidates: 5,
      maxChoices: 3,
    };
    expect(tamper((b) => (b.ballots[4].ballot = encryptBallot(ctx, [1])))).toMatchObject({
      ok: false,
      fault: expect.stringMatching(/ballots\[4\]\.receipt is not the hash/),
    });
  });

  it('refuses a removed ballot', () => {
    expect(tamper((b) => b.ballots.splice(12, 1))).toMatchObject({
      ok: false,
      fault: expect.stringMatching(/tally\.combined\[\d\].*removed/),
    });
  });

  it('refuses a changed total, electronic or final', () => {
    expect(tamper((b) => (b.tally.electronicTotals.p3 += 1))).toMatchObject({
      ok: false,
      fault: expect.stringMatching(/electronicTotals\['p3'\]/),
    });
    expect(tamper((b) => (b.tally.totals.p2 -= 1))).toMatchObject({
      ok: false,
      fault: expect.stringMatching(/tally\.totals\['p2'\]/),
    });
    expect(tamper((b) => (b.tally.paperTotals!.p5 = 9))).toMatchObject({
      ok: false,
      fault: expect.stringMatching(/tally\.totals\['p5'\]/),
    });
  });

  it('refuses a forged partial decryption', () => {
    const g = group('p256');
    expect(
      tamper((b) => {
        const f = b.tally.partialDecryptions[1].factors;
        f[0] = g.pointHex(g.parsePoint(f[0], 'f').add(g.G));
      }),
    ).toMatchObject({
      ok: false,
      fault: expect.stringMatching(/partialDecryptions\[1\] \(teller 1\): factors\[0\]/),
    });
    expect(tamper((b) => b.tally.partialDecryptions.pop())).toMatchObject({
      ok: false,
      fault: expect.stringMatching(/threshold is 2/),
    });
  });

  it('refuses a replaced key, unsorted receipts, and a non-bulletin', () => {
    const g = group('p256');
    expect(tamper((b) => (b.publicKey = g.pointHex(g.mulG(5n))))).toMatchObject({
      ok: false,
      fault: expect.stringMatching(/publicKey/),
    });
    expect(tamper((b) => (b.tellers[2].verificationKey = b.tellers[0].verificationKey))).toMatchObject({
      ok: false,
      fault: expect.stringMatching(/tellers\[2\]\.verificationKey/),
    });
    expect(tamper((b) => b.ballots.reverse())).toMatchObject({
      ok: false,
      fault: expect.stringMatching(/sorted/),
    });
    expect(tamper((b) => b.ballots.push(b.ballots[29]))).toMatchObject({
      ok: false,
      fault: expect.stringMatching(/sorted and distinct/),
    });
    expect(verifyBulletin(null)).toMatchObject({ ok: false });
    expect(verifyBulletin({ ...bulletin, curve: 'p384' })).toMatchObject({
      ok: false,
      fault: expect.stringMatching(/curve/),
    });
  });

  it('verifies an SM2 vote end to end', () => {
    const sm2 = simulateVote({
      curve: 'sm2',
      candidates: candidates.slice(0, 3),
      maxChoices: 2,
      ballots: [[0], [1, 2], [], [2]],
    });
    expect(verifyBulletin(sm2.bulletin)).toEqual({ ok: true, totals: { p1: 1, p2: 1, p3: 2 } });
  });

  it('verifies a vote with no electronic ballot (identity sums), paper only', () => {
    const empty = simulateVote({
      candidates: candidates.slice(0, 2),
      maxChoices: 1,
      ballots: [],
      paperTotals: { p1: 4, p2: 1 },
    });
    expect(empty.bulletin.tally.combined[0]).toEqual({ a: '00', b: '00' });
    expect(verifyBulletin(empty.bulletin)).toEqual({ ok: true, totals: { p1: 4, p2: 1 } });
  });

  it('produces objects that the zod schemas accept', () => {
    const { shares } = simulateVote({ candidates: candidates.slice(0, 2), maxChoices: 1, ballots: [[1]] });
    expect(encryptedBallotSchema.safeParse(bulletin.ballots[0].ballot).success).toBe(true);
    expect(partialDecryptionSchema.safeParse(bulletin.tally.partialDecryptions[0]).success).toBe(true);
    expect(tellerShareSchema.safeParse(shares[0]).success).toBe(true);
    expect(encryptedBallotSchema.safeParse({ choices: [1] }).success).toBe(false);
  });
});
