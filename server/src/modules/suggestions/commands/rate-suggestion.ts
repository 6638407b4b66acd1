// The proposer and every co-signer rate the reply. When all have rated: a dissatisfied rating sends it to
// re-handling (second reply within 1 month, §7), B and C stay in follow-up, the rest close.
import { desc, eq } from 'drizzle-orm';
import { endOfShanghaiDay, shanghaiDate } from '@minyi/domain/calendar';
import { rehandlingDueDate, type Rating } from '@minyi/domain/suggestions';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { accountIdsForUnits, readSuggestionSettings } from '../suggestions.repository';
import { suggestionRatings, suggestionReplies } from '../suggestions.table';
import { chainEvent, runStep } from '../workflow-step';

const worst = (ratings: Rating[]): Rating =>
  ratings.includes('dissatisfied')
    ? 'dissatisfied'
    : ratings.includes('basicallySatisfied')
      ? 'basicallySatisfied'
      : 'satisfied';

export async function rateSuggestion(ctx: Ctx, id: string, input: { rating: Rating; comment: string }) {
  const deputyId = ctx.actor?.deputyId ?? '';
  return runStep(ctx, id, { action: 'rate', event: 'rate' }, async ({ w, row, resource }) => {
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
      andThen: async (tw, current) => {
        if (!done) return current;
        const rated = await chainEvent(tw, current, 'completeRatings', { rating: worst(all) });
        if (all.includes('dissatisfied') && rated.rehandlingRound < settings.maxRehandlingRounds) {
          const due = endOfShanghaiDay(rehandlingDueDate(shanghaiDate(new Date()), settings));
          const unitAccounts = await accountIdsForUnits(
            tw.db,
            row.congressId,
            resource.leadUnitId ? [resource.leadUnitId] : [],
          );
          if (unitAccounts.length) {
            await ctx.app.notifier.notify(tw.db, {
              congressId: row.congressId,
              accountIds: unitAccounts,
              kind: 'suggestion.rehandle',
              title: { zh: '代表不满意，请重新办理', en: 'The deputy is dissatisfied: handle it again' },
              body: {
                zh: `${row.number ?? ''} ${row.title}：一个月内再次答复`,
                en: `${row.number ?? ''} ${row.title}: reply again within one month`,
              },
              link: `/suggestions/${row.id}`,
            });
          }
          return chainEvent(tw, rated, 'rehandle', {
            rehandlingRound: rated.rehandlingRound + 1,
            deadline: due,
          });
        }
        if (settings.followUpCategories.includes(reply.category)) return chainEvent(tw, rated, 'followUp');
        return chainEvent(tw, rated, 'close', { closedAt: new Date() });
      },
    };
  });
}
