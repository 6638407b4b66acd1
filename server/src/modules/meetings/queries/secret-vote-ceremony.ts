// What the tellers of a secret meeting vote read (their key ceremony and the totals to decrypt), the accounts
// staff may name as tellers, and the public bulletin that proves the count (issue 21), through the engine.
import type { Bulletin } from '@minyi/domain/ballots/crypto';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { findTellerCandidates, getBulletin, getCeremony } from '../../ballots';
import { requireRole } from '../../../platform/access';
import { requireSecretVote, secretBallots, TELLER_ROLES } from '../meetings.repository';

export async function getMeetingVoteCeremony(db: Db, actor: Actor, voteId: string) {
  requireRole(actor, TELLER_ROLES);
  await requireSecretVote(db, actor.congressId, voteId);
  return getCeremony(db, actor, voteId);
}

export async function findMeetingVoteTellerCandidates(db: Db, actor: Actor, voteId: string) {
  requireRole(actor, ['congressStaff']);
  await requireSecretVote(db, actor.congressId, voteId);
  return findTellerCandidates(db, actor, voteId);
}

/** Public once the totals are decrypted: every encrypted ballot by receipt, the proofs, the totals. */
export async function getMeetingVoteBulletin(db: Db, congressId: string, voteId: string): Promise<Bulletin> {
  await requireSecretVote(db, congressId, voteId);
  return getBulletin(db, secretBallots(), congressId, voteId);
}
