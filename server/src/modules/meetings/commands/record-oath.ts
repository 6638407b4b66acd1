// Records the constitutional oath (宪法宣誓) of an appointed office-holder: the day (on or after the decision,
// not in the future) and the witness. Once per case.
import { eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { RecordOath } from '@minyi/domain/meetings';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField, wrongState } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { appointmentCases } from '../meetings.table';
import { appointmentPolicy } from '../meetings.policy';
import { loadAppointmentStep } from '../meetings.repository';

export function recordOath(ctx: Ctx, id: string, input: RecordOath) {
  return step(ctx, {
    policy: appointmentPolicy,
    action: 'recordOath',
    load: (w, actor) => loadAppointmentStep(w, actor, id),
    async write({ w, row: c }) {
      if (c.status !== 'appointed') throw wrongState(c.status);
      if (c.oathOn)
        throw conflict('oath_recorded', {
          zh: `宪法宣誓已于${c.oathOn}登记`,
          en: `The oath was already recorded on ${c.oathOn}`,
        });
      if (input.on > shanghaiDate(new Date()))
        throw invalidField('on', '宣誓日期不能晚于今天', 'on is in the future');
      if (c.decidedOn && input.on < c.decidedOn)
        throw invalidField('on', '宣誓日期不能早于任命日期', 'on is before the appointment');
      await w.db
        .update(appointmentCases)
        .set({ oathOn: input.on, oathWitness: input.witness })
        .where(eq(appointmentCases.id, c.id));
      return {
        result: { id: c.id, oathOn: input.on, oathWitness: input.witness },
        audit: {
          action: 'appointment.recordOath',
          entityType: 'appointment',
          entityId: c.id,
          congressId: c.congressId,
          after: { oathOn: input.on, oathWitness: input.witness },
        },
      };
    },
  });
}
