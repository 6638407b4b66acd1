// The unit the inquiry was put to answers it from its own account; an answered inquiry is not answered again.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { step } from '../../../platform/step';
import { budgetInquiries } from '../budget.table';
import { budgetInquiryPolicy } from '../budget.policy';
import { loadInquiryStep } from '../budget.repository';

export function answerBudgetInquiry(ctx: Ctx, inquiryId: string, input: { answer: string }) {
  return step(ctx, {
    policy: budgetInquiryPolicy,
    action: 'answer',
    load: (w, actor) => loadInquiryStep(w, actor, inquiryId),
    transition: ({ row }) => ({ from: row.status, to: row.status === 'open' ? 'answered' : null }),
    async write({ w, row, actor }) {
      const answeredAt = new Date();
      await w.db
        .update(budgetInquiries)
        .set({
          status: 'answered',
          answer: input.answer,
          answeredAt,
          answeredBy: actor.accountId,
          updatedAt: answeredAt,
        })
        .where(eq(budgetInquiries.id, row.id));
      return {
        result: { id: row.id, status: 'answered' as const },
        audit: {
          action: 'budgetInquiry.answer',
          entityType: 'budgetInquiry',
          entityId: row.id,
          after: { answer: input.answer, late: answeredAt.toISOString().slice(0, 10) > row.deadline },
        },
      };
    },
  });
}
