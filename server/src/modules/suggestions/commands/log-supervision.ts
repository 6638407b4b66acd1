// The leading leader logs a supervision meeting, a site visit or progress on a key suggestion.
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { suggestionSupervisions } from '../suggestions.table';
import { step } from '../../../platform/step';
import { suggestionStep } from '../suggestions.repository';

export async function logSupervision(
  ctx: Ctx,
  id: string,
  input: { kind: 'meeting' | 'siteVisit' | 'progress'; note: string; occurredOn?: string },
) {
  return step(
    ctx,
    suggestionStep(id, {
      action: 'supervise',
      event: 'supervise',
      apply: async ({ w, row }) => {
        if (!row.isKey)
          throw conflict('not_key_suggestion', {
            zh: '此建议不是重点督办建议',
            en: 'This is not a key suggestion',
          });
        const supervisionId = newId();
        await w.db.insert(suggestionSupervisions).values({
          id: supervisionId,
          congressId: row.congressId,
          suggestionId: row.id,
          accountId: ctx.actor!.accountId,
          kind: input.kind,
          note: input.note,
          occurredOn: input.occurredOn ?? shanghaiDate(new Date()),
        });
        return { audit: { supervisionId, kind: input.kind } };
      },
    }),
  );
}
