// Zero-knowledge proofs, all non-interactive by Fiat–Shamir with SHA-256 over the vote's context
// and the statement:
// - disjunctive Chaum–Pedersen (Cramer–Damgård–Schoenmakers) that an ElGamal ciphertext (a, b)
//   encrypts one of 0..k-1: for each j, a proof that log_G(a) = log_H(b - jG), all but one simulated;
// - Chaum–Pedersen that a partial decryption F = s·a uses the teller's share s (log_G(K) = log_a(F)).
// Verification of the disjunctive proofs is batched: the commitments are carried in the proof, the
// challenges are checked against the hash, and all the verification equations of a ballot are
// checked at once by a random linear combination (small-exponent batch test, error ≤ 2^-128).
import { CryptoInputError, type Group, type Point } from './group';
import type { BallotContext, DisjunctiveProof } from './types';

export function contextParts(ctx: BallotContext): (string | number)[] {
  return [ctx.voteId, ctx.publicKey, ctx.candidates, ctx.maxChoices];
}

/** Collects Σ w·(equation) = 0 over many equations; G and H get fixed-base tables. */
export class BatchCheck {
  private gScalar = 0n;
  private hScalar = 0n;
  private readonly index = new Map<Point, number>();
  private readonly points: Point[] = [];
  private readonly scalars: bigint[] = [];
  constructor(
    private readonly g: Group,
    private readonly H: Point,
  ) {}
  addG(k: bigint) {
    this.gScalar += k;
  }
  addH(k: bigint) {
    this.hScalar += k;
  }
  add(P: Point, k: bigint) {
    if (P.is0()) return;
    const i = this.index.get(P);
    if (i === undefined) {
      this.index.set(P, this.points.length);
      this.points.push(P);
      this.scalars.push(k);
    } else this.scalars[i] += k;
  }
  /** One check holding the equations of several (the random weights keep them independent). */
  static merge(g: Group, H: Point, batches: BatchCheck[]): BatchCheck {
    const out = new BatchCheck(g, H);
    for (const b of batches) {
      out.gScalar += b.gScalar;
      out.hScalar += b.hScalar;
      b.points.forEach((P, i) => out.add(P, b.scalars[i]));
    }
    return out;
  }
  /** A 128-bit random weight. */
  weight(): bigint {
    return this.g.randomScalar() & ((1n << 128n) - 1n) || 1n;
  }
  holds(): boolean {
    const g = this.g;
    const sum = g.mulG(this.gScalar).add(g.mul(this.H, this.hScalar)).add(g.msm(this.points, this.scalars));
    return sum.is0();
  }
}

/** Proves that (a, b) = (rG, mG + rH) with m in 0..k-1. */
export function proveDisjunctive(
  g: Group,
  H: Point,
  prefix: (string | number)[],
  a: Point,
  b: Point,
  m: number,
  r: bigint,
  k: number,
): DisjunctiveProof {
  const commitments: Point[] = [];
  const challenges: bigint[] = new Array(k);
  const responses: bigint[] = new Array(k);
  const w = g.randomScalar();
  for (let j = 0; j < k; j++) {
    if (j === m) {
      commitments.push(g.mulG(w), g.mul(H, w));
      continue;
    }
    // Simulated branch, computed with fixed bases only since the prover knows r:
    // A = sG - c·a = (s - cr)G;  B = sH - c(b - jG) = (s - cr)H + c(j - m)G.
    const c = g.randomScalar();
    const s = g.randomScalar();
    const t = g.mod(s - c * r);
    challenges[j] = c;
    responses[j] = s;
    commitments.push(g.mulG(t), g.mul(H, t).add(g.mulG(c * BigInt(j - m))));
  }
  const commitHex = commitments.map((P) => g.pointHex(P));
  const c = g.challenge([...prefix, g.pointHex(a), g.pointHex(b), ...commitHex]);
  let rest = c;
  for (let j = 0; j < k; j++) if (j !== m) rest -= challenges[j];
  challenges[m] = g.mod(rest);
  responses[m] = g.mod(w + challenges[m] * r);
  return {
    commitments: commitHex,
    challenges: challenges.map((x) => g.scalarHex(x)),
    responses: responses.map((x) => g.scalarHex(x)),
  };
}

/**
 * Parses a disjunctive proof and adds its equations to the batch; answers whether its challenges
 * add up to the Fiat–Shamir hash. Throws CryptoInputError naming the field on a malformed proof.
 */
export function checkDisjunctive(
  g: Group,
  prefix: (string | number)[],
  a: Point,
  b: Point,
  k: number,
  proof: unknown,
  field: string,
  batch: BatchCheck,
): boolean {
  if (typeof proof !== 'object' || proof === null)
    throw new CryptoInputError(field, 'must be a proof object');
  const p = proof as Partial<DisjunctiveProof>;
  for (const [key, len] of [
    ['commitments', 2 * k],
    ['challenges', k],
    ['responses', k],
  ] as const) {
    const v = p[key];
    if (!Array.isArray(v) || v.length !== len)
      throw new CryptoInputError(`${field}.${key}`, `must be an array of ${len}`);
  }
  const commitments = p.commitments!.map((h, i) => g.parsePoint(h, `${field}.commitments[${i}]`));
  const challenges = p.challenges!.map((h, i) => g.parseScalar(h, `${field}.challenges[${i}]`));
  const responses = p.responses!.map((h, i) => g.parseScalar(h, `${field}.responses[${i}]`));
  const c = g.challenge([...prefix, g.pointHex(a), g.pointHex(b), ...(p.commitments as string[])]);
  let sum = 0n;
  for (const x of challenges) sum += x;
  for (let j = 0; j < k; j++) {
    // s·G = A + c·a   and   s·H = B + c·(b - jG)
    const rho = batch.weight();
    const sigma = batch.weight();
    const s = responses[j];
    const cj = challenges[j];
    batch.addG(rho * s + sigma * cj * BigInt(j));
    batch.add(commitments[2 * j], -rho);
    batch.add(a, -rho * cj);
    batch.addH(sigma * s);
    batch.add(commitments[2 * j + 1], -sigma);
    batch.add(b, -sigma * cj);
  }
  return g.mod(sum) === c;
}

/** Chaum–Pedersen: log_G(K) = log_a(F) = s. */
export function proveEqualLogs(
  g: Group,
  prefix: (string | number)[],
  K: Point,
  a: Point,
  F: Point,
  s: bigint,
): { c: string; r: string } {
  const w = g.randomScalar();
  const T1 = g.mulG(w);
  const T2 = g.mul(a, w);
  const c = g.challenge([
    ...prefix,
    g.pointHex(K),
    g.pointHex(a),
    g.pointHex(F),
    g.pointHex(T1),
    g.pointHex(T2),
  ]);
  return { c: g.scalarHex(c), r: g.scalarHex(w + c * s) };
}

export function checkEqualLogs(
  g: Group,
  prefix: (string | number)[],
  K: Point,
  a: Point,
  F: Point,
  c: bigint,
  r: bigint,
): boolean {
  const T1 = g.mulG(r).subtract(g.mul(K, c));
  const T2 = g.mul(a, r).subtract(g.mul(F, c));
  return (
    g.challenge([...prefix, g.pointHex(K), g.pointHex(a), g.pointHex(F), g.pointHex(T1), g.pointHex(T2)]) ===
    c
  );
}
