// Closes a vote and counts it against ALL members on the roll (地方组织法 Art. 25, 51): passed when yes is more
// than half of them; not voting and abstaining count as not yes, a tie at half fails. The count is kept.
import { eq } from 'drizzle-orm';
import { nextMeetingVoteStatus, tallyVote } from '@minyi/domain/meetings';
import type { Ctx } from '../../../platform/context';
import { step } from '../../../platform/step';
import { meetingBallots, meetingVotes } from '../meetings.table';
import { meetingVotePolicy } from '../meetings.policy';
import { loadVoteStep } from '../meetings.repository';

export function closeMeetingVote(ctx: Ctx, voteId: string) {
  return step(ctx, {
    policy: meetingVotePolicy,
    action: 'close',
    load: (w, actor) => loadVoteStep(w, actor, voteId, 'update'),
    transition: ({ row }) => ({ from: row.vote.status, to: nextMeetingVoteStatus(row.vote.status, 'close') }),
    async write({ w, row: { vote } }) {
      const ballots = await w.db
        .select({ choice: meetingBallots.choice })
        .from(meetingBallots)
        .where(eq(meetingBallots.voteId, vote.id));
      const tally = tallyVote(
        ballots.map((b) => b.choice),
        vote.members,
      );
      await w.db
        .update(meetingVotes)
        .set({
          status: 'closed',
          yes: tally.yes,
          no: tally.no,
          abstain: tally.abstain,
          notVoting: tally.notVoting,
          passed: tally.passed,
          closedAt: new Date(),
        })
        .where(eq(meetingVotes.id, vote.id));
      return {
        result: tally,
        audit: {
          action: 'meetingVote.close',
          entityType: 'meetingVote',
          entityId: vote.id,
          congressId: vote.congressId,
          after: tally,
        },
      };
    },
  });
}
