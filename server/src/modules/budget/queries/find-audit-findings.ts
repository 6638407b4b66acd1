// The audit's findings tracked to rectification (审计整改, 监督法 Art. 27), newest first: staff and leaders see all
// (or one budget year's), a handling unit the findings addressed to it, each with whether it is overdue (the
// rectification report is due six months after the audit report) and what the caller may do.
import { and, desc, eq, lt, or } from 'drizzle-orm';
import {
  auditFindingOverdue,
  formatFen,
  rectificationDeadline,
  type AuditFindingStatus,
} from '@minyi/domain/budget';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { decodeCursor, page } from '../../../platform/http';
import { handlingUnits } from '../../registry';
import { budgetAuditFindings as f, budgetFinalAccounts, budgets } from '../budget.table';
import { budgetAuditFindingPolicy } from '../budget.policy';

export async function findAuditFindings(
  db: Db,
  actor: Actor,
  q: { status?: AuditFindingStatus; budgetId?: string; cursor?: string; limit: number },
) {
  const staff = actor.roles.includes('congressStaff') || actor.roles.includes('leader');
  if (!staff && !(actor.roles.includes('handlingUnitStaff') && actor.handlingUnitId)) throw forbidden();
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid']);
  const rows = await db
    .select({
      f,
      unitName: handlingUnits.name,
      unitNameEn: handlingUnits.nameEn,
      year: budgets.year,
      auditReportOn: budgetFinalAccounts.auditReportOn,
    })
    .from(f)
    .innerJoin(handlingUnits, eq(handlingUnits.id, f.unitId))
    .innerJoin(budgets, eq(budgets.id, f.budgetId))
    .leftJoin(budgetFinalAccounts, eq(budgetFinalAccounts.budgetId, f.budgetId))
    .where(
      and(
        eq(f.congressId, actor.congressId),
        staff ? undefined : eq(f.unitId, actor.handlingUnitId!),
        q.status ? eq(f.status, q.status) : undefined,
        q.budgetId ? eq(f.budgetId, q.budgetId) : undefined,
        after
          ? or(
              lt(f.createdAt, new Date(after[0])),
              and(eq(f.createdAt, new Date(after[0])), lt(f.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(f.createdAt), desc(f.id))
    .limit(q.limit + 1);
  const today = shanghaiDate(new Date());
  const items = rows.map(({ f: r, unitName, unitNameEn, year, auditReportOn }) => {
    const deadline = auditReportOn ? rectificationDeadline(auditReportOn) : null;
    return {
      id: r.id,
      budgetId: r.budgetId,
      year,
      unit: { id: r.unitId, name: unitName, nameEn: unitNameEn },
      finding: r.finding,
      amount: formatFen(r.amountFen),
      measures: r.measures,
      status: r.status,
      rectifiedOn: r.rectifiedOn,
      rectificationDeadline: deadline,
      overdue: deadline ? auditFindingOverdue(deadline, r.status === 'rectified', today) : false,
      createdAt: r.createdAt.toISOString(),
      abilities: budgetAuditFindingPolicy.abilities(actor, { congressId: r.congressId, unitId: r.unitId }),
    };
  });
  return page(items, q.limit, (r) => [r.createdAt, r.id]);
}
