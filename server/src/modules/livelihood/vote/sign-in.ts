// Attendance: a member of the roll signs in (a deputy on their phone, or staff at the sign-in desk).
import { and, eq, isNull } from 'drizzle-orm';
import { canTakeVoteStep } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { forbidden, wrongState } from '../../../platform/errors';
import { projectVoteRoll } from '../livelihood.table';
import { findRollMember, loadVote } from './vote.repository';

export async function signIn(ctx: Ctx, congressId: string, voteId: string, memberId: string) {
  return transact(ctx, async (w) => {
    const vote = await loadVote(w.db, congressId, voteId, 'share');
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
      congressId,
      after: { memberId },
    });
    return { signedIn: true, signedInAt: now };
  });
}
