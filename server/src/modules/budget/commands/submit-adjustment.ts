// A budget adjustment plan (预算调整方案, 预算法 Art. 67–69) put to the standing committee: the grounds of Art. 67
// that make it one, the meeting that examines it, when its preliminary plan reached the working body (Art. 69: 30
// days before), and each line's change. A change must be to a line of the budget and may not cut it below zero.
import { and, eq } from 'drizzle-orm';
import { formatFen, parseSignedYuan, type CreateAdjustment } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { budgetAdjustmentLines, budgetAdjustments, budgetLines } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetStep } from '../budget.repository';

export function submitAdjustment(ctx: Ctx, budgetId: string, input: CreateAdjustment) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'submitAdjustment',
    load: (w, actor) => loadBudgetStep(w, actor, budgetId),
    async write({ w, row: budget, actor }) {
      if (!budget.approvedOn)
        throw invalidField('meetingDate', '预算尚未批准，无需调整', 'the budget is not approved yet');
      if (input.meetingDate <= budget.approvedOn)
        throw invalidField('meetingDate', '审查会议应在预算批准之后', 'the meeting comes after the approval');
      if (input.planSubmittedOn && input.planSubmittedOn > input.meetingDate)
        throw invalidField('planSubmittedOn', '初步方案应在会议前送交', 'the plan comes before the meeting');
      const id = newId();
      const seen = new Set<string>();
      const lines = [];
      for (const [i, l] of input.lines.entries()) {
        const key = `${l.budget}:${l.code}`;
        if (seen.has(key)) throw invalidField(`lines.${i}.code`, '科目重复', 'the line is listed twice');
        seen.add(key);
        const [line] = await w.db
          .select({ fen: budgetLines.amountFen })
          .from(budgetLines)
          .where(
            and(
              eq(budgetLines.budgetId, budget.id),
              eq(budgetLines.kind, l.budget),
              eq(budgetLines.code, l.code),
            ),
          );
        const changeFen = parseSignedYuan(l.change)!;
        if (!line && changeFen < 0n)
          throw invalidField(`lines.${i}.code`, '预算中没有该科目，不能调减', 'no such line to cut');
        if (line && line.fen + changeFen < 0n)
          throw invalidField(`lines.${i}.change`, '调减金额超过预算数', 'the cut exceeds the line');
        lines.push({
          congressId: budget.congressId,
          adjustmentId: id,
          kind: l.budget,
          code: l.code,
          changeFen,
        });
      }
      const row = {
        id,
        congressId: budget.congressId,
        budgetId: budget.id,
        title: input.title,
        grounds: input.grounds,
        reason: input.reason,
        meetingDate: input.meetingDate,
        planSubmittedOn: input.planSubmittedOn,
        createdBy: actor.accountId,
      };
      await w.db.insert(budgetAdjustments).values(row);
      await w.db.insert(budgetAdjustmentLines).values(lines);
      return {
        result: { id },
        audit: {
          action: 'budget.submitAdjustment',
          entityType: 'budgetAdjustment',
          entityId: id,
          after: {
            ...row,
            lines: lines.map((l) => ({ budget: l.kind, code: l.code, change: formatFen(l.changeFen) })),
          },
        },
      };
    },
  });
}
