// An assisting unit sends its opinion; it is attached to the lead unit's reply (§7: within 1 month).
import type { Ctx } from '../../../platform/context';
import { newId } from '../../../platform/ids';
import { suggestionUnitOpinions } from '../suggestions.table';
import { step } from '../../../platform/step';
import { suggestionStep } from '../suggestions.repository';

export async function addUnitOpinion(ctx: Ctx, id: string, content: string) {
  return step(
    ctx,
    suggestionStep(id, {
      action: 'addOpinion',
      event: 'addOpinion',
      apply: async ({ w, row }) => {
        const opinionId = newId();
        await w.db.insert(suggestionUnitOpinions).values({
          id: opinionId,
          congressId: row.congressId,
          suggestionId: row.id,
          unitId: ctx.actor!.handlingUnitId!,
          content,
          accountId: ctx.actor!.accountId,
        });
        return { audit: { unitOpinionId: opinionId } };
      },
    }),
  );
}
