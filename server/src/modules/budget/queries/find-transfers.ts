// The transfers of a budget year with each one's Art. 52 deadline and whether it is late (issued after it, or
// not issued while today is past it), in the order recorded. A year has tens of transfers: no paging.
import { asc, eq } from 'drizzle-orm';
import { formatFen, transferLate } from '@minyi/domain/budget';
import { addCalendarDays, shanghaiDate } from '@minyi/domain/calendar';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { budgetTransfers as t } from '../budget.table';
import { readableBudget } from '../budget.repository';
import { readBudgetSettings } from '../budget.settings';

export async function findTransfers(db: Db, actor: Actor, budgetId: string) {
  const b = await readableBudget(db, actor, budgetId);
  const settings = await readBudgetSettings(db, b.congressId);
  const rows = await db.select().from(t).where(eq(t.budgetId, b.id)).orderBy(asc(t.createdAt), asc(t.id));
  const today = shanghaiDate(new Date());
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      recipient: r.recipient,
      kind: r.kind,
      purpose: r.purpose,
      amount: formatFen(r.amountFen),
      issuedOn: r.issuedOn,
      deadline: b.approvedOn ? addCalendarDays(b.approvedOn, settings.transferDays[r.kind]) : null,
      late: b.approvedOn
        ? transferLate(b.approvedOn, r.kind, r.issuedOn, today, settings.transferDays)
        : false,
    })),
  };
}
