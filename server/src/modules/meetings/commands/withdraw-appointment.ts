// The organ withdraws a case not yet decided (撤回); its agenda item, if any, stays on the agenda unvoted.
import { eq } from 'drizzle-orm';
import { nextAppointmentStatus } from '@minyi/domain/meetings';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { appointmentCases, meetingVotes } from '../meetings.table';
import { appointmentPolicy } from '../meetings.policy';
import { loadAppointmentStep } from '../meetings.repository';

export function withdrawAppointment(ctx: Ctx, id: string) {
  return step(ctx, {
    policy: appointmentPolicy,
    action: 'withdraw',
    load: (w, actor) => loadAppointmentStep(w, actor, id),
    transition: ({ row }) => ({ from: row.status, to: nextAppointmentStatus(row.status, 'withdraw') }),
    async write({ w, row: c }) {
      if (c.agendaItemId) {
        const [vote] = await w.db
          .select({ id: meetingVotes.id })
          .from(meetingVotes)
          .where(eq(meetingVotes.itemId, c.agendaItemId));
        if (vote)
          throw conflict('vote_open', {
            zh: '该任免案已付表决，不能撤回',
            en: 'The case is being voted on and can no longer be withdrawn',
          });
      }
      await w.db.update(appointmentCases).set({ status: 'withdrawn' }).where(eq(appointmentCases.id, c.id));
      return {
        result: { id: c.id, status: 'withdrawn' },
        audit: {
          action: 'appointment.withdraw',
          entityType: 'appointment',
          entityId: c.id,
          congressId: c.congressId,
        },
      };
    },
  });
}
