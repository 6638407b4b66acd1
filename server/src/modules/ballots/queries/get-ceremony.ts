// The key ceremony and the count as the tellers need them (issue 21): each teller's ceremony key, deal and
// partial decryption (all public material: the shares in a deal are boxed to their recipients), the vote's
// key once the deals are in, and after close the combined ciphertexts to decrypt. Staff and leaders follow it.
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { votePolicy } from '../ballots.policy';
import { candidateCount, loadTellers, loadVoteFor } from '../ballots.repository';

export async function getCeremony(db: Db, actor: Actor, voteId: string) {
  const { row: vote, resource } = await loadVoteFor(db, actor, voteId);
  votePolicy.authorize(actor, 'readCeremony', resource);
  const tellers = await loadTellers(db, voteId);
  return {
    voteId,
    status: vote.status,
    curve: vote.curve,
    maxChoices: vote.maxChoices,
    candidates: await candidateCount(db, voteId),
    publicKey: vote.publicKey,
    me: resource.tellerIndex ?? null,
    tellers: tellers.map((t) => ({
      index: t.index,
      name: t.name,
      ceremonyKey: t.ceremonyKey,
      deal: t.deal,
      partialDecryption: t.partialDecryption,
    })),
    combined: vote.status === 'counting' || vote.status === 'closed' ? vote.combined : null,
  };
}
