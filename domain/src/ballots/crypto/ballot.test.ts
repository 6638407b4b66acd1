// Encrypted ballots: the proofs accept honest ballots (blank included) on both curves and refuse
// a candidate encrypting 2, one choice too many, a proof from another vote, and every tampering,
// naming the field.
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import {
  addCiphertexts,
  ballotReceipt,
  candidatePrefix,
  combineBallots,
  encryptBallot,
  sumPrefix,
  verifyBallot,
} from './ballot';
import { group, SM2_PARAMS } from './group';
import { proveDisjunctive } from './proofs';
import type { BallotContext, CurveName, EncryptedBallot } from './types';

function context(
  curve: CurveName,
  candidates = 4,
  maxChoices = 2,
  voteId = 'vote-a',
): { ctx: BallotContext; sk: bigint } {
  const g = group(curve);
  const sk = g.randomScalar();
  return { ctx: { voteId, curve, publicKey: g.pointHex(g.mulG(sk)), candidates, maxChoices }, sk };
}

/** Decrypts one ciphertext with the whole key (tests only; in a vote nobody holds it). */
function decryptOne(curve: CurveName, sk: bigint, c: { a: string; b: string }): number {
  const g = group(curve);
  const M = g.parsePoint(c.b, 'b').subtract(g.parsePoint(c.a, 'a').multiply(sk));
  for (let m = 0; m < 10; m++) if (g.mulG(BigInt(m)).equals(M) || (m === 0 && M.is0())) return m;
  throw new Error('not small');
}

/**
 * A dishonest voter's ballot: the plaintexts may be anything, and the proofs claim `claimed`
 * values (what an honest proof would say if the plaintexts were valid), built with the real prover.
 */
function cheatingBallot(
  ctx: BallotContext,
  plaintexts: number[],
  claimed: number[],
  claimedSum: number,
): EncryptedBallot {
  const g = group(ctx.curve);
  const H = g.parsePoint(ctx.publicKey, 'pk');
  const rs = plaintexts.map(() => g.randomScalar());
  const pts = plaintexts.map((m, i) => ({ a: g.mulG(rs[i]), b: H.multiply(rs[i]).add(g.mulG(BigInt(m))) }));
  const ciphertexts = pts.map(({ a, b }) => ({ a: g.pointHex(a), b: g.pointHex(b) }));
  const receipt = ballotReceipt({
    ciphertexts,
    proofs: [],
    sumProof: { commitments: [], challenges: [], responses: [] },
  });
  const proofs = pts.map(({ a, b }, i) =>
    proveDisjunctive(g, H, candidatePrefix(ctx, receipt, i), a, b, claimed[i], rs[i], 2),
  );
  const A = pts.reduce((acc, p) => acc.add(p.a), g.ZERO);
  const B = pts.reduce((acc, p) => acc.add(p.b), g.ZERO);
  const r = g.mod(rs.reduce((x, y) => x + y, 0n));
  const sumProof = proveDisjunctive(g, H, sumPrefix(ctx, receipt), A, B, claimedSum, r, ctx.maxChoices + 1);
  return { ciphertexts, proofs, sumProof };
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe.each(['p256', 'sm2'] as const)('ballots on %s', { timeout: 60_000 }, (curve) => {
  const { ctx, sk } = context(curve);

  it('encrypts one ciphertext per candidate that decrypts to the choice, and verifies', () => {
    const ballot = encryptBallot(ctx, [1, 3]);
    expect(ballot.ciphertexts).toHaveLength(4);
    expect(ballot.ciphertexts.map((c) => decryptOne(curve, sk, c))).toEqual([0, 1, 0, 1]);
    const v = verifyBallot(ctx, ballot);
    expect(v).toEqual({ ok: true, ballot });
  });

  it('accepts a blank ballot and a ballot with exactly maxChoices', () => {
    expect(verifyBallot(ctx, encryptBallot(ctx, [])).ok).toBe(true);
    expect(verifyBallot(ctx, encryptBallot(ctx, [0, 2])).ok).toBe(true);
  });

  it('refuses a candidate encrypting 2, naming its proof', () => {
    const bad = cheatingBallot(ctx, [0, 2, 0, 0], [0, 1, 0, 0], 2);
    expect(verifyBallot(ctx, bad)).toMatchObject({ ok: false, field: 'proofs[1]' });
  });

  it('refuses maxChoices + 1 choices, naming the sum proof', () => {
    const bad = cheatingBallot(ctx, [1, 1, 1, 0], [1, 1, 1, 0], 2);
    expect(verifyBallot(ctx, bad)).toMatchObject({ ok: false, field: 'sumProof' });
  });

  it('refuses a proof made for another vote', () => {
    const ballot = encryptBallot(ctx, [2]);
    const other = { ...ctx, voteId: 'vote-b' };
    expect(verifyBallot(other, ballot)).toMatchObject({ ok: false, field: 'proofs' });
    expect(verifyBallot({ ...ctx, maxChoices: 3 }, ballot)).toMatchObject({
      ok: false,
      field: 'sumProof.commitments',
    });
  });

  it('names each tampered field', () => {
    const ballot = encryptBallot(ctx, [0]);
    const other = encryptBallot(ctx, [1]);
    const g = group(curve);
    const cases: [string, (b: EncryptedBallot) => unknown, string][] = [
      ['a swapped ciphertext', (b) => ((b.ciphertexts[2] = other.ciphertexts[2]), b), 'proofs[2]'],
      ['a response', (b) => ((b.proofs[1].responses[0] = g.scalarHex(5n)), b), 'proofs[1]'],
      ['a challenge', (b) => ((b.proofs[3].challenges[1] = g.scalarHex(7n)), b), 'proofs[3]'],
      ['a commitment', (b) => ((b.proofs[0].commitments[1] = g.pointHex(g.mulG(3n))), b), 'proofs[0]'],
      ['the sum proof', (b) => ((b.sumProof.responses[2] = g.scalarHex(9n)), b), 'sumProof'],
      [
        'a point off the curve',
        (b) => ((b.ciphertexts[1].a = '02' + 'ff'.repeat(32)), b),
        'ciphertexts[1].a',
      ],
      [
        'an uppercase point',
        (b) => ((b.ciphertexts[0].b = b.ciphertexts[0].b.toUpperCase()), b),
        'ciphertexts[0].b',
      ],
      ['the point at infinity', (b) => ((b.ciphertexts[3].a = '00'), b), 'ciphertexts[3].a'],
      ['a scalar ≥ n', (b) => ((b.proofs[2].responses[1] = 'f'.repeat(64)), b), 'proofs[2].responses[1]'],
      ['too few ciphertexts', (b) => (b.ciphertexts.pop(), b), 'ciphertexts'],
      ['too many proofs', (b) => (b.proofs.push(b.proofs[0]), b), 'proofs'],
      ['a short proof', (b) => (b.proofs[1].challenges.pop(), b), 'proofs[1].challenges'],
      ['a missing sum proof', (b) => ({ ...b, sumProof: undefined }), 'sumProof'],
      ['not an object', () => 'ballot', 'ballot'],
      ['plaintext choices', () => ({ choices: [1] }), 'ciphertexts'],
    ];
    for (const [what, tamper, field] of cases) {
      const v = verifyBallot(ctx, tamper(clone(ballot)));
      expect(v.ok, what).toBe(false);
      if (!v.ok) {
        expect(v.field, what).toBe(field);
        expect(v.reason.length, what).toBeGreaterThan(5);
      }
    }
  });

  it('adds ballots per candidate, incrementally or at once', () => {
    const ballots = [[0], [0, 1], [], [3]].map((c) => encryptBallot(ctx, c));
    const total = combineBallots(ctx, ballots);
    expect(total.map((c) => decryptOne(curve, sk, c))).toEqual([2, 1, 0, 1]);
    let running = combineBallots(ctx, []);
    for (const b of ballots) running = addCiphertexts(curve, running, b.ciphertexts);
    expect(running).toEqual(total);
    expect(
      combineBallots(
        ctx,
        ballots.map((b) => b.ciphertexts),
      ),
    ).toEqual(total);
  });
});

describe('ballot encryption refuses invalid choices and the receipt', () => {
  const { ctx } = context('p256', 3, 1);
  it('refuses too many, repeated or unknown choices', () => {
    expect(() => encryptBallot(ctx, [0, 1])).toThrow(/at most 1/);
    expect(() => encryptBallot({ ...ctx, maxChoices: 3 }, [1, 1])).toThrow(/twice/);
    expect(() => encryptBallot(ctx, [3])).toThrow(/not a candidate/);
  });
  it('is SHA-256 of the compressed points in order, and differs between ballots', () => {
    const b = encryptBallot(ctx, [2]);
    const bytes = hexToBytes(b.ciphertexts.map((c) => c.a + c.b).join(''));
    expect(ballotReceipt(b)).toBe(bytesToHex(sha256(bytes)));
    expect(ballotReceipt(encryptBallot(ctx, [2]))).not.toBe(ballotReceipt(b));
  });
});

describe('the SM2 curve', () => {
  it('has the GB/T 32918.5 parameters: G is on the curve and n·G is the identity', () => {
    const g = group('sm2');
    const { p, a, b, Gx, Gy } = SM2_PARAMS;
    expect((Gy * Gy - (Gx * Gx * Gx + a * Gx + b)) % p).toBe(0n);
    expect(
      g.G.multiply(g.n - 1n)
        .add(g.G)
        .is0(),
    ).toBe(true);
    expect(g.n).toBe(SM2_PARAMS.n);
  });
});
