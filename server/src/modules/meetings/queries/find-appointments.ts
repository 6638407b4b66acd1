// The appointment and removal cases, newest filed first, with each case's statutory deadline and whether it
// was filed late (地方组织法 Art. 71), the meeting it is on, and what the caller may do. Staff and leaders.
import { and, desc, eq, sql } from 'drizzle-orm';
import { isFiledLate, type AppointmentStatus } from '@minyi/domain/meetings';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { decodeCursor, page } from '../../../platform/http';
import { appointmentCases, meetings } from '../meetings.table';
import { appointmentPolicy } from '../meetings.policy';

export async function findAppointments(
  db: Db,
  actor: Actor,
  q: { status?: AppointmentStatus; cursor?: string; limit: number },
) {
  const after = decodeCursor(q.cursor, ['text', 'uuid']);
  const rows = await db
    .select({
      id: appointmentCases.id,
      kind: appointmentCases.kind,
      post: appointmentCases.post,
      organization: appointmentCases.organization,
      nomineeName: appointmentCases.nomineeName,
      nominatingOrgan: appointmentCases.nominatingOrgan,
      acting: appointmentCases.acting,
      status: appointmentCases.status,
      filedOn: appointmentCases.filedOn,
      deadlineOn: appointmentCases.deadlineOn,
      decidedOn: appointmentCases.decidedOn,
      oathOn: appointmentCases.oathOn,
      meetingId: appointmentCases.meetingId,
      meetingTitle: meetings.title,
      meetingDate: meetings.startDate,
    })
    .from(appointmentCases)
    .leftJoin(meetings, eq(meetings.id, appointmentCases.meetingId))
    .where(
      and(
        eq(appointmentCases.congressId, actor.congressId),
        q.status ? eq(appointmentCases.status, q.status) : undefined,
        after
          ? sql`(${appointmentCases.filedOn}::text, ${appointmentCases.id}) < (${after[0]}, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(appointmentCases.filedOn), desc(appointmentCases.id))
    .limit(q.limit + 1);
  const res = page(rows, q.limit, (r) => [r.filedOn, r.id]);
  return {
    ...res,
    items: res.items.map(({ meetingId, meetingTitle, meetingDate, ...r }) => ({
      ...r,
      filedLate: isFiledLate(r.deadlineOn, r.filedOn),
      meeting: meetingId ? { id: meetingId, title: meetingTitle, date: meetingDate } : null,
    })),
    abilities: { file: !!appointmentPolicy.abilities(actor, { congressId: actor.congressId }).putOnAgenda },
  };
}
