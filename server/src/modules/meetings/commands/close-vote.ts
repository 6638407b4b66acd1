// Closes a vote and counts it against ALL members on the roll (地方组织法 Art. 25, 51): passed when yes is more
// than half of them; not voting and abstaining count as not yes, a tie at half fails. The count is kept, and an
// appointment case on the item is decided by it (the register updated in the same transaction). A secret vote
// stops taking ballots: the meeting's vote is `counting`, the engine combines the encrypted ballots, and the
// count comes when two of the three tellers have decrypted the totals (the engine then calls the meetings'
// `onClosed`, which records it as here); with no ballot cast it is counted at once.
import { and, eq } from 'drizzle-orm';
import { nextMeetingVoteStatus, tallyVote } from '@minyi/domain/meetings';
import type { Ctx } from '../../../platform/context';
import { unauthorized } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { closeVote, getVote } from '../../ballots';
import { meetingBallots, meetingVotes } from '../meetings.table';
import { meetingVotePolicy } from '../meetings.policy';
import { loadVoteStep, recordResult, secretBallots } from '../meetings.repository';

export async function closeMeetingVote(ctx: Ctx, voteId: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  const [v] = await ctx.app.db
    .select({ secret: meetingVotes.secret })
    .from(meetingVotes)
    .where(and(eq(meetingVotes.id, voteId), eq(meetingVotes.congressId, actor.congressId)));
  if (v?.secret) return closeSecretVote(ctx, voteId);
  return step(ctx, {
    policy: meetingVotePolicy,
    action: 'close',
    load: (w, a) => loadVoteStep(w, a, voteId, 'update'),
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
      await recordResult(w, vote, tally);
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

/**
 * The secret vote's close: the meeting's vote first (open → counting; a retry finds it counting), then the
 * engine's (which a retry finds already closed).
 */
async function closeSecretVote(ctx: Ctx, voteId: string) {
  await step(ctx, {
    policy: meetingVotePolicy,
    action: 'close',
    load: (w, a) => loadVoteStep(w, a, voteId, 'update'),
    transition: ({ row }) => ({
      from: row.vote.status,
      to: row.vote.status === 'counting' ? 'counting' : nextMeetingVoteStatus(row.vote.status, 'closeSecret'),
    }),
    async write({ w, row: { vote } }) {
      await w.db.update(meetingVotes).set({ status: 'counting' }).where(eq(meetingVotes.id, vote.id));
      return {
        result: null,
        audit: {
          action: 'meetingVote.close',
          entityType: 'meetingVote',
          entityId: vote.id,
          congressId: vote.congressId,
          after: { secret: true },
        },
      };
    },
  });
  const subject = secretBallots();
  const engine = await getVote(ctx.app.db, ctx.actor!, subject, voteId);
  if (engine.status === 'open') await closeVote(ctx, subject, voteId);
  const [vote] = await ctx.app.db.select().from(meetingVotes).where(eq(meetingVotes.id, voteId));
  if (vote.status === 'closed')
    return {
      status: vote.status,
      yes: vote.yes!,
      no: vote.no!,
      abstain: vote.abstain!,
      notVoting: vote.notVoting!,
      members: vote.members,
      passed: vote.passed!,
    };
  const after = await getVote(ctx.app.db, ctx.actor!, subject, voteId);
  return {
    status: vote.status,
    members: vote.members,
    ballotsCast: after.turnout.electronicBallots,
    /** The tellers' partial decryptions give the count: two of three are needed. */
    tellers: after.tellers,
  };
}
