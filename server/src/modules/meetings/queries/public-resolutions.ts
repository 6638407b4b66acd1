// The public record of resolutions (决议、决定): the motions voted at the congress's closed meetings, with the
// meeting's title, number and date and the result counted against all members (public, no personal data: totals
// only, never who voted how).
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { meetingAgendaItems, meetings, meetingVotes } from '../meetings.table';

export async function findPublicResolutions(db: Db, congressId: string) {
  const items = await db
    .select({
      id: meetingAgendaItems.id,
      title: meetingAgendaItems.title,
      meetingTitle: meetings.title,
      meetingNumber: meetings.number,
      body: meetings.body,
      date: meetings.startDate,
      members: meetingVotes.members,
      yes: meetingVotes.yes,
      no: meetingVotes.no,
      abstain: meetingVotes.abstain,
      notVoting: meetingVotes.notVoting,
      passed: meetingVotes.passed,
    })
    .from(meetingAgendaItems)
    .innerJoin(meetings, eq(meetings.id, meetingAgendaItems.meetingId))
    .innerJoin(
      meetingVotes,
      and(eq(meetingVotes.itemId, meetingAgendaItems.id), eq(meetingVotes.status, 'closed')),
    )
    .where(
      and(
        eq(meetingAgendaItems.congressId, congressId),
        eq(meetingAgendaItems.kind, 'motion'),
        eq(meetings.status, 'closed'),
      ),
    )
    .orderBy(desc(meetings.startDate), meetingAgendaItems.position);
  return { items };
}
