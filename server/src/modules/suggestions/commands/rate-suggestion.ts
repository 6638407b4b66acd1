// The proposer and every co-signer rate the reply; a dissatisfied rating gives its reasons. When all have rated:
// a dissatisfied item goes to the 代表工委's review (or, by setting, straight back to the unit for re-handling
// within 1 month; 上海规定 Art. 21), B and C stay in follow-up, the rest close.
import { desc, eq } from 'drizzle-orm';
import { DISSATISFIED_REASON_REQUIRED, type Rating, type SuggestionEvent } from '@minyi/domain/suggestions';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { followOn, readSuggestionSettings, stepThen, suggestionStep } from '../suggestions.repository';
import { suggestionRatings, suggestionReplies } from '../suggestions.table';
import { sendBackToUnit } from './review-rehandling';

const worst = (ratings: Rating[]): Rating =>
  ratings.includes('dissatisfied')
    ? 'dissatisfied'
    : ratings.includes('basicallySatisfied')
      ? 'basicallySatisfied'
      : 'satisfied';

export async function rateSuggestion(ctx: Ctx, id: string, input: { rating: Rating; comment: string }) {
  const deputyId = ctx.actor?.deputyId ?? '';
  return stepThen(
    ctx,
    suggestionStep(id, {
      action: 'rate',
      event: 'rate',
      apply: async ({ w, row, resource }) => {
        // 上海规定 Art. 21: a dissatisfied rating states its specific reasons (checked once the rater may rate).
        if (DISSATISFIED_REASON_REQUIRED && input.rating === 'dissatisfied' && !input.comment)
          throw invalidField(
            'comment',
            '不满意时须说明具体理由',
            'a dissatisfied rating must give its reasons',
          );
        const [reply] = await w.db
          .select()
          .from(suggestionReplies)
          .where(eq(suggestionReplies.suggestionId, row.id))
          .orderBy(desc(suggestionReplies.round))
          .limit(1);
        const existing = await w.db
          .select()
          .from(suggestionRatings)
          .where(eq(suggestionRatings.replyId, reply.id));
        if (existing.some((r) => r.deputyId === deputyId)) {
          throw conflict(
            'already_rated',
            { zh: '您已测评过此答复', en: 'You have already rated this reply' },
            { currentStatus: row.status },
          );
        }
        await w.db.insert(suggestionRatings).values({
          id: newId(),
          congressId: row.congressId,
          suggestionId: row.id,
          replyId: reply.id,
          deputyId,
          rating: input.rating,
          comment: input.comment,
        });
        const all = [...existing.map((r) => r.rating), input.rating];
        const done = resource.raterDeputyIds.every(
          (d) => d === deputyId || existing.some((r) => r.deputyId === d),
        );
        const settings = await readSuggestionSettings(w.db, row.congressId);
        return {
          audit: { deputyId, rating: input.rating, replyId: reply.id, round: reply.round },
          result: done ? { all, settings, replyCategory: reply.category } : null,
        };
      },
    }),
    async (w, actor, current) => {
      // The last rating: the worst one is the item's, and the item moves on.
      const last = current.result;
      if (!last) return current.row;
      const { all, settings } = last;
      const { resource } = current;
      const then = (row: typeof current.row, event: SuggestionEvent, set: Partial<typeof row> = {}) =>
        followOn(w, actor, { row, resource: { ...resource, status: row.status } }, 'rate', event, set);
      const rated = await then(current.row, 'completeRatings', { rating: worst(all) });
      if (all.includes('dissatisfied') && rated.rehandlingRound < settings.maxRehandlingRounds) {
        // 上海规定 Art. 21: the 代表工委 studies the reasons first, unless the congress sends it back at once.
        if (settings.rehandlingReview === 'staffReview') return then(rated, 'referRehandling');
        return then(rated, 'rehandle', await sendBackToUnit(ctx, w, rated, resource, settings));
      }
      if (settings.followUpCategories.includes(last.replyCategory)) return then(rated, 'followUp');
      return then(rated, 'close', { closedAt: new Date() });
    },
  );
}
