// 沟通见面: an assigned unit logs its contact with the deputy (phone, visit, meeting) before replying.
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Ctx } from '../../../platform/context';
import { newId } from '../../../platform/ids';
import { suggestionContacts } from '../suggestions.table';
import { step } from '../../../platform/step';
import { suggestionStep } from '../suggestions.repository';

export async function logContact(
  ctx: Ctx,
  id: string,
  input: { method: 'phone' | 'visit' | 'meeting'; summary: string; contactedOn?: string },
) {
  return step(
    ctx,
    suggestionStep(id, {
      action: 'logContact',
      event: 'logContact',
      apply: async ({ w, row }) => {
        const contactId = newId();
        await w.db.insert(suggestionContacts).values({
          id: contactId,
          congressId: row.congressId,
          suggestionId: row.id,
          unitId: ctx.actor!.handlingUnitId!,
          method: input.method,
          summary: input.summary,
          contactedOn: input.contactedOn ?? shanghaiDate(new Date()),
          round: row.rehandlingRound,
          accountId: ctx.actor!.accountId,
        });
        return { audit: { contactId, method: input.method }, result: contactId };
      },
    }),
  );
}
