// A co-signer confirms (or declines) joining; the last decision submits and numbers the suggestion.
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { followOn, stepThen, suggestionStep } from '../suggestions.repository';
import { suggestionCosigners } from '../suggestions.table';
import { numberSubmitted } from './create-suggestion';

export async function confirmCosign(ctx: Ctx, id: string, accept: boolean) {
  const deputyId = ctx.actor?.deputyId ?? '';
  return stepThen(
    ctx,
    suggestionStep(id, {
      action: 'confirmCosign',
      event: accept ? 'confirmCosign' : 'declineCosign',
      apply: async ({ w }) => {
        await w.db
          .update(suggestionCosigners)
          .set({ status: accept ? 'confirmed' : 'declined', decidedAt: new Date() })
          .where(and(eq(suggestionCosigners.suggestionId, id), eq(suggestionCosigners.deputyId, deputyId)));
        const left = await w.db
          .select()
          .from(suggestionCosigners)
          .where(and(eq(suggestionCosigners.suggestionId, id), eq(suggestionCosigners.status, 'pending')));
        return { audit: { deputyId, accept }, result: left.length === 0 };
      },
    }),
    async (w, actor, done) =>
      done.result
        ? followOn(
            w,
            actor,
            done,
            'confirmCosign',
            'allCosigned',
            await numberSubmitted(ctx.app, w, done.row),
          )
        : done.row,
  );
}
