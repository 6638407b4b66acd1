// One appointment or removal case with its status, the meeting and item it was put on, and the holding it made.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { appointmentCases, meetings, officeHoldings } from '../meetings.table';

export async function getAppointment(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ c: appointmentCases, meetingTitle: meetings.title, meetingDate: meetings.startDate })
    .from(appointmentCases)
    .leftJoin(meetings, eq(meetings.id, appointmentCases.meetingId))
    .where(and(eq(appointmentCases.id, id), eq(appointmentCases.congressId, actor.congressId)));
  if (!row) throw notFound({ zh: '任免案', en: 'appointment case' });
  const holdings = await db
    .select({
      id: officeHoldings.id,
      holderName: officeHoldings.holderName,
      startedOn: officeHoldings.startedOn,
      endedOn: officeHoldings.endedOn,
      endReason: officeHoldings.endReason,
    })
    .from(officeHoldings)
    .where(eq(officeHoldings.appointmentId, id));
  const { c } = row;
  return {
    id: c.id,
    kind: c.kind,
    post: c.post,
    organization: c.organization,
    nomineeName: c.nomineeName,
    nominatingOrgan: c.nominatingOrgan,
    status: c.status,
    filedOn: c.filedOn,
    decidedOn: c.decidedOn,
    oathOn: c.oathOn,
    meeting: c.meetingId ? { id: c.meetingId, title: row.meetingTitle, date: row.meetingDate } : null,
    agendaItemId: c.agendaItemId,
    holding: holdings[0] ?? null,
  };
}
