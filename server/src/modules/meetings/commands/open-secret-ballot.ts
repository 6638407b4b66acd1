// Opens the ballot of a secret vote once its tellers' key ceremony has given the vote its key: the members
// present at the meeting are signed in to the engine's roll, the engine opens the vote (it checks the quorum
// and the key again), and the meeting's vote moves from preparing to open. Each part may be retried: a vote
// the engine has already opened is not opened twice.
import { and, eq } from 'drizzle-orm';
import { nextMeetingVoteStatus } from '@minyi/domain/meetings';
import type { Ctx } from '../../../platform/context';
import { conflict, unauthorized, wrongState } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { getVote, openVote, signInMembers } from '../../ballots';
import { meetingMembers, meetingVotes } from '../meetings.table';
import { meetingVotePolicy } from '../meetings.policy';
import { loadVoteStep, secretBallots } from '../meetings.repository';

export async function openSecretBallot(ctx: Ctx, voteId: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  const db = ctx.app.db;
  const [vote] = await db
    .select()
    .from(meetingVotes)
    .where(and(eq(meetingVotes.id, voteId), eq(meetingVotes.congressId, actor.congressId)));
  if (vote) {
    meetingVotePolicy.authorize(actor, 'openBallot', { congressId: vote.congressId, onRoll: false });
    if (!vote.secret)
      throw conflict('not_secret', {
        zh: '记名表决开启即可投票',
        en: 'A named vote takes ballots as soon as it is opened',
      });
    if (vote.status !== 'preparing') throw wrongState(vote.status);
    const subject = secretBallots();
    const engine = await getVote(db, actor, subject, voteId);
    if (engine.status === 'signingIn') {
      const present = await db
        .select({ id: meetingMembers.deputyId })
        .from(meetingMembers)
        .where(and(eq(meetingMembers.meetingId, vote.meetingId), eq(meetingMembers.attendance, 'present')));
      if (present.length)
        await signInMembers(
          ctx,
          voteId,
          present.map((p) => p.id),
          new Date(),
          subject,
        );
      await openVote(ctx, voteId, subject);
    } else if (engine.status !== 'open') throw wrongState(engine.status);
  }
  return step(ctx, {
    policy: meetingVotePolicy,
    action: 'openBallot',
    load: (w, a) => loadVoteStep(w, a, voteId, 'update'),
    transition: ({ row }) => ({
      from: row.vote.status,
      to: nextMeetingVoteStatus(row.vote.status, 'openBallot'),
    }),
    async write({ w, row: { vote: v } }) {
      await w.db.update(meetingVotes).set({ status: 'open' }).where(eq(meetingVotes.id, v.id));
      return {
        result: { voteId: v.id, status: 'open' as const },
        audit: {
          action: 'meetingVote.openBallot',
          entityType: 'meetingVote',
          entityId: v.id,
          congressId: v.congressId,
        },
      };
    },
  });
}
