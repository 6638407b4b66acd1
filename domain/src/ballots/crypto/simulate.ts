// A whole vote run in memory with the real functions: the tellers' DKG, the ballots, the tally
// and the bulletin. For tests, the benchmark, the demo and rehearsals; nothing here is faked.
import { ballotReceipt, combineBallots, encryptBallot } from './ballot';
import { decryptTotals, partialDecrypt } from './decrypt';
import {
  completeDkg,
  createCeremonyKey,
  dealShares,
  publicKeyFromDeals,
  verificationKeysFromDeals,
} from './dkg';
import type { BallotContext, Bulletin, CurveName, DkgDeal, TellerShare } from './types';

export interface SimulatedKey {
  ctx: Omit<BallotContext, 'candidates' | 'maxChoices'>;
  deals: DkgDeal[];
  shares: TellerShare[];
}

/** Runs the DKG among `tellers` tellers (every one honest) and returns the key and each share. */
export function runDkg(curve: CurveName, voteId: string, threshold = 2, tellers = 3): SimulatedKey {
  const keys = Array.from({ length: tellers }, (_, i) => createCeremonyKey(curve, i + 1));
  const deals = keys.map((k) =>
    dealShares({
      curve,
      voteId,
      threshold,
      tellers,
      index: k.index,
      ceremonyPublicKeys: keys.map((x) => x.publicKey),
    }),
  );
  const shares = keys.map((me) => {
    const r = completeDkg({ curve, voteId, threshold, tellers, me, deals });
    if (!r.ok) throw new Error(`DKG failed: ${r.reason}`);
    return r.share;
  });
  return { ctx: { voteId, curve, publicKey: publicKeyFromDeals(curve, deals) }, deals, shares };
}

export interface SimulateVoteInput {
  curve?: CurveName;
  voteId?: string;
  candidates: { id: string; name: string }[];
  maxChoices: number;
  /** Each ballot's choices (0-based candidate indexes). */
  ballots: number[][];
  threshold?: number;
  tellers?: number;
  /** Which tellers decrypt (1-based); the first `threshold` by default. */
  decryptingTellers?: number[];
  paperTotals?: Record<string, number>;
}

export function simulateVote(input: SimulateVoteInput): { bulletin: Bulletin; shares: TellerShare[] } {
  const curve = input.curve ?? 'p256';
  const voteId = input.voteId ?? 'simulated-vote';
  const threshold = input.threshold ?? 2;
  const tellers = input.tellers ?? 3;
  const key = runDkg(curve, voteId, threshold, tellers);
  const ctx: BallotContext = {
    ...key.ctx,
    candidates: input.candidates.length,
    maxChoices: input.maxChoices,
  };
  const ballots = input.ballots
    .map((choices) => encryptBallot(ctx, choices))
    .map((ballot) => ({ receipt: ballotReceipt(ballot), ballot }))
    .sort((x, y) => (x.receipt < y.receipt ? -1 : 1));
  const combined = combineBallots(
    ctx,
    ballots.map((b) => b.ballot),
  );
  const who = input.decryptingTellers ?? Array.from({ length: threshold }, (_, i) => i + 1);
  const partialDecryptions = who.map((i) => partialDecrypt(ctx, key.shares[i - 1], combined));
  const decrypted = decryptTotals(ctx, combined, partialDecryptions, ballots.length);
  const ids = input.candidates.map((c) => c.id);
  const electronicTotals = Object.fromEntries(ids.map((id, j) => [id, decrypted[j]]));
  const totals = Object.fromEntries(ids.map((id, j) => [id, decrypted[j] + (input.paperTotals?.[id] ?? 0)]));
  const vks = verificationKeysFromDeals(curve, key.deals, tellers);
  return {
    shares: key.shares,
    bulletin: {
      voteId,
      curve,
      publicKey: key.ctx.publicKey,
      candidates: input.candidates,
      maxChoices: input.maxChoices,
      threshold,
      tellers: vks.map((verificationKey, i) => ({ index: i + 1, name: `Teller ${i + 1}`, verificationKey })),
      deals: key.deals.map((d) => ({ from: d.from, commitments: d.commitments, encryptedShares: [] })),
      ballots,
      tally: {
        combined,
        partialDecryptions,
        electronicTotals,
        ...(input.paperTotals ? { paperTotals: input.paperTotals } : {}),
        totals,
      },
    },
  };
}
