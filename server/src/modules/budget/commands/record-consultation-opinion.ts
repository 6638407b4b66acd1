// An opinion on the draft given at a consultation round, on a line (its classification code) or a topic: noted
// by congress staff for any invitee, or given by an invited deputy as their own. A code must be a line of the draft.
import { and, eq } from 'drizzle-orm';
import type { CreateConsultationOpinion } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { budgetConsultationOpinions, budgetLines } from '../budget.table';
import { budgetConsultationPolicy } from '../budget.policy';
import { loadRoundStep } from '../budget.repository';

export function recordConsultationOpinion(ctx: Ctx, roundId: string, input: CreateConsultationOpinion) {
  return step(ctx, {
    policy: budgetConsultationPolicy,
    action: 'recordOpinion',
    load: (w, actor) => loadRoundStep(w, actor, roundId),
    async write({ w, row: { round, invitees }, actor, role }) {
      // A deputy gives only their own opinion; staff name the invitee who gave it.
      const invitee =
        role === 'deputy'
          ? invitees.find((i) => i.deputyId === actor.deputyId)
          : invitees.find((i) => i.id === input.inviteeId);
      if (!invitee)
        throw invalidField('inviteeId', '请选择本次座谈的受邀人员', 'choose a person invited to this round');
      if (role === 'deputy' && input.inviteeId && input.inviteeId !== invitee.id)
        throw invalidField('inviteeId', '代表只能提出本人的意见', 'a deputy gives only their own opinion');
      let name = '';
      if (input.code) {
        const [line] = await w.db
          .select({ name: budgetLines.name })
          .from(budgetLines)
          .where(and(eq(budgetLines.budgetId, round.budgetId), eq(budgetLines.code, input.code)))
          .limit(1);
        if (!line) throw invalidField('code', '预算草案中没有该科目', 'the draft has no line with that code');
        name = line.name;
      }
      const row = {
        id: newId(),
        congressId: round.congressId,
        budgetId: round.budgetId,
        roundId: round.id,
        inviteeId: invitee.id,
        code: input.code,
        topic: input.topic,
        content: input.content,
        createdBy: actor.accountId,
      };
      await w.db.insert(budgetConsultationOpinions).values(row);
      return {
        result: { id: row.id },
        audit: {
          action: 'budgetConsultation.recordOpinion',
          entityType: 'budgetConsultationOpinion',
          entityId: row.id,
          after: { ...row, lineName: name, by: invitee.name },
        },
      };
    },
  });
}
