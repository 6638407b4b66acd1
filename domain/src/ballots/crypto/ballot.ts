// Encrypting, verifying and adding ballots: one exponential-ElGamal ciphertext per candidate,
// a 0/1 proof for each, and a proof that their sum encrypts 0..maxChoices.
import { CryptoInputError, group, isCurveName, sha256Hex, type Group, type Point } from './group';
import { BatchCheck, checkDisjunctive, contextParts, proveDisjunctive } from './proofs';
import type { BallotContext, Ciphertext, CurveName, EncryptedBallot, Hex } from './types';

export function checkContext(ctx: BallotContext): Group {
  if (!ctx || typeof ctx !== 'object') throw new Error('ballot context missing');
  if (!isCurveName(ctx.curve)) throw new Error(`unknown curve ${String(ctx.curve)}`);
  if (typeof ctx.voteId !== 'string' || ctx.voteId === '') throw new Error('ballot context: voteId missing');
  if (!Number.isInteger(ctx.candidates) || ctx.candidates < 1 || ctx.candidates > 1000)
    throw new Error('ballot context: candidates must be an integer in 1..1000');
  if (!Number.isInteger(ctx.maxChoices) || ctx.maxChoices < 0 || ctx.maxChoices > ctx.candidates)
    throw new Error('ballot context: maxChoices must be an integer in 0..candidates');
  return group(ctx.curve);
}

function receiptOf(hexes: Hex[]): Hex {
  const bytes = new Uint8Array(hexes.length * 33);
  hexes.forEach((h, i) => {
    for (let k = 0; k < 33; k++) bytes[i * 33 + k] = parseInt(h.slice(2 * k, 2 * k + 2), 16);
  });
  return sha256Hex(bytes);
}

/** SHA-256 of a_0 ‖ b_0 ‖ a_1 ‖ b_1 ‖ … (compressed points): the voter's receipt. */
export function ballotReceipt(ballot: EncryptedBallot): Hex {
  return receiptOf(ballot.ciphertexts.flatMap((c) => [c.a, c.b]));
}

export const candidatePrefix = (ctx: BallotContext, receipt: Hex, i: number) => [
  '01',
  ...contextParts(ctx),
  receipt,
  i,
];
export const sumPrefix = (ctx: BallotContext, receipt: Hex) => ['0n', ...contextParts(ctx), receipt];

/**
 * Builds what encrypting a ballot of this vote needs once per page (the precomputed tables of the group's
 * generator and of the vote's key), so that a page can do it while the deputy is still choosing and the
 * encryption after "confirm" is the ballot's own work only. Encrypting without it builds them first.
 */
export function prepareBallot(ctx: BallotContext): void {
  checkContext(ctx).fixedBase(ctx.publicKey);
}

export function encryptBallot(ctx: BallotContext, choices: number[]): EncryptedBallot {
  const g = checkContext(ctx);
  const H = g.fixedBase(ctx.publicKey);
  const chosen = new Set<number>();
  for (const c of choices) {
    if (!Number.isInteger(c) || c < 0 || c >= ctx.candidates)
      throw new Error(`choice ${c} is not a candidate index`);
    if (chosen.has(c)) throw new Error(`choice ${c} appears twice`);
    chosen.add(c);
  }
  if (chosen.size > ctx.maxChoices) throw new Error(`at most ${ctx.maxChoices} choices`);
  const rs: bigint[] = [];
  const pts: { a: Point; b: Point; m: number }[] = [];
  for (let i = 0; i < ctx.candidates; i++) {
    const r = g.randomScalar();
    const m = chosen.has(i) ? 1 : 0;
    const rH = g.mul(H, r);
    rs.push(r);
    pts.push({ a: g.mulG(r), b: m ? rH.add(g.G) : rH, m });
  }
  const ciphertexts = pts.map(({ a, b }) => ({ a: g.pointHex(a), b: g.pointHex(b) }));
  const receipt = receiptOf(ciphertexts.flatMap((c) => [c.a, c.b]));
  const proofs = pts.map(({ a, b, m }, i) =>
    proveDisjunctive(g, H, candidatePrefix(ctx, receipt, i), a, b, m, rs[i], 2),
  );
  let A = g.ZERO;
  let B = g.ZERO;
  for (const p of pts) {
    A = A.add(p.a);
    B = B.add(p.b);
  }
  const rSum = g.mod(rs.reduce((x, y) => x + y, 0n));
  const sumProof = proveDisjunctive(
    g,
    H,
    sumPrefix(ctx, receipt),
    A,
    B,
    chosen.size,
    rSum,
    ctx.maxChoices + 1,
  );
  return { ciphertexts, proofs, sumProof };
}

function parseCiphertexts(g: Group, x: unknown, count: number, field: string): { a: Point; b: Point }[] {
  if (!Array.isArray(x) || x.length !== count)
    throw new CryptoInputError(field, `must be an array of ${count}`);
  return x.map((c, i) => {
    if (typeof c !== 'object' || c === null) throw new CryptoInputError(`${field}[${i}]`, 'must be { a, b }');
    const { a, b } = c as Partial<Ciphertext>;
    return { a: g.parsePoint(a, `${field}[${i}].a`), b: g.parsePoint(b, `${field}[${i}].b`) };
  });
}

/**
 * Checks an untrusted ballot: its shape (lengths, hex, points on the curve) and every proof.
 * The answer names the first faulty field, e.g. "proofs[3]" or "sumProof.challenges".
 */
export function verifyBallot(
  ctx: BallotContext,
  ballot: unknown,
): { ok: true; ballot: EncryptedBallot } | { ok: false; field: string; reason: string } {
  const g = checkContext(ctx);
  try {
    const H = g.fixedBase(ctx.publicKey);
    if (typeof ballot !== 'object' || ballot === null || Array.isArray(ballot))
      throw new CryptoInputError('ballot', 'must be an object { ciphertexts, proofs, sumProof }');
    const x = ballot as Partial<EncryptedBallot>;
    const cts = parseCiphertexts(g, x.ciphertexts, ctx.candidates, 'ciphertexts');
    if (!Array.isArray(x.proofs) || x.proofs.length !== ctx.candidates)
      throw new CryptoInputError('proofs', `must be an array of ${ctx.candidates}`);
    const clean: EncryptedBallot = {
      ciphertexts: x.ciphertexts!.map((c) => ({ a: c.a, b: c.b })),
      proofs: [],
      sumProof: { commitments: [], challenges: [], responses: [] },
    };
    const receipt = ballotReceipt(clean);
    const proofBatches: BatchCheck[] = [];
    const hashOk: boolean[] = [];
    cts.forEach(({ a, b }, i) => {
      const batch = new BatchCheck(g, H);
      hashOk.push(
        checkDisjunctive(g, candidatePrefix(ctx, receipt, i), a, b, 2, x.proofs![i], `proofs[${i}]`, batch),
      );
      proofBatches.push(batch);
    });
    let A = g.ZERO;
    let B = g.ZERO;
    for (const c of cts) {
      A = A.add(c.a);
      B = B.add(c.b);
    }
    const sumBatch = new BatchCheck(g, H);
    const sumHashOk = checkDisjunctive(
      g,
      sumPrefix(ctx, receipt),
      A,
      B,
      ctx.maxChoices + 1,
      x.sumProof,
      'sumProof',
      sumBatch,
    );
    // One multi-scalar multiplication for the whole ballot; on failure, find the faulty proof.
    const all = BatchCheck.merge(g, H, [...proofBatches, sumBatch]);
    if (!all.holds()) {
      const i = proofBatches.findIndex((b) => !b.holds());
      if (i >= 0)
        throw new CryptoInputError(`proofs[${i}]`, `does not prove that ciphertexts[${i}] encrypts 0 or 1`);
      throw new CryptoInputError(
        'sumProof',
        `does not prove that the ballot has 0..${ctx.maxChoices} choices`,
      );
    }
    if (!sumHashOk && hashOk.every((ok) => !ok))
      throw new CryptoInputError(
        'proofs',
        'were made for another vote or another ballot: the Fiat–Shamir challenges do not match this context',
      );
    const i = hashOk.indexOf(false);
    if (i >= 0)
      throw new CryptoInputError(`proofs[${i}].challenges`, 'do not add up to the Fiat–Shamir hash');
    if (!sumHashOk)
      throw new CryptoInputError('sumProof.challenges', 'do not add up to the Fiat–Shamir hash');
    clean.proofs = x.proofs.map(copyProof);
    clean.sumProof = copyProof(x.sumProof!);
    return { ok: true, ballot: clean };
  } catch (e) {
    if (e instanceof CryptoInputError) return { ok: false, field: e.field, reason: e.reason };
    throw e;
  }
}

const copyProof = (p: EncryptedBallot['sumProof']) => ({
  commitments: [...p.commitments],
  challenges: [...p.challenges],
  responses: [...p.responses],
});

/** Per-candidate sums of the ballots' ciphertexts (the identity, "00", for a candidate with none). */
export function combineBallots(
  ctx: BallotContext,
  ballots: EncryptedBallot[] | Ciphertext[][],
): Ciphertext[] {
  const g = checkContext(ctx);
  const A: Point[] = new Array(ctx.candidates).fill(g.ZERO);
  const B: Point[] = new Array(ctx.candidates).fill(g.ZERO);
  ballots.forEach((ballot, k) => {
    const cts = Array.isArray(ballot) ? ballot : ballot.ciphertexts;
    const parsed = parseCiphertexts(g, cts, ctx.candidates, `ballots[${k}].ciphertexts`);
    for (let i = 0; i < ctx.candidates; i++) {
      A[i] = A[i].add(parsed[i].a);
      B[i] = B[i].add(parsed[i].b);
    }
  });
  return A.map((a, i) => ({ a: g.pointHex(a), b: g.pointHex(B[i]) }));
}

/** x + y per candidate: for a running tally. */
export function addCiphertexts(curve: CurveName, x: Ciphertext[], y: Ciphertext[]): Ciphertext[] {
  const g = group(curve);
  if (x.length !== y.length) throw new CryptoInputError('ciphertexts', 'lengths differ');
  return x.map((c, i) => ({
    a: g.pointHex(g.parsePoint(c.a, `x[${i}].a`, true).add(g.parsePoint(y[i].a, `y[${i}].a`, true))),
    b: g.pointHex(g.parsePoint(c.b, `x[${i}].b`, true).add(g.parsePoint(y[i].b, `y[${i}].b`, true))),
  }));
}

/** Parses totals, which may be the identity. */
export function parseTotals(
  g: Group,
  totals: unknown,
  count: number,
  field: string,
): { a: Point; b: Point }[] {
  if (!Array.isArray(totals) || totals.length !== count)
    throw new CryptoInputError(field, `must be an array of ${count}`);
  return totals.map((c, i) => {
    if (typeof c !== 'object' || c === null) throw new CryptoInputError(`${field}[${i}]`, 'must be { a, b }');
    const { a, b } = c as Partial<Ciphertext>;
    return { a: g.parsePoint(a, `${field}[${i}].a`, true), b: g.parsePoint(b, `${field}[${i}].b`, true) };
  });
}
