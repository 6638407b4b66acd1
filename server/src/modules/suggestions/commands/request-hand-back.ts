// A unit that is not competent asks, with a reason, to hand the item back within the window (3–7 working days, §7).
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { suggestionHandBacks } from '../suggestions.table';
import { step } from '../../../platform/step';
import { suggestionStep } from '../suggestions.repository';

export async function requestHandBack(ctx: Ctx, id: string, reason: string) {
  return step(
    ctx,
    suggestionStep(id, {
      action: 'requestHandBack',
      event: 'requestHandBack',
      apply: async ({ w, row }) => {
        if (row.handBackDueAt && Date.now() > row.handBackDueAt.getTime()) {
          throw conflict(
            'hand_back_window_closed',
            { zh: '已超过申请退回的期限', en: 'The window for handing the item back has closed' },
            { dueAt: row.handBackDueAt.toISOString() },
          );
        }
        await w.db.insert(suggestionHandBacks).values({
          id: newId(),
          congressId: row.congressId,
          suggestionId: row.id,
          unitId: ctx.actor!.handlingUnitId!,
          reason,
          requestedBy: ctx.actor!.accountId,
        });
        return { audit: { unitId: ctx.actor!.handlingUnitId, reason } };
      },
    }),
  );
}
