// The unit's rectification of an audit finding: its measures and where it stands (open → rectifying → rectified,
// with the day it was rectified); a rectified finding is not reopened.
import { and, eq } from 'drizzle-orm';
import type { UpdateAuditFinding } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { invalidField, notFound } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { budgetAuditFindings as f } from '../budget.table';
import { budgetAuditFindingPolicy } from '../budget.policy';

export function rectifyAuditFinding(ctx: Ctx, findingId: string, input: UpdateAuditFinding) {
  return step(ctx, {
    policy: budgetAuditFindingPolicy,
    action: 'rectify',
    async load(w, actor) {
      const [row] = await w.db
        .select()
        .from(f)
        .where(and(eq(f.id, findingId), eq(f.congressId, actor.congressId)))
        .for('update');
      if (!row) throw notFound({ zh: '审计查出问题', en: 'audit finding' });
      return { row, resource: { congressId: row.congressId, unitId: row.unitId } };
    },
    transition: ({ row }) => ({ from: row.status, to: row.status === 'rectified' ? null : input.status }),
    async write({ w, row }) {
      if (input.status === 'rectified' && !input.rectifiedOn)
        throw invalidField('rectifiedOn', '请填写整改完成日期', 'the day it was rectified is missing');
      if (input.status !== 'rectified' && input.rectifiedOn)
        throw invalidField('rectifiedOn', '尚未整改完成', 'it is not rectified yet');
      await w.db
        .update(f)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(f.id, row.id));
      return {
        result: { id: row.id, status: input.status },
        audit: {
          action: 'budget.rectifyAuditFinding',
          entityType: 'budgetAuditFinding',
          entityId: row.id,
          before: { status: row.status, measures: row.measures },
          after: input,
        },
      };
    },
  });
}
