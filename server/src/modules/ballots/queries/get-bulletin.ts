// The public bulletin of a secret vote (issue 21), once its totals are decrypted: the vote's key and
// ceremony (the deals' commitments, without the boxed shares), every encrypted ballot with its proofs sorted
// by receipt, the combined ciphertexts, the tellers' partial decryptions with their proofs, and the totals
// (electronic, paper, together). Anyone can recheck it with `verifyBulletin` (npm run vote:verify, or the
// results page's "verify this count").
import { verificationKeysFromDeals, type Bulletin } from '@minyi/domain/ballots/crypto';
import { DKG_TELLERS, DKG_THRESHOLD } from '@minyi/domain/livelihood';
import type { Db } from '../../../db/client';
import { wrongState } from '../../../platform/errors';
import {
  checkOwner,
  loadEncryptedBallots,
  loadOptions,
  loadTellers,
  loadVote,
  type BallotSubject,
  type PublishedResult,
} from '../ballots.repository';

export async function getBulletin(
  db: Db,
  subject: BallotSubject,
  congressId: string,
  voteId: string,
): Promise<Bulletin> {
  const vote = await loadVote(db, congressId, voteId);
  checkOwner(vote, subject);
  const result = vote.result as unknown as PublishedResult | null;
  if (vote.status !== 'closed' || !result || !vote.publicKey)
    throw wrongState(vote.status, {
      zh: '计票人解密总数后才公布公告板',
      en: 'The bulletin is published once the tellers have decrypted the totals',
    });
  const options = await loadOptions(db, subject, congressId, voteId);
  const tellers = await loadTellers(db, voteId);
  const deals = tellers.map((t) => ({ ...t.deal!, encryptedShares: [] }));
  const keys = verificationKeysFromDeals(vote.curve, deals, DKG_TELLERS);
  const ballots = await loadEncryptedBallots(db, voteId);
  const byId = new Map(result.candidates.map((c) => [c.id, c]));
  const figures = (f: (c: PublishedResult['candidates'][number]) => number) =>
    Object.fromEntries(options.map((o) => [o.id, f(byId.get(o.id)!)]));
  return {
    voteId,
    curve: vote.curve,
    publicKey: vote.publicKey,
    candidates: options.map((o) => ({ id: o.id, name: o.title })),
    maxChoices: vote.maxChoices,
    threshold: DKG_THRESHOLD,
    tellers: tellers.map((t) => ({ index: t.index, name: t.name, verificationKey: keys[t.index - 1] })),
    deals,
    ballots,
    tally: {
      combined: vote.combined ?? [],
      partialDecryptions: tellers.flatMap((t) => (t.partialDecryption ? [t.partialDecryption] : [])),
      electronicTotals: figures((c) => c.electronicVotes),
      ...(vote.paperTally ? { paperTotals: figures((c) => c.paperVotes) } : {}),
      totals: figures((c) => c.votes),
    },
  };
}
