// The finance department's feedback on an opinion about the draft (预算法 Art. 22 ¶6: the finance department
// feeds back how it handled the opinions), given once from its account.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { step } from '../../../platform/step';
import { budgetConsultationOpinions } from '../budget.table';
import { budgetConsultationPolicy } from '../budget.policy';
import { loadOpinionStep } from '../budget.repository';

export function giveOpinionFeedback(ctx: Ctx, opinionId: string, input: { feedback: string }) {
  return step(ctx, {
    policy: budgetConsultationPolicy,
    action: 'giveFeedback',
    load: (w, actor) => loadOpinionStep(w, actor, opinionId),
    transition: ({ row }) => ({ from: row.status, to: row.status === 'open' ? 'answered' : null }),
    async write({ w, row, actor }) {
      const at = new Date();
      await w.db
        .update(budgetConsultationOpinions)
        .set({
          status: 'answered',
          feedback: input.feedback,
          feedbackAt: at,
          feedbackBy: actor.accountId,
          updatedAt: at,
        })
        .where(eq(budgetConsultationOpinions.id, row.id));
      return {
        result: { id: row.id, status: 'answered' as const },
        audit: {
          action: 'budgetConsultation.giveFeedback',
          entityType: 'budgetConsultationOpinion',
          entityId: row.id,
          after: { feedback: input.feedback },
        },
      };
    },
  });
}
