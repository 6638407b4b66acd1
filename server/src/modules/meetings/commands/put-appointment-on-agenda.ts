// Puts a filed case on a standing-committee meeting's agenda (the chairpersons' meeting's decision, 地方组织法
// Art. 54): an item of its own (voted person by person), with the case as its document, flagged late against
// the meeting's date by the configured lead time. Removal before appointment: a post held by a permanent
// holder takes a new appointee only after the holder's removal case is on the same agenda (先免后任), so the
// removal's item comes first and is voted first. Whether the vote is secret comes from the settings; a
// dismissal always is (监督法 Art. 62).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { ALWAYS_SECRET_KINDS, nextAppointmentStatus, ONE_HOLDER_ORGANS } from '@minyi/domain/meetings';
import type { Ctx } from '../../../platform/context';
import { conflict, notFound, wrongState } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { appointmentCases, meetingAgendaDocuments, meetingAgendaItems, meetings } from '../meetings.table';
import { appointmentPolicy } from '../meetings.policy';
import { currentHoldings, loadAppointmentStep } from '../meetings.repository';
import { readMeetingsSettings } from '../meetings.settings';

const TITLE = {
  appoint: (n: string, p: string) => `任命${n}为${p}`,
  remove: (n: string, p: string) => `免去${n}的${p}职务`,
  dismiss: (n: string, p: string) => `撤销${n}的${p}职务`,
};

export function putAppointmentOnAgenda(ctx: Ctx, id: string, meetingId: string) {
  return step(ctx, {
    policy: appointmentPolicy,
    action: 'putOnAgenda',
    load: (w, actor) => loadAppointmentStep(w, actor, id),
    transition: ({ row }) => ({ from: row.status, to: nextAppointmentStatus(row.status, 'putOnAgenda') }),
    async write({ w, row: c }) {
      const [m] = await w.db
        .select()
        .from(meetings)
        .where(and(eq(meetings.id, meetingId), eq(meetings.congressId, c.congressId)))
        .for('update');
      if (!m) throw notFound({ zh: '会议', en: 'meeting' });
      if (m.body !== 'standingCommittee')
        throw conflict('wrong_body', {
          zh: '任免案由常委会会议审议表决',
          en: 'Appointment cases are voted by a meeting of the standing committee',
        });
      if (m.status === 'closed') throw wrongState(m.status);
      if (c.kind === 'appoint' && !c.acting && ONE_HOLDER_ORGANS.includes(c.nominatingOrgan)) {
        const holder = (await currentHoldings(w.db, c.congressId, c.post)).find((h) => !h.acting);
        if (holder) {
          const [removal] = await w.db
            .select({ id: appointmentCases.id })
            .from(appointmentCases)
            .where(
              and(
                eq(appointmentCases.meetingId, m.id),
                eq(appointmentCases.post, c.post),
                eq(appointmentCases.nomineeName, holder.holderName),
                inArray(appointmentCases.kind, ['remove', 'dismiss']),
                eq(appointmentCases.status, 'onAgenda'),
              ),
            );
          if (!removal)
            throw conflict(
              'removal_first',
              {
                zh: `${c.post}现由${holder.holderName}担任：须先将其免职案列入本次会议议程（先免后任）`,
                en: `${c.post} is held by ${holder.holderName}: put the removal case on this meeting’s agenda first (removal before appointment)`,
              },
              { holderName: holder.holderName },
            );
        }
      }
      const settings = await readMeetingsSettings(w.db, c.congressId);
      const kind = c.kind === 'appoint' ? ('appointment' as const) : ('removal' as const);
      const [r] = await w.db
        .select({ max: sql<number | null>`max(${meetingAgendaItems.position})` })
        .from(meetingAgendaItems)
        .where(eq(meetingAgendaItems.meetingId, m.id));
      const item = {
        id: newId(),
        congressId: c.congressId,
        meetingId: m.id,
        position: (r?.max ?? 0) + 1,
        kind,
        title: TITLE[c.kind](c.nomineeName, c.post),
        secret: settings.secretKinds.includes(kind) || ALWAYS_SECRET_KINDS.includes(c.kind),
      };
      await w.db.insert(meetingAgendaItems).values(item);
      await w.db.insert(meetingAgendaDocuments).values({
        id: newId(),
        congressId: c.congressId,
        itemId: item.id,
        stage: 'appointmentCase',
        title: `${item.title}的议案`,
        doneOn: c.filedOn,
      });
      await w.db
        .update(appointmentCases)
        .set({ meetingId: m.id, agendaItemId: item.id, status: 'onAgenda' })
        .where(eq(appointmentCases.id, c.id));
      return {
        result: { agendaItemId: item.id },
        audit: {
          action: 'appointment.putOnAgenda',
          entityType: 'appointment',
          entityId: c.id,
          congressId: c.congressId,
          after: { meetingId: m.id, item },
        },
      };
    },
  });
}
