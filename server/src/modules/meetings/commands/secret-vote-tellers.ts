// The tellers' part of a secret vote at a meeting, on the encrypted-ballot engine (ballots/SECRECY.md): staff
// may name the three tellers again until their key ceremony starts; each teller posts a ceremony key, then a
// deal (the third gives the vote's key); after close each posts a partial decryption of the totals, and the
// second decrypts them and the meetings' rule counts them. The engine authorizes each (a teller of that vote).
import type { DkgDeal } from '@minyi/domain/ballots/crypto';
import type { Ctx } from '../../../platform/context';
import type { Role } from '@minyi/domain';
import { requireRole } from '../../../platform/access';
import { appointTellers, postCeremonyKey, postDeal, postPartialDecryption } from '../../ballots';
import { requireSecretVote, secretBallots, TELLER_ROLES } from '../meetings.repository';

/** The caller's role first (403), then the vote (404), then the engine's policy (a teller of that vote). */
async function secretVote(ctx: Ctx, voteId: string, roles: readonly Role[] = TELLER_ROLES) {
  const actor = requireRole(ctx.actor, roles);
  await requireSecretVote(ctx.app.db, actor.congressId, voteId);
}

export async function nameMeetingVoteTellers(ctx: Ctx, voteId: string, accountIds: string[]) {
  await secretVote(ctx, voteId, ['congressStaff']);
  return appointTellers(ctx, voteId, accountIds);
}

export async function postMeetingVoteCeremonyKey(ctx: Ctx, voteId: string, publicKey: string) {
  await secretVote(ctx, voteId);
  return postCeremonyKey(ctx, voteId, publicKey);
}

export async function postMeetingVoteDeal(ctx: Ctx, voteId: string, deal: DkgDeal) {
  await secretVote(ctx, voteId);
  return postDeal(ctx, voteId, deal);
}

export async function postMeetingVotePartialDecryption(ctx: Ctx, voteId: string, pd: unknown) {
  await secretVote(ctx, voteId);
  return postPartialDecryption(ctx, secretBallots(), voteId, pd);
}
