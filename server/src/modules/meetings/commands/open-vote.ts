// Opens the vote on an agenda item (表决): only in session, only for a kind decided by vote, only with the
// body's quorum present (地方组织法 Art. 14, 51), one vote per item. The base of the count is fixed now: ALL
// members on the meeting's roll. A secret vote (appointments and removals by default) needs the encrypted-ballot
// engine of issue 21 and is refused until it exists, rather than taken as a named one. An item carrying an
// appointment case opens only once the post is free: the holder's removal voted first (先免后任).
import { and, eq } from 'drizzle-orm';
import { hasQuorum, isVotedKind, nextMeetingStatus, quorumNeeded } from '@minyi/domain/meetings';
import type { Ctx } from '../../../platform/context';
import { conflict, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { meetingAgendaItems, meetingVotes } from '../meetings.table';
import { meetingPolicy } from '../meetings.policy';
import { checkAppointmentOrder, countRoll, loadMeetingStep } from '../meetings.repository';

export function openVote(ctx: Ctx, meetingId: string, itemId: string) {
  return step(ctx, {
    policy: meetingPolicy,
    action: 'openVote',
    load: (w, actor) => loadMeetingStep(w, actor, meetingId),
    transition: ({ row }) => ({ from: row.status, to: nextMeetingStatus(row.status, 'openVote') }),
    async write({ w, row: m }) {
      const [item] = await w.db
        .select()
        .from(meetingAgendaItems)
        .where(and(eq(meetingAgendaItems.id, itemId), eq(meetingAgendaItems.meetingId, m.id)));
      if (!item) throw notFound({ zh: '议程', en: 'agenda item' });
      if (!isVotedKind(item.kind))
        throw conflict('not_voted', {
          zh: '该类议程不付表决（听取审议或询问）',
          en: 'This kind of item is heard or answered, not put to a vote',
        });
      if (item.secret)
        throw conflict('secret_ballot_engine_required', {
          zh: '该议程须无记名表决，需要加密投票引擎（第21号议题），暂不能在此表决',
          en: 'This item is voted by secret ballot, which needs the encrypted-ballot engine (issue 21); it cannot be voted here yet',
        });
      await checkAppointmentOrder(w, item.id);
      const [existing] = await w.db
        .select({ id: meetingVotes.id })
        .from(meetingVotes)
        .where(eq(meetingVotes.itemId, item.id));
      if (existing)
        throw conflict(
          'vote_exists',
          { zh: '该议程已付表决', en: 'This item has already been put to a vote' },
          { voteId: existing.id },
        );
      const counts = await countRoll(w.db, m.id);
      if (!hasQuorum(m.body, counts.members, counts.present))
        throw conflict(
          'no_quorum',
          {
            zh: `出席人数不足法定人数（应到${counts.members}人，实到${counts.present}人，需${quorumNeeded(m.body, counts.members)}人），不能表决`,
            en: `No quorum (${counts.present} of ${counts.members} members present, ${quorumNeeded(m.body, counts.members)} needed): the vote cannot open`,
          },
          { ...counts, quorumNeeded: quorumNeeded(m.body, counts.members) },
        );
      const vote = {
        id: newId(),
        congressId: m.congressId,
        meetingId: m.id,
        itemId: item.id,
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
