// The tellers' part of a secret vote at a meeting, on the encrypted-ballot engine (ballots/SECRECY.md): staff
// may name the three tellers again until their key ceremony starts; each teller posts a ceremony key, then a
// deal (the third gives the vote's key); after close each posts a partial decryption of the totals, and the
// second decrypts them and the meetings' rule counts them. The engine authorizes each (a teller of that vote).
import type { DkgDeal } from '@minyi/domain/ballots/crypto';
import type { Ctx } from '../../../platform/context';
import { unauthorized } from '../../../platform/errors';
import { appointTellers, postCeremonyKey, postDeal, postPartialDecryption } from '../../ballots';
import { requireSecretVote, secretBallots } from '../meetings.repository';

async function secretVote(ctx: Ctx, voteId: string) {
  if (!ctx.actor) throw unauthorized();
  await requireSecretVote(ctx.app.db, ctx.actor.congressId, voteId);
}

export async function nameMeetingVoteTellers(ctx: Ctx, voteId: string, accountIds: string[]) {
  await secretVote(ctx, voteId);
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
