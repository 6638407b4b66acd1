// The meetings list, newest first: every meeting for staff and leaders; for anyone else, the meetings on whose
// roll they are. Cursor over (start date, id).
import { and, desc, eq, exists, lt, or, sql } from 'drizzle-orm';
import type { MeetingBody, MeetingStatus } from '@minyi/domain/meetings';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { decodeCursor, page } from '../../../platform/http';
import { meetingMembers, meetings } from '../meetings.table';
import { READERS } from '../meetings.policy';

export async function findMeetings(
  db: Db,
  actor: Actor,
  q: { body?: MeetingBody; status?: MeetingStatus; cursor?: string; limit: number },
) {
  const after = decodeCursor(q.cursor, ['text', 'uuid']);
  const staff = READERS.some((r) => actor.roles.includes(r));
  // Members are deputies: an account linked to none can be on no roll.
  if (!staff && !actor.deputyId) throw forbidden();
  const rows = await db
    .select({
      id: meetings.id,
      number: meetings.number,
      body: meetings.body,
      date: meetings.startDate,
      endDate: meetings.endDate,
      title: meetings.title,
      venue: meetings.venue,
      status: meetings.status,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.congressId, actor.congressId),
        q.body ? eq(meetings.body, q.body) : undefined,
        q.status ? eq(meetings.status, q.status) : undefined,
        staff
          ? undefined
          : exists(
              db
                .select({ one: sql`1` })
                .from(meetingMembers)
                .where(
                  and(
                    eq(meetingMembers.meetingId, meetings.id),
                    eq(meetingMembers.deputyId, actor.deputyId ?? '00000000-0000-0000-0000-000000000000'),
                  ),
                ),
            ),
        after
          ? or(
              lt(meetings.startDate, after[0]),
              and(eq(meetings.startDate, after[0]), lt(meetings.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(meetings.startDate), desc(meetings.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, (r) => [r.date, r.id]);
}
