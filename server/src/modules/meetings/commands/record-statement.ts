// Records the nominee's statement (供职发言) on an appointment case on the agenda, before its vote: what the
// nominee told the standing committee, and the day (not in the future). An appointment only (a removal has no
// nominee to speak); it may be corrected until the vote decides the case.
import { eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { NomineeStatement } from '@minyi/domain/meetings';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField, wrongState } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { appointmentCases } from '../meetings.table';
import { appointmentPolicy } from '../meetings.policy';
import { loadAppointmentStep } from '../meetings.repository';

export function recordStatement(ctx: Ctx, id: string, input: NomineeStatement) {
  return step(ctx, {
    policy: appointmentPolicy,
    action: 'recordStatement',
    load: (w, actor) => loadAppointmentStep(w, actor, id),
    async write({ w, row: c }) {
      if (c.kind !== 'appoint')
        throw conflict('not_an_appointment', {
          zh: '只有任命案有供职发言',
          en: 'Only an appointment has a nominee’s statement',
        });
      if (c.status !== 'onAgenda') throw wrongState(c.status);
      if (input.on > shanghaiDate(new Date()))
        throw invalidField('on', '发言日期不能晚于今天', 'on is in the future');
      await w.db
        .update(appointmentCases)
        .set({ statement: input.summary, statementOn: input.on })
        .where(eq(appointmentCases.id, c.id));
      return {
        result: { id: c.id, statementOn: input.on },
        audit: {
          action: 'appointment.recordStatement',
          entityType: 'appointment',
          entityId: c.id,
          congressId: c.congressId,
          before: { statement: c.statement, statementOn: c.statementOn },
          after: { statement: input.summary, statementOn: input.on },
        },
      };
    },
  });
}
