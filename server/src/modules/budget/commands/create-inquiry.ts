// Puts a warning that holds now as an inquiry to the finance department or the spending unit, with the warning's
// evidence as it stands and a deadline (by default today + the setting's days); the unit answers from its
// account (answer-inquiry.ts). 预算法 Art. 85: inquiries on budget matters are answered promptly.
import { addCalendarDays, shanghaiDate } from '@minyi/domain/calendar';
import type { CreateBudgetInquiry } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { getHandlingUnit } from '../../registry';
import { budgetInquiries } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { evaluateBudget, loadBudgetStep } from '../budget.repository';
import { readBudgetSettings } from '../budget.settings';

export function createBudgetInquiry(ctx: Ctx, budgetId: string, input: CreateBudgetInquiry) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'createInquiry',
    load: (w, actor) => loadBudgetStep(w, actor, budgetId),
    async write({ w, row: budget, actor }) {
      const unit = await getHandlingUnit(w.db, budget.congressId, input.unitId);
      if (!unit || !unit.active) throw invalidField('unitId', '未知的承办单位', 'unknown handling unit');
      const today = shanghaiDate(new Date());
      if (input.deadline && input.deadline <= today)
        throw invalidField('deadline', '答复期限应晚于今天', 'the deadline must be after today');
      const warnings = await evaluateBudget(ctx.app, w.db, budget);
      const warning = warnings.find((x) => x.rule === input.rule && x.code === input.code);
      if (!warning)
        throw conflict('warning_not_holding', {
          zh: '该预警当前不成立，不能据此发出询问',
          en: 'That warning does not hold now; no inquiry can be put on it',
        });
      const settings = await readBudgetSettings(w.db, budget.congressId);
      const row = {
        id: newId(),
        congressId: budget.congressId,
        budgetId: budget.id,
        rule: warning.rule,
        code: warning.code,
        evidence: { ...warning.evidence, name: warning.name, severity: warning.severity },
        unitId: unit.id,
        question: input.question,
        deadline: input.deadline ?? addCalendarDays(today, settings.inquiryAnswerDays),
        createdBy: actor.accountId,
      };
      await w.db.insert(budgetInquiries).values(row);
      return {
        result: { id: row.id, deadline: row.deadline },
        audit: {
          action: 'budgetInquiry.create',
          entityType: 'budgetInquiry',
          entityId: row.id,
          after: { ...row, unitName: unit.name },
        },
      };
    },
  });
}
