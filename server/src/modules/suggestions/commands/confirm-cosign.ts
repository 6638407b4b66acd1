// A co-signer confirms (or declines) joining; the last decision submits and numbers the suggestion.
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { chainEvent, runStep } from '../workflow-step';
import { suggestionCosigners } from '../suggestions.table';
import { numberSubmitted } from './create-suggestion';

export async function confirmCosign(ctx: Ctx, id: string, accept: boolean) {
  const deputyId = ctx.actor?.deputyId ?? '';
  return runStep(
    ctx,
    id,
    { action: 'confirmCosign', event: accept ? 'confirmCosign' : 'declineCosign' },
    async ({ w }) => {
      await w.db
        .update(suggestionCosigners)
        .set({ status: accept ? 'confirmed' : 'declined', decidedAt: new Date() })
        .where(and(eq(suggestionCosigners.suggestionId, id), eq(suggestionCosigners.deputyId, deputyId)));
      const left = await w.db
        .select()
        .from(suggestionCosigners)
        .where(and(eq(suggestionCosigners.suggestionId, id), eq(suggestionCosigners.status, 'pending')));
      return {
        audit: { deputyId, accept },
        andThen: async (tw, row) =>
          left.length === 0
            ? chainEvent(tw, row, 'allCosigned', await numberSubmitted(ctx.app, tw, row))
            : row,
      };
    },
  );
}
