// Opens the vote on an agenda item (表决): only in session, only for a kind decided by vote, only with the
// body's quorum present (地方组织法 Art. 14, 51), one vote per item. The base of the count is fixed now: ALL
// members on the meeting's roll. An item carrying an appointment case opens only once the post is free: the
// holder's removal voted first (先免后任). A secret item (appointments and removals by default) is opened on
// the encrypted-ballot engine instead (open-secret-vote.ts), with its three tellers named.
import { and, eq } from 'drizzle-orm';
import { nextMeetingStatus } from '@minyi/domain/meetings';
import type { Ctx } from '../../../platform/context';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { meetingAgendaItems, meetingVotes } from '../meetings.table';
import { meetingPolicy } from '../meetings.policy';
import { checkOpening, loadMeetingStep } from '../meetings.repository';
import { openSecretVote } from './open-secret-vote';

export async function openVote(
  ctx: Ctx,
  meetingId: string,
  itemId: string,
  input: { tellerAccountIds?: string[] } = {},
) {
  const [item] = ctx.actor
    ? await ctx.app.db
        .select({ secret: meetingAgendaItems.secret, title: meetingAgendaItems.title })
        .from(meetingAgendaItems)
        .where(
          and(
            eq(meetingAgendaItems.id, itemId),
            eq(meetingAgendaItems.meetingId, meetingId),
            eq(meetingAgendaItems.congressId, ctx.actor.congressId),
          ),
        )
    : [];
  if (item?.secret) return openSecretVote(ctx, meetingId, { id: itemId, title: item.title }, input);
  return step(ctx, {
    policy: meetingPolicy,
    action: 'openVote',
    load: (w, actor) => loadMeetingStep(w, actor, meetingId),
    transition: ({ row }) => ({ from: row.status, to: nextMeetingStatus(row.status, 'openVote') }),
    async write({ w, row: m }) {
      const { counts } = await checkOpening(w, m, itemId, false);
      const vote = {
        id: newId(),
        congressId: m.congressId,
        meetingId: m.id,
        itemId,
        members: counts.members,
      };
      await w.db.insert(meetingVotes).values(vote);
      return {
        result: { voteId: vote.id },
        audit: {
          action: 'meetingVote.open',
          entityType: 'meetingVote',
          entityId: vote.id,
          congressId: m.congressId,
          after: { ...vote, present: counts.present },
        },
      };
    },
  });
}
