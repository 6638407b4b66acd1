// The carry-overs into a budget year with what is still unused and whether it is idle (unused for the setting's
// years, 预算法 Art. 42).
import { asc, eq } from 'drizzle-orm';
import { carryOverIdle, formatFen } from '@minyi/domain/budget';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { budgetCarryOvers as c } from '../budget.table';
import { readableBudget } from '../budget.repository';
import { readBudgetSettings } from '../budget.settings';

export async function findCarryOvers(db: Db, actor: Actor, budgetId: string) {
  const b = await readableBudget(db, actor, budgetId);
  const settings = await readBudgetSettings(db, b.congressId);
  const rows = await db.select().from(c).where(eq(c.budgetId, b.id)).orderBy(asc(c.createdAt), asc(c.id));
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      fromYear: r.fromYear,
      amount: formatFen(r.amountFen),
      unused: formatFen(r.unusedFen),
      idle: carryOverIdle(r.fromYear, b.year, r.unusedFen, settings.carryOverIdleYears),
    })),
  };
}
