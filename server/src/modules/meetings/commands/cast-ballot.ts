// A member's named ballot (记名表决): yes, no or abstain, once. The right to vote is a line on the meeting's
// roll (membership of the body in office on its date), not a role; the member must have signed in. The key
// (vote, member) makes a second ballot a conflict, also when two arrive at the same instant.
import { nextMeetingVoteStatus, type VoteChoice } from '@minyi/domain/meetings';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { meetingBallots } from '../meetings.table';
import { meetingVotePolicy } from '../meetings.policy';
import { loadVoteStep } from '../meetings.repository';

export function castMeetingBallot(ctx: Ctx, voteId: string, choice: VoteChoice) {
  return step(ctx, {
    policy: meetingVotePolicy,
    action: 'castBallot',
    load: (w, actor) => loadVoteStep(w, actor, voteId, 'share'),
    transition: ({ row }) => ({
      from: row.vote.status,
      to: nextMeetingVoteStatus(row.vote.status, 'castBallot'),
    }),
    async write({ w, row: { vote, me }, actor }) {
      if (vote.secret)
        throw invalidField(
          'choice',
          '无记名表决须提交在本人终端加密的选票，不能提交明文选择',
          'a secret vote takes a ballot encrypted on your device, not a plain choice',
          'encrypted_ballot_required',
        );
      if (me?.attendance !== 'present')
        throw conflict('not_signed_in', {
          zh: '请先签到再表决',
          en: 'Sign in to the meeting before voting',
        });
      const added = await w.db
        .insert(meetingBallots)
        .values({ congressId: vote.congressId, voteId: vote.id, deputyId: actor.deputyId!, choice })
        .onConflictDoNothing()
        .returning({ voteId: meetingBallots.voteId });
      if (!added.length)
        throw conflict('already_voted', {
          zh: '您已表决，表决后不能更改',
          en: 'You have already voted; a ballot cannot be changed',
        });
      return {
        result: { voteId: vote.id, choice },
        audit: {
          action: 'meetingVote.castBallot',
          entityType: 'meetingVote',
          entityId: vote.id,
          congressId: vote.congressId,
          // A named vote: who voted how is part of the record.
          after: { deputyId: actor.deputyId, choice },
        },
      };
    },
  });
}
