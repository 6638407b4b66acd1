// The lead unit replies with a result category (A–D, configurable) and text; by default only after a logged contact.
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import {
  accountIdsForDeputies,
  readSuggestionSettings,
  resourceOf,
  suggestionStep,
} from '../suggestions.repository';
import { suggestionContacts, suggestionExtensions, suggestionReplies } from '../suggestions.table';
import { step } from '../../../platform/step';

export async function replySuggestion(
  ctx: Ctx,
  id: string,
  input: { category: string; content: string; plannedBy?: string },
) {
  return step(
    ctx,
    suggestionStep(id, {
      action: 'reply',
      event: 'reply',
      apply: async ({ w, row }) => {
        const settings = await readSuggestionSettings(w.db, row.congressId);
        if (!settings.replyCategories.some((c) => c.code === input.category)) {
          throw invalidField(
            'category',
            '办理结果类别无效',
            `must be one of: ${settings.replyCategories.map((c) => c.code).join(', ')}`,
          );
        }
        if (settings.requireContactBeforeReply) {
          const [{ n }] = await w.db
            .select({ n: sql<number>`count(*)::int` })
            .from(suggestionContacts)
            .where(
              and(
                eq(suggestionContacts.suggestionId, row.id),
                eq(suggestionContacts.round, row.rehandlingRound),
              ),
            );
          if (n === 0) {
            throw conflict(
              'contact_required',
              { zh: '答复前须先与代表联系沟通', en: 'Contact the deputy before replying' },
              { currentStatus: row.status },
            );
          }
        }
        const replyId = newId();
        const round = row.rehandlingRound + 1;
        await w.db.insert(suggestionReplies).values({
          id: replyId,
          congressId: row.congressId,
          suggestionId: row.id,
          unitId: ctx.actor!.handlingUnitId!,
          round,
          category: input.category,
          content: input.content,
          plannedBy: input.plannedBy ?? null,
          accountId: ctx.actor!.accountId,
        });
        // An extension application still open when the unit answers has nothing left to decide.
        await w.db
          .update(suggestionExtensions)
          .set({ status: 'superseded', decidedAt: new Date() })
          .where(
            and(eq(suggestionExtensions.suggestionId, row.id), eq(suggestionExtensions.status, 'pending')),
          );
        const res = await resourceOf(w.db, row);
        const accountIds = await accountIdsForDeputies(w.db, row.congressId, res.raterDeputyIds);
        if (accountIds.length) {
          await ctx.app.notifier.notify(w.db, {
            congressId: row.congressId,
            accountIds,
            kind: 'suggestion.reply',
            title: { zh: '建议已答复，请测评', en: 'Your suggestion was answered; please rate the reply' },
            body: {
              zh: `${row.number ?? ''} ${row.title}（${input.category}类）`,
              en: `${row.number ?? ''} ${row.title} (category ${input.category})`,
            },
            link: `/suggestions/${row.id}`,
          });
        }
        return {
          set: { replyCategory: input.category, repliedAt: new Date(), rating: null },
          audit: { replyId, round, category: input.category },
          result: replyId,
        };
      },
    }),
  );
}
