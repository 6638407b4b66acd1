// Closes a vote and counts it against ALL members on the roll (地方组织法 Art. 25, 51): passed when yes is more
// than half of them; not voting and abstaining count as not yes, a tie at half fails. The count is kept, and an
// appointment case on the item is decided by it (the register updated in the same transaction).
import { eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { nextMeetingVoteStatus, tallyVote, type VoteTally } from '@minyi/domain/meetings';
import type { Ctx, Work } from '../../../platform/context';
import { step } from '../../../platform/step';
import { meetingBallots, meetingVotes } from '../meetings.table';
import { meetingVotePolicy } from '../meetings.policy';
import {
  decideAppointment,
  decideSatisfaction,
  loadVoteStep,
  type MeetingVoteRow,
} from '../meetings.repository';

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
 * Keeps a vote's count and closes it, then lets the count decide what hangs on its item: an appointment case
 * (its status and the register, on the day it closes) or a report's satisfaction vote. Shared by the close of
 * the members' ballots and by the room's totals agreed by two staff.
 */
export async function recordResult(w: Work, vote: MeetingVoteRow, tally: VoteTally) {
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
  // The case on this item, if any: its status and the register follow the vote, on the day it closes.
  const decided = await decideAppointment(w, vote.itemId, vote.id, tally.passed, shanghaiDate(new Date()));
  if (decided)
    await w.audit({
      action: 'appointment.decide',
      entityType: 'appointment',
      entityId: decided.appointmentId,
      congressId: vote.congressId,
      after: { ...decided, voteId: vote.id, tally },
    });
  const assessed = await decideSatisfaction(w, vote.itemId, vote.id, tally.passed);
  if (assessed)
    await w.audit({
      action: 'oversightReport.assess',
      entityType: 'oversightReport',
      entityId: assessed.oversightReportId,
      congressId: vote.congressId,
      after: { ...assessed, voteId: vote.id, tally },
    });
}
