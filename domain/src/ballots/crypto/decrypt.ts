// Threshold decryption of the totals only: each teller publishes F_j = s_i·a_j for every
// candidate's combined ciphertext (a_j, b_j) with a Chaum–Pedersen proof against its verification
// key K_i = s_i·G; any `threshold` of them combine by Lagrange interpolation at 0 into x·a_j, and
// b_j - x·a_j = m_j·G gives the total m_j by a small discrete logarithm (baby-step giant-step).
import { parseTotals } from './ballot';
import { checkContext } from './ballot';
import { CryptoInputError, type Group, type Point } from './group';
import { checkEqualLogs, contextParts, proveEqualLogs } from './proofs';
import type { BallotContext, Ciphertext, Hex, PartialDecryption, TellerShare } from './types';

const pdPrefix = (ctx: BallotContext, teller: number, j: number) => ['pd', ...contextParts(ctx), teller, j];

export function partialDecrypt(
  ctx: BallotContext,
  share: TellerShare,
  totals: Ciphertext[],
): PartialDecryption {
  const g = checkContext(ctx);
  if (share.curve !== ctx.curve) throw new Error('the share is for another curve');
  if (share.publicKey !== ctx.publicKey) throw new Error("the share is not for this vote's key");
  const s = g.parseScalar(share.secret, 'share.secret');
  const K = g.mulG(s);
  if (g.pointHex(K) !== share.verificationKeys[share.index - 1])
    throw new Error("the share's secret does not match its verification key");
  const cts = parseTotals(g, totals, ctx.candidates, 'totals');
  const factors: Hex[] = [];
  const proofs: { c: Hex; r: Hex }[] = [];
  cts.forEach(({ a }, j) => {
    const F = g.mul(a, s);
    factors.push(g.pointHex(F));
    proofs.push(proveEqualLogs(g, pdPrefix(ctx, share.index, j), K, a, F, s));
  });
  return { teller: share.index, factors, proofs };
}

export function verifyPartialDecryption(
  ctx: BallotContext,
  verificationKey: Hex,
  totals: Ciphertext[],
  pd: unknown,
): { ok: true; pd: PartialDecryption } | { ok: false; field: string; reason: string } {
  const g = checkContext(ctx);
  try {
    const K = g.parsePoint(verificationKey, 'verificationKey');
    const cts = parseTotals(g, totals, ctx.candidates, 'totals');
    if (typeof pd !== 'object' || pd === null)
      throw new CryptoInputError('partialDecryption', 'must be an object');
    const x = pd as Partial<PartialDecryption>;
    if (!Number.isInteger(x.teller) || (x.teller as number) < 1)
      throw new CryptoInputError('teller', 'must be a teller index ≥ 1');
    if (!Array.isArray(x.factors) || x.factors.length !== ctx.candidates)
      throw new CryptoInputError('factors', `must be an array of ${ctx.candidates}`);
    if (!Array.isArray(x.proofs) || x.proofs.length !== ctx.candidates)
      throw new CryptoInputError('proofs', `must be an array of ${ctx.candidates}`);
    const factors = x.factors.map((h, j) => g.parsePoint(h, `factors[${j}]`, true));
    cts.forEach(({ a }, j) => {
      const p = x.proofs![j] as { c?: unknown; r?: unknown } | null;
      if (typeof p !== 'object' || p === null) throw new CryptoInputError(`proofs[${j}]`, 'must be { c, r }');
      const c = g.parseScalar(p.c, `proofs[${j}].c`);
      const r = g.parseScalar(p.r, `proofs[${j}].r`);
      if (!checkEqualLogs(g, pdPrefix(ctx, x.teller!, j), K, a, factors[j], c, r))
        throw new CryptoInputError(
          `factors[${j}]`,
          `is not teller ${x.teller}'s partial decryption of totals[${j}]: its proof fails`,
        );
    });
    return {
      ok: true,
      pd: { teller: x.teller!, factors: [...x.factors], proofs: x.proofs.map((p) => ({ c: p.c, r: p.r })) },
    };
  } catch (e) {
    if (e instanceof CryptoInputError) return { ok: false, field: e.field, reason: e.reason };
    throw e;
  }
}

/** λ_i for interpolation at 0 over the index set. */
function lagrangeAtZero(g: Group, indexes: number[], i: number): bigint {
  let num = 1n;
  let den = 1n;
  for (const j of indexes) {
    if (j === i) continue;
    num = g.mod(num * BigInt(j));
    den = g.mod(den * BigInt(j - i));
  }
  return g.mod(num * g.Point.Fn.inv(den));
}

/** m with m·G = M and 0 ≤ m ≤ max, or null (baby-step giant-step). */
export function smallLog(g: Group, M: Point, max: number): number | null {
  if (M.is0()) return 0;
  const step = Math.max(1, Math.ceil(Math.sqrt(max + 1)));
  const baby = new Map<string, number>();
  let P = g.ZERO;
  for (let j = 0; j < step; j++) {
    baby.set(g.pointHex(P), j);
    P = P.add(g.G);
  }
  const giant = P.negate(); // -step·G
  let Q = M;
  for (let i = 0; i * step <= max; i++) {
    const j = baby.get(g.pointHex(Q));
    if (j !== undefined && i * step + j <= max) return i * step + j;
    Q = Q.add(giant);
  }
  return null;
}

/**
 * Combines partial decryptions (≥ threshold, distinct tellers; their proofs checked beforehand
 * with verifyPartialDecryption) into the totals. With `threshold` (and `verificationKeys`, to check
 * the proofs here), refuses fewer partials; without, fewer partials than the threshold combine to
 * garbage, which no total in 0..maxTotal matches, and it throws.
 */
export function decryptTotals(
  ctx: BallotContext,
  totals: Ciphertext[],
  partials: PartialDecryption[],
  maxTotal: number,
  opts: { threshold?: number; verificationKeys?: Hex[] } = {},
): number[] {
  const g = checkContext(ctx);
  if (!Number.isInteger(maxTotal) || maxTotal < 0) throw new Error('maxTotal must be an integer ≥ 0');
  if (!Array.isArray(partials) || partials.length === 0) throw new Error('no partial decryptions');
  const tellers = partials.map((p) => p.teller);
  if (new Set(tellers).size !== tellers.length)
    throw new Error('partial decryptions from the same teller twice');
  if (opts.threshold !== undefined && partials.length < opts.threshold)
    throw new Error(`${partials.length} partial decryption(s); the threshold is ${opts.threshold}`);
  if (opts.verificationKeys) {
    for (const pd of partials) {
      const v = verifyPartialDecryption(ctx, opts.verificationKeys[pd.teller - 1], totals, pd);
      if (!v.ok) throw new Error(`teller ${pd.teller}'s partial decryption: ${v.field} ${v.reason}`);
    }
  }
  const cts = parseTotals(g, totals, ctx.candidates, 'totals');
  const lambdas = tellers.map((i) => lagrangeAtZero(g, tellers, i));
  return cts.map(({ b }, j) => {
    const points = partials.map((p) =>
      g.parsePoint(p.factors[j], `partials[teller=${p.teller}].factors[${j}]`, true),
    );
    const xa = g.msm(points, lambdas);
    const m = smallLog(g, b.subtract(xa), maxTotal);
    if (m === null)
      throw new Error(
        `totals[${j}] does not decrypt to 0..${maxTotal}: fewer partial decryptions than the threshold, or a wrong one`,
      );
    return m;
  });
}
