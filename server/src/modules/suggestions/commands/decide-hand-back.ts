// Staff decide a hand-back request (上海规定 Art. 14): re-assign (a normal period from the re-assignment, by
// default), keep the assignment, or list it for the chairpersons' meeting.
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { suggestionHandBacks } from '../suggestions.table';
import { step } from '../../../platform/step';
import { suggestionStep } from '../suggestions.repository';
import { checkUnits, writeAssignment } from './assign-suggestion';

export interface DecideHandBackInput {
  decision: 'reassign' | 'keep' | 'dispute';
  leadUnitId?: string;
  assistingUnitIds?: string[];
  comment: string;
}

export async function decideHandBack(ctx: Ctx, id: string, input: DecideHandBackInput) {
  if (input.decision === 'reassign' && !input.leadUnitId)
    throw invalidField('leadUnitId', '请选择新的主办单位', 'choose the new lead unit');
  const event =
    input.decision === 'reassign'
      ? 'reassign'
      : input.decision === 'keep'
        ? 'keepAssignment'
        : 'disputeHandBack';
  return step(
    ctx,
    suggestionStep(id, {
      action: 'decideHandBack',
      event,
      apply: async ({ w, row }) => {
        const open = and(
          eq(suggestionHandBacks.suggestionId, row.id),
          inArray(suggestionHandBacks.status, ['pending', 'disputed']),
        );
        const status =
          input.decision === 'reassign' ? 'reassigned' : input.decision === 'keep' ? 'kept' : 'disputed';
        await w.db
          .update(suggestionHandBacks)
          .set({
            status,
            decisionComment: input.comment,
            decidedBy: ctx.actor!.accountId,
            decidedAt: new Date(),
          })
          .where(open);
        if (input.decision !== 'reassign')
          return { audit: { decision: input.decision, comment: input.comment } };
        const assisting = await checkUnits(
          w,
          row.congressId,
          input.leadUnitId!,
          input.assistingUnitIds ?? [],
        );
        const set = await writeAssignment(ctx, w, row, input.leadUnitId!, assisting, 'reassign');
        return {
          set,
          audit: {
            decision: 'reassign',
            leadUnitId: input.leadUnitId,
            assistingUnitIds: assisting,
            comment: input.comment,
            deadline: set.deadline,
            firstAssignedAt: set.firstAssignedAt,
          },
        };
      },
    }),
  );
}
