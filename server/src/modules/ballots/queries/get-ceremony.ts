// The key ceremony and the count as the tellers need them (issue 21): each teller's ceremony key, deal and
// partial decryption (all public material: the shares in a deal are boxed to their recipients), the vote's
// key once the deals are in, and after close the combined ciphertexts to decrypt. Staff and leaders follow it.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { accountRoles, accounts } from '../../../platform/platform.table';
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

/** The accounts staff may name as a vote's tellers: the congress's staff (a teller is designated per vote). */
export async function findTellerCandidates(db: Db, actor: Actor, voteId: string) {
  const { resource } = await loadVoteFor(db, actor, voteId);
  votePolicy.authorize(actor, 'appointTellers', resource);
  const rows = await db
    .selectDistinct({ id: accounts.id, name: accounts.displayName, username: accounts.username })
    .from(accounts)
    .innerJoin(accountRoles, eq(accountRoles.accountId, accounts.id))
    .where(and(eq(accounts.congressId, resource.congressId), eq(accountRoles.role, 'congressStaff')))
    .orderBy(accounts.username)
    .limit(200);
  return { items: rows, nextCursor: null };
}
