// Files an appointment, removal or dismissal case (提请任免) as the organ's letter arrives: the nominee, the post,
// the reasons and, for an appointment, the CV. A removal names the post's present holder; the new government's
// department heads carry the two-month deadline of 地方组织法 Art. 71, and a case filed after it is kept, flagged.
import { shanghaiDate } from '@minyi/domain/calendar';
import { newGovernmentDeadline, type FileAppointment } from '@minyi/domain/meetings';
import { transact, type Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { conflict, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { appointmentCases } from '../meetings.table';
import { STAFF } from '../meetings.policy';
import { currentHoldings } from '../meetings.repository';

export async function fileAppointment(ctx: Ctx, input: FileAppointment) {
  const actor = requireRole(ctx.actor, STAFF);
  const today = shanghaiDate(new Date());
  const filedOn = input.filedOn ?? today;
  if (filedOn > today) throw invalidField('filedOn', '提请日期不能晚于今天', 'filedOn is in the future');
  if (input.electedOn && input.electedOn > filedOn)
    throw invalidField('electedOn', '选举日期不能晚于提请日期', 'electedOn is after filedOn');
  return transact(ctx, async (w) => {
    const held = await currentHoldings(w.db, actor.congressId, input.post);
    if (input.kind !== 'appoint' && !held.some((h) => h.holderName === input.nomineeName))
      throw conflict(
        'not_holder',
        {
          zh: `${input.nomineeName}现未担任${input.post}，不能提请免去该职务`,
          en: `${input.nomineeName} does not hold the post ${input.post}: there is nothing to remove`,
        },
        { holders: held.map((h) => h.holderName) },
      );
    const row = {
      id: newId(),
      congressId: actor.congressId,
      kind: input.kind,
      nominatingOrgan: input.nominatingOrgan,
      nomineeName: input.nomineeName,
      post: input.post,
      organization: input.organization,
      reasons: input.reasons,
      cv: input.cv,
      acting: input.acting,
      electedOn: input.electedOn ?? null,
      deadlineOn: input.electedOn ? newGovernmentDeadline(input.electedOn) : null,
      filedOn,
    };
    await w.db.insert(appointmentCases).values(row);
    await w.audit({
      action: 'appointment.file',
      entityType: 'appointment',
      entityId: row.id,
      congressId: actor.congressId,
      after: { ...row, status: 'filed' },
    });
    return { id: row.id };
  });
}
