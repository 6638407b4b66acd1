// A problem the audit found in the budget year's execution, with the unit it concerns and the amount involved,
// to be tracked to rectification (审计查出问题整改, 监督法 Art. 27).
import { formatFen, parseYuan, type CreateAuditFinding } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { getHandlingUnit } from '../../registry';
import { budgetAuditFindings } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetStep } from '../budget.repository';

export function recordAuditFinding(ctx: Ctx, budgetId: string, input: CreateAuditFinding) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'recordAuditFinding',
    load: (w, actor) => loadBudgetStep(w, actor, budgetId),
    async write({ w, row: budget }) {
      const unit = await getHandlingUnit(w.db, budget.congressId, input.unitId);
      if (!unit || !unit.active) throw invalidField('unitId', '未知的承办单位', 'unknown handling unit');
      const row = {
        id: newId(),
        congressId: budget.congressId,
        budgetId: budget.id,
        unitId: unit.id,
        finding: input.finding,
        amountFen: parseYuan(input.amount)!,
      };
      await w.db.insert(budgetAuditFindings).values(row);
      return {
        result: { id: row.id },
        audit: {
          action: 'budget.recordAuditFinding',
          entityType: 'budgetAuditFinding',
          entityId: row.id,
          after: { ...input, amount: formatFen(row.amountFen), unitName: unit.name },
        },
      };
    },
  });
}
