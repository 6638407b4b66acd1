// The 代表工委 looks at a dissatisfied item and the deputies' reasons (上海规定 Art. 21; 浙江 Art. 24; local rule):
// back to the unit for re-handling, answered within 1 month, or not (with the reason), when it goes to follow-up
// (B and C) or closes.
import { endOfShanghaiDay, shanghaiDate } from '@minyi/domain/calendar';
import { rehandlingDueDate, type SuggestionSettings } from '@minyi/domain/suggestions';
import type { Ctx, Work } from '../../../platform/context';
import { invalidField, wrongState } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import {
  accountIdsForDeputies,
  accountIdsForUnits,
  readSuggestionSettings,
  suggestionStep,
} from '../suggestions.repository';
import type { SuggestionResource } from '../suggestions.policy';
import { suggestionRehandlingReviews, type SuggestionRow } from '../suggestions.table';

/** Sends a rated (or reviewed) item back to its lead unit: round + 1, a deadline 1 month away, the unit told. */
export async function sendBackToUnit(
  ctx: Ctx,
  w: Work,
  row: SuggestionRow,
  resource: SuggestionResource,
  settings: SuggestionSettings,
) {
  const ex = await w.app.calendar.exceptions(row.congressId, w.db);
  const due = endOfShanghaiDay(rehandlingDueDate(shanghaiDate(new Date()), settings, ex));
  const unitAccounts = await accountIdsForUnits(
    w.db,
    row.congressId,
    resource.leadUnitId ? [resource.leadUnitId] : [],
  );
  if (unitAccounts.length) {
    await ctx.app.notifier.notify(w.db, {
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
  return { rehandlingRound: row.rehandlingRound + 1, deadline: due };
}

export async function reviewRehandling(
  ctx: Ctx,
  id: string,
  input: { decision: 'rehandle' | 'decline'; comment: string },
) {
  if (input.decision === 'decline' && !input.comment)
    throw invalidField('comment', '请说明不再交办重新办理的理由', 'give the reason for not sending it back');
  const congressId = ctx.actor?.congressId;
  const settings = congressId ? await readSuggestionSettings(ctx.app.db, congressId) : null;
  return step(
    ctx,
    suggestionStep(id, {
      action: 'reviewRehandling',
      event: (row) => {
        // 'rehandle', 'followUp' and 'close' are also the automatic paths from 'rated': only a reviewed item here.
        if (row.status !== 'rehandlingReview') throw wrongState(row.status);
        if (input.decision === 'rehandle') return 'rehandle';
        return row.replyCategory && settings!.followUpCategories.includes(row.replyCategory)
          ? 'followUp'
          : 'close';
      },
      apply: async ({ w, row, resource, next }) => {
        await w.db.insert(suggestionRehandlingReviews).values({
          id: newId(),
          congressId: row.congressId,
          suggestionId: row.id,
          round: row.rehandlingRound + 1,
          decision: input.decision,
          comment: input.comment,
          decidedBy: ctx.actor!.accountId,
        });
        const audit = { decision: input.decision, comment: input.comment };
        if (input.decision === 'rehandle')
          return { set: await sendBackToUnit(ctx, w, row, resource, settings!), audit };
        const deputyAccounts = await accountIdsForDeputies(w.db, row.congressId, resource.raterDeputyIds);
        if (deputyAccounts.length)
          await ctx.app.notifier.notify(w.db, {
            congressId: row.congressId,
            accountIds: deputyAccounts,
            kind: 'suggestion.rehandlingDeclined',
            title: { zh: '您的不满意意见已研究', en: 'Your dissatisfied rating was studied' },
            body: {
              zh: `${row.number ?? ''} ${row.title}：不再交办重新办理。${input.comment}`,
              en: `${row.number ?? ''} ${row.title}: not sent back for re-handling. ${input.comment}`,
            },
            link: `/suggestions/${row.id}`,
          });
        return { set: next === 'closed' ? { closedAt: new Date() } : {}, audit };
      },
    }),
  );
}
