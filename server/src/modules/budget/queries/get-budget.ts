// One budget year: its dates (the Art. 44 draft deadline, the Art. 14 publication deadline), totals by budget,
// spending to date, the months that have arrived, the finance unit, and the caller's abilities.
import { eq, sql } from 'drizzle-orm';
import { draftDeadline, draftLate, formatFen, publicationDeadline, ratePercent } from '@minyi/domain/budget';
import type { Actor, AppServices } from '../../../platform/context';
import { getHandlingUnit } from '../../registry';
import { budgetExecution } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { budgetResource, readableBudget } from '../budget.repository';
import { readBudgetSettings } from '../budget.settings';
import { totalsByKind } from './find-budgets';

export async function getBudget(app: AppServices, actor: Actor, budgetId: string) {
  const db = app.db;
  const b = await readableBudget(db, actor, budgetId);
  const totals = (await totalsByKind(db, [b.id])).get(b.id)!;
  const [spent] = await db
    .select({
      total: sql<string>`coalesce(sum(${budgetExecution.amountFen}) FILTER (WHERE ${budgetExecution.code} !~ '^1'), 0)::text`,
      lastMonth: sql<number>`coalesce(max(${budgetExecution.month}), 0)::int`,
    })
    .from(budgetExecution)
    .where(eq(budgetExecution.budgetId, b.id));
  const unit = b.financeUnitId ? await getHandlingUnit(db, b.congressId, b.financeUnitId) : null;
  const settings = await readBudgetSettings(db, b.congressId);
  const exceptions = b.approvedOn ? await app.calendar.exceptions(b.congressId) : null;
  const general = Object.values(totals).reduce((a, t) => a + BigInt(t.replace('.', '')), 0n);
  return {
    id: b.id,
    year: b.year,
    sittingDate: b.sittingDate,
    draftDeadline: draftDeadline(b.sittingDate),
    draftSubmittedOn: b.draftSubmittedOn,
    draftLate: b.draftSubmittedOn ? draftLate(b.sittingDate, b.draftSubmittedOn) : null,
    approvedOn: b.approvedOn,
    publishedOn: b.publishedOn,
    publicationDeadline:
      b.approvedOn && exceptions
        ? publicationDeadline(b.approvedOn, exceptions, {
            days: settings.publicationDays,
            rollOverRestDays: settings.publicationRollsOverRestDays,
          })
        : null,
    financeUnit: unit ? { id: unit.id, name: unit.name, nameEn: unit.nameEn } : null,
    totals,
    total: formatFen(general),
    executed: formatFen(BigInt(spent.total)),
    rate: ratePercent(BigInt(spent.total), general),
    lastMonth: spent.lastMonth,
    abilities: budgetPolicy.abilities(actor, budgetResource(b)),
  };
}
