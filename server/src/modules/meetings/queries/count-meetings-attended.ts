// For the activities module's deputy record: the meetings (of the congress, the standing committee, the
// chairpersons' meeting) a deputy attended, signed in present, and those they were excused from (on leave),
// held between two days (inclusive).
// The record reads the same counts in one statement (activities/queries/deputy-work-statement.ts, ADR 0020):
// a change to what is counted here is made there too.
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { meetingMembers, meetings } from '../meetings.table';

export async function countMeetingsAttended(
  db: Db,
  congressId: string,
  deputyId: string,
  fromDate: string,
  toDate: string,
): Promise<{ attended: number; excused: number }> {
  const [r] = await db
    .select({
      attended: sql<number>`count(*) FILTER (WHERE ${meetingMembers.attendance} = 'present')::int`,
      excused: sql<number>`count(*) FILTER (WHERE ${meetingMembers.attendance} = 'onLeave')::int`,
    })
    .from(meetingMembers)
    .innerJoin(meetings, eq(meetings.id, meetingMembers.meetingId))
    .where(
      and(
        eq(meetingMembers.congressId, congressId),
        eq(meetingMembers.deputyId, deputyId),
        gte(meetings.startDate, fromDate),
        lte(meetings.startDate, toDate),
      ),
    );
  return { attended: Number(r?.attended ?? 0), excused: Number(r?.excused ?? 0) };
}
