// The adjustment plans of a budget year (预算法 Art. 67–69) with their line changes, the net change, the Art. 69
// deadline for the preliminary plan and whether it was late, newest first.
import { desc, eq, inArray } from 'drizzle-orm';
import { adjustmentPlanDeadline, adjustmentPlanLate, formatFen } from '@minyi/domain/budget';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { budgetAdjustmentLines as l, budgetAdjustments as a } from '../budget.table';
import { readableBudget } from '../budget.repository';

export async function findAdjustments(db: Db, actor: Actor, budgetId: string) {
  const b = await readableBudget(db, actor, budgetId);
  const rows = await db.select().from(a).where(eq(a.budgetId, b.id)).orderBy(desc(a.createdAt), desc(a.id));
  const lines = rows.length
    ? await db
        .select()
        .from(l)
        .where(
          inArray(
            l.adjustmentId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return {
    items: rows.map((r) => {
      const mine = lines.filter((x) => x.adjustmentId === r.id).sort((x, y) => x.code.localeCompare(y.code));
      return {
        id: r.id,
        title: r.title,
        grounds: r.grounds,
        reason: r.reason,
        meetingDate: r.meetingDate,
        planSubmittedOn: r.planSubmittedOn,
        planDeadline: adjustmentPlanDeadline(r.meetingDate),
        planLate: r.planSubmittedOn ? adjustmentPlanLate(r.meetingDate, r.planSubmittedOn) : null,
        status: r.status,
        decidedOn: r.decidedOn,
        net: formatFen(mine.reduce((s, x) => s + x.changeFen, 0n)),
        lines: mine.map((x) => ({ budget: x.kind, code: x.code, change: formatFen(x.changeFen) })),
      };
    }),
  };
}
