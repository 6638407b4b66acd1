// Quality review by the deputies' affairs committee: accept, return for revision with comments, or refer as an ordinary opinion.
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { accountIdsForDeputies, suggestionStep } from '../suggestions.repository';
import { step } from '../../../platform/step';

export interface ReviewInput {
  decision: 'accept' | 'return' | 'refer';
  comment: string;
  checks?: { oneMatter: boolean; notPersonal: boolean; specific: boolean };
}

export async function reviewSuggestion(ctx: Ctx, id: string, input: ReviewInput) {
  if (input.decision !== 'accept' && !input.comment) {
    throw invalidField('comment', '退回或转为意见须写明理由', 'a return or referral needs a comment');
  }
  return step(
    ctx,
    suggestionStep(id, {
      action: 'review',
      event: input.decision,
      apply: async ({ w, row }) => {
        const accountIds = await accountIdsForDeputies(w.db, row.congressId, [row.proposerDeputyId]);
        if (input.decision !== 'accept' && accountIds.length) {
          await ctx.app.notifier.notify(w.db, {
            congressId: row.congressId,
            accountIds,
            kind: `suggestion.${input.decision}`,
            title:
              input.decision === 'return'
                ? { zh: '建议退回修改', en: 'Suggestion returned for revision' }
                : { zh: '建议转为一般意见处理', en: 'Suggestion referred as an opinion' },
            body: { zh: input.comment, en: input.comment },
            link: `/suggestions/${row.id}`,
          });
        }
        return {
          set: {
            reviewComment: input.comment,
            reviewChecks: input.checks ?? null,
            reviewedAt: new Date(),
            reviewedBy: ctx.actor!.accountId,
            referralReason: input.decision === 'refer' ? input.comment : row.referralReason,
          },
          audit: { decision: input.decision, comment: input.comment, checks: input.checks ?? null },
        };
      },
    }),
  );
}
