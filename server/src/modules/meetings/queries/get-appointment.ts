// One appointment or removal case with its status, the meeting and item it was put on, and the holding it made.
import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { isFiledLate } from '@minyi/domain/meetings';
import { appointmentCases, meetings, meetingVotes, officeHoldings } from '../meetings.table';
import { appointmentPolicy } from '../meetings.policy';

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
    .where(or(eq(officeHoldings.appointmentId, id), eq(officeHoldings.endedById, id)));
  const { c } = row;
  const [vote] = c.agendaItemId
    ? await db
        .select({
          id: meetingVotes.id,
          status: meetingVotes.status,
          members: meetingVotes.members,
          yes: meetingVotes.yes,
          no: meetingVotes.no,
          abstain: meetingVotes.abstain,
          notVoting: meetingVotes.notVoting,
          passed: meetingVotes.passed,
        })
        .from(meetingVotes)
        .where(eq(meetingVotes.itemId, c.agendaItemId))
    : [];
  const may = appointmentPolicy.abilities(actor, { congressId: c.congressId });
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
    reasons: c.reasons,
    cv: c.cv,
    acting: c.acting,
    electedOn: c.electedOn,
    deadlineOn: c.deadlineOn,
    filedLate: isFiledLate(c.deadlineOn, c.filedOn),
    oathOn: c.oathOn,
    oathWitness: c.oathWitness,
    statement: c.statement,
    statementOn: c.statementOn,
    vote: vote ?? null,
    meeting: c.meetingId ? { id: c.meetingId, title: row.meetingTitle, date: row.meetingDate } : null,
    agendaItemId: c.agendaItemId,
    holding: holdings[0] ?? null,
    abilities: {
      putOnAgenda: c.status === 'filed' && !!may.putOnAgenda,
      withdraw: (c.status === 'filed' || (c.status === 'onAgenda' && !vote)) && !!may.withdraw,
      recordOath: c.status === 'appointed' && !c.oathOn && !!may.recordOath,
      recordStatement: c.kind === 'appoint' && c.status === 'onAgenda' && !!may.recordStatement,
    },
  };
}
