// The public bulletin's verifier: everything a citizen needs to recheck the count, with no secret.
// It checks, in order: the shape; the vote's key and the tellers' verification keys against the
// DKG commitments; each ballot's receipt and proofs, and that the receipts are sorted and distinct;
// that the published combined ciphertexts are the sums of the listed ballots; each partial
// decryption's proofs; that the decrypted totals are the published electronic totals; and that the
// totals are electronic + paper. The first fault found is named.
import { ballotReceipt, combineBallots, verifyBallot } from './ballot';
import { decryptTotals, verifyPartialDecryption } from './decrypt';
import { publicKeyFromDeals, verificationKeysFromDeals } from './dkg';
import { CryptoInputError, isCurveName } from './group';
import type { BallotContext, Bulletin } from './types';

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const short = (h: string) => (typeof h === 'string' ? h.slice(0, 12) : String(h));

function checkCounts(x: unknown, ids: string[], field: string): Record<string, number> {
  if (!isObj(x)) throw new Error(`${field} must be an object of counts by candidate id`);
  for (const k of Object.keys(x))
    if (!ids.includes(k)) throw new Error(`${field} names an unknown candidate '${k}'`);
  for (const id of ids) {
    const v = x[id];
    if (!Number.isInteger(v) || (v as number) < 0) throw new Error(`${field}['${id}'] must be a count ≥ 0`);
  }
  return x as Record<string, number>;
}

export interface VerifyBulletinOptions {
  /** Called after each ballot checked (for a progress line). */
  onBallot?: (done: number, total: number) => void;
}

export function verifyBulletin(
  b: unknown,
  opts: VerifyBulletinOptions = {},
): { ok: true; totals: Record<string, number> } | { ok: false; fault: string } {
  try {
    return { ok: true, totals: check(b, opts) };
  } catch (e) {
    if (e instanceof CryptoInputError) return { ok: false, fault: e.message };
    if (e instanceof Error) return { ok: false, fault: e.message };
    throw e;
  }
}

function check(input: unknown, opts: VerifyBulletinOptions): Record<string, number> {
  if (!isObj(input)) throw new Error('the bulletin must be a JSON object');
  const b = input as unknown as Bulletin;
  if (typeof b.voteId !== 'string' || !b.voteId) throw new Error('voteId missing');
  if (!isCurveName(b.curve)) throw new Error(`curve must be 'p256' or 'sm2'`);
  if (!Array.isArray(b.candidates) || b.candidates.length < 1)
    throw new Error('candidates must be a non-empty list');
  const ids = b.candidates.map((c, i) => {
    if (!isObj(c) || typeof c.id !== 'string' || !c.id) throw new Error(`candidates[${i}].id missing`);
    return c.id;
  });
  if (new Set(ids).size !== ids.length) throw new Error('candidates: an id appears twice');
  if (!Number.isInteger(b.maxChoices) || b.maxChoices < 0 || b.maxChoices > ids.length)
    throw new Error('maxChoices must be in 0..candidates');
  if (!Array.isArray(b.tellers) || b.tellers.length < 1) throw new Error('tellers must be a non-empty list');
  const n = b.tellers.length;
  if (!Number.isInteger(b.threshold) || b.threshold < 1 || b.threshold > n)
    throw new Error(`threshold must be in 1..${n}`);
  b.tellers.forEach((t, i) => {
    if (!isObj(t) || t.index !== i + 1) throw new Error(`tellers[${i}].index must be ${i + 1}`);
  });

  // The key: from the tellers' commitments, never from a dealer.
  if (!Array.isArray(b.deals) || b.deals.length !== n)
    throw new Error(`deals must list one deal per teller (${n})`);
  b.deals.forEach((d, i) => {
    if (!isObj(d) || !Array.isArray(d.commitments) || d.commitments.length !== b.threshold)
      throw new Error(`deals[${i}] must carry ${b.threshold} commitments`);
  });
  const publicKey = publicKeyFromDeals(b.curve, b.deals);
  if (b.publicKey !== publicKey)
    throw new Error("publicKey is not the sum of the tellers' constant commitments");
  const vks = verificationKeysFromDeals(b.curve, b.deals, n);
  b.tellers.forEach((t, i) => {
    if (t.verificationKey !== vks[i])
      throw new Error(
        `tellers[${i}].verificationKey (teller ${i + 1}) does not follow from the deals' commitments`,
      );
  });
  const ctx: BallotContext = {
    voteId: b.voteId,
    curve: b.curve,
    publicKey,
    candidates: ids.length,
    maxChoices: b.maxChoices,
  };

  // The ballots.
  if (!Array.isArray(b.ballots)) throw new Error('ballots must be a list');
  let previous = '';
  b.ballots.forEach((entry, k) => {
    if (!isObj(entry)) throw new Error(`ballots[${k}] must be { receipt, ballot }`);
    const v = verifyBallot(ctx, entry.ballot);
    if (!v.ok) throw new Error(`ballots[${k}] (receipt ${short(entry.receipt)}…): ${v.field} ${v.reason}`);
    if (entry.receipt !== ballotReceipt(v.ballot))
      throw new Error(`ballots[${k}].receipt is not the hash of its ciphertexts`);
    if (entry.receipt <= previous)
      throw new Error(
        `ballots[${k}] (receipt ${short(entry.receipt)}…): receipts must be sorted and distinct`,
      );
    previous = entry.receipt;
    opts.onBallot?.(k + 1, b.ballots.length);
  });

  // The tally.
  const t = b.tally;
  if (!isObj(t)) throw new Error('tally missing');
  const combined = combineBallots(
    ctx,
    b.ballots.map((e) => e.ballot),
  );
  if (!Array.isArray(t.combined) || t.combined.length !== ids.length)
    throw new Error(`tally.combined must list ${ids.length} ciphertexts`);
  combined.forEach((c, j) => {
    const x = t.combined[j];
    if (!isObj(x) || x.a !== c.a || x.b !== c.b)
      throw new Error(
        `tally.combined[${j}] (candidate '${ids[j]}') is not the sum of the listed ballots' ciphertexts: a ballot was added, removed or changed`,
      );
  });
  if (!Array.isArray(t.partialDecryptions)) throw new Error('tally.partialDecryptions must be a list');
  const seen = new Set<number>();
  t.partialDecryptions.forEach((pd, k) => {
    const teller = isObj(pd) ? pd.teller : undefined;
    if (!Number.isInteger(teller) || (teller as number) < 1 || (teller as number) > n)
      throw new Error(`tally.partialDecryptions[${k}].teller must be in 1..${n}`);
    if (seen.has(teller as number))
      throw new Error(`tally.partialDecryptions: teller ${teller} appears twice`);
    seen.add(teller as number);
    const v = verifyPartialDecryption(ctx, vks[(teller as number) - 1], combined, pd);
    if (!v.ok) throw new Error(`tally.partialDecryptions[${k}] (teller ${teller}): ${v.field} ${v.reason}`);
  });
  if (seen.size < b.threshold)
    throw new Error(
      `tally.partialDecryptions: ${seen.size} teller(s) decrypted; the threshold is ${b.threshold}`,
    );
  const decrypted = decryptTotals(
    ctx,
    combined,
    t.partialDecryptions.slice(0, b.threshold),
    b.ballots.length,
  );

  const electronic = checkCounts(t.electronicTotals, ids, 'tally.electronicTotals');
  ids.forEach((id, j) => {
    if (electronic[id] !== decrypted[j])
      throw new Error(
        `tally.electronicTotals['${id}'] is ${electronic[id]}, but the ballots decrypt to ${decrypted[j]}`,
      );
  });
  const paper = t.paperTotals === undefined ? null : checkCounts(t.paperTotals, ids, 'tally.paperTotals');
  const totals = checkCounts(t.totals, ids, 'tally.totals');
  const expected: Record<string, number> = {};
  for (const id of ids) {
    expected[id] = decrypted[ids.indexOf(id)] + (paper ? paper[id] : 0);
    if (totals[id] !== expected[id])
      throw new Error(
        `tally.totals['${id}'] is ${totals[id]}, but electronic ${electronic[id]}${paper ? ` + paper ${paper[id]}` : ''} = ${expected[id]}`,
      );
  }
  return expected;
}
