// The sign-in desk signs in several members of the roll at once (the demo's quorum; a desk's batch).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { canTakeVoteStep } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { unauthorized, wrongState } from '../../../platform/errors';
import { projectVoteRoll } from '../ballots.table';
import { votePolicy } from '../ballots.policy';
import { checkOwner, loadVoteFor, type BallotSubject } from '../ballots.repository';

export async function signInMembers(
  ctx: Ctx,
  voteId: string,
  memberIds: string[],
  at = new Date(),
  subject: Pick<BallotSubject, 'owner'> = {},
) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  return transact(ctx, async (w) => {
    const { row: vote, resource } = await loadVoteFor(w.db, actor, voteId, 'share');
    checkOwner(vote, subject);
    votePolicy.authorize(actor, 'signInMember', resource);
    if (!canTakeVoteStep(vote.status, 'signIn')) throw wrongState(vote.status);
    let signedIn = 0;
    for (let i = 0; i < memberIds.length; i += 500) {
      const rows = await w.db
        .update(projectVoteRoll)
        .set({ signedInAt: at })
        .where(
          and(
            eq(projectVoteRoll.voteId, voteId),
            inArray(projectVoteRoll.memberId, memberIds.slice(i, i + 500)),
            isNull(projectVoteRoll.signedInAt),
          ),
        )
        .returning({ memberId: projectVoteRoll.memberId });
      signedIn += rows.length;
    }
    await w.audit({
      action: 'projectVote.signInMembers',
      entityType: 'projectVote',
      entityId: voteId,
      congressId: vote.congressId,
      after: { signedIn },
    });
    return { signedIn };
  });
}
