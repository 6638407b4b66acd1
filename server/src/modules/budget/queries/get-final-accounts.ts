// The final accounts of a budget year (决算): compiled by the approved budget's headings with the budgeted, the
// adjusted (the approved adjustments' changes on the line or below it added) and the actual amounts (监督法 Art. 19),
// the dates (submitted June–September, the audit report, the rectification report within six months of it), the
// findings on the 12 points of 预算法 Art. 79, and the audit's findings with their rectification and whether overdue.
import { and, asc, eq } from 'drizzle-orm';
import {
  auditFindingOverdue,
  FINAL_ACCOUNTS_POINTS,
  finalAccountsOutOfWindow,
  formatFen,
  ratePercent,
  rectificationDeadline,
} from '@minyi/domain/budget';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { handlingUnits } from '../../registry';
import {
  budgetAdjustmentLines,
  budgetAdjustments,
  budgetAuditFindings,
  budgetExecution,
  budgetFinalAccountPoints,
  budgetFinalAccounts,
  budgetLines,
} from '../budget.table';
import { budgetAuditFindingPolicy, budgetPolicy } from '../budget.policy';
import { budgetResource, readableBudget } from '../budget.repository';

export async function getFinalAccounts(db: Db, actor: Actor, budgetId: string) {
  const b = await readableBudget(db, actor, budgetId);
  const lines = await db
    .select()
    .from(budgetLines)
    .where(eq(budgetLines.budgetId, b.id))
    .orderBy(asc(budgetLines.code), asc(budgetLines.kind));
  const changes = await db
    .select({
      kind: budgetAdjustmentLines.kind,
      code: budgetAdjustmentLines.code,
      fen: budgetAdjustmentLines.changeFen,
    })
    .from(budgetAdjustmentLines)
    .innerJoin(budgetAdjustments, eq(budgetAdjustments.id, budgetAdjustmentLines.adjustmentId))
    .where(and(eq(budgetAdjustments.budgetId, b.id), eq(budgetAdjustments.status, 'approved')));
  const spending = await db
    .select({ code: budgetExecution.code, fen: budgetExecution.amountFen })
    .from(budgetExecution)
    .where(eq(budgetExecution.budgetId, b.id));
  const [dates] = await db.select().from(budgetFinalAccounts).where(eq(budgetFinalAccounts.budgetId, b.id));
  const points = await db
    .select()
    .from(budgetFinalAccountPoints)
    .where(eq(budgetFinalAccountPoints.budgetId, b.id));
  const findings = await db
    .select({ f: budgetAuditFindings, unitName: handlingUnits.name, unitNameEn: handlingUnits.nameEn })
    .from(budgetAuditFindings)
    .innerJoin(handlingUnits, eq(handlingUnits.id, budgetAuditFindings.unitId))
    .where(eq(budgetAuditFindings.budgetId, b.id))
    .orderBy(asc(budgetAuditFindings.createdAt), asc(budgetAuditFindings.id));

  // Execution is per code, not per budget: a code's spending is the lines' of that code whatever their budget.
  const sumUnder = <T extends { code: string; fen: bigint }>(
    rows: readonly T[],
    code: string,
    keep = (_: T) => true,
  ) => rows.reduce((s, r) => (r.code.startsWith(code) && keep(r) ? s + r.fen : s), 0n);
  const headings = lines.map((l) => {
    const adjusted = l.amountFen + sumUnder(changes, l.code, (c) => c.kind === l.kind);
    const actual = sumUnder(spending, l.code);
    return {
      budget: l.kind,
      code: l.code,
      name: l.name,
      budgeted: formatFen(l.amountFen),
      adjusted: formatFen(adjusted),
      actual: formatFen(actual),
      rate: ratePercent(actual, adjusted),
    };
  });
  const deadline = dates?.auditReportOn ? rectificationDeadline(dates.auditReportOn) : null;
  const today = shanghaiDate(new Date());
  return {
    year: b.year,
    submittedOn: dates?.submittedOn ?? null,
    submittedOutOfWindow: dates?.submittedOn ? finalAccountsOutOfWindow(b.year, dates.submittedOn) : null,
    auditReportOn: dates?.auditReportOn ?? null,
    rectificationDeadline: deadline,
    rectificationHeardOn: dates?.rectificationHeardOn ?? null,
    rectificationReportLate: deadline
      ? dates?.rectificationHeardOn
        ? dates.rectificationHeardOn > deadline
        : today > deadline
      : false,
    approvedOn: dates?.approvedOn ?? null,
    headings,
    points: FINAL_ACCOUNTS_POINTS.map((point) => {
      const r = points.find((x) => x.point === point);
      return { point, findings: r?.findings ?? null, updatedAt: r?.updatedAt.toISOString() ?? null };
    }),
    auditFindings: findings.map(({ f, unitName, unitNameEn }) => ({
      id: f.id,
      unit: { id: f.unitId, name: unitName, nameEn: unitNameEn },
      finding: f.finding,
      amount: formatFen(f.amountFen),
      measures: f.measures,
      status: f.status,
      rectifiedOn: f.rectifiedOn,
      overdue: deadline ? auditFindingOverdue(deadline, f.status === 'rectified', today) : false,
      abilities: budgetAuditFindingPolicy.abilities(actor, { congressId: f.congressId, unitId: f.unitId }),
    })),
    abilities: budgetPolicy.abilities(actor, budgetResource(b)),
  };
}
