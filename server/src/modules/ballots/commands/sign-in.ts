// Attendance: a member of the roll signs in (a deputy on their phone, or staff at the sign-in desk with the
// member's id).
import { and, eq, isNull } from 'drizzle-orm';
import { canTakeVoteStep } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { forbidden, unauthorized, wrongState } from '../../../platform/errors';
import { projectVoteRoll } from '../ballots.table';
import { votePolicy } from '../ballots.policy';
import { checkOwner, findRollMember, loadVoteFor, type BallotSubject } from '../ballots.repository';

/** `subject`: the calling module's (absent: livelihood's); a vote of another module is answered 404. */
export async function signIn(
  ctx: Ctx,
  voteId: string,
  deskMemberId?: string,
  subject: Pick<BallotSubject, 'owner'> = {},
) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  return transact(ctx, async (w) => {
    const { row: vote, resource } = await loadVoteFor(w.db, actor, voteId, 'share');
    checkOwner(vote, subject);
    let memberId: string;
    if (deskMemberId) {
      votePolicy.authorize(actor, 'signInMember', resource);
      memberId = deskMemberId;
    } else {
      if (!actor.deputyId)
        throw forbidden({ zh: '只有代表本人可以签到', en: 'Only a deputy signs themselves in' });
      votePolicy.authorize(actor, 'signIn', resource);
      memberId = actor.deputyId;
    }
    if (!canTakeVoteStep(vote.status, 'signIn')) throw wrongState(vote.status);
    const member = await findRollMember(w.db, voteId, memberId);
    if (!member)
      throw forbidden({ zh: '您不在本次票决的名单中', en: 'You are not on the roll of this vote' });
    if (member.signedInAt) return { signedIn: true, signedInAt: member.signedInAt };
    const now = new Date();
    await w.db
      .update(projectVoteRoll)
      .set({ signedInAt: now })
      .where(
        and(
          eq(projectVoteRoll.voteId, voteId),
          eq(projectVoteRoll.memberId, memberId),
          isNull(projectVoteRoll.signedInAt),
        ),
      );
    await w.audit({
      action: 'projectVote.signIn',
      entityType: 'projectVote',
      entityId: voteId,
      congressId: vote.congressId,
      after: { memberId },
    });
    return { signedIn: true, signedInAt: now };
  });
}
