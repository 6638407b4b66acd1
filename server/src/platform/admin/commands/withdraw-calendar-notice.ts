// Withdraws the notice a congress entered for a year (entered by mistake, or for the wrong year): the year falls
// back to the notice shipped with the code, or becomes provisional again.
import { notFound } from '../../errors';
import { transact, type Ctx } from '../../context';

export async function withdrawCalendarNotice(ctx: Ctx, year: number) {
  const congressId = ctx.actor!.congressId;
  const cal = ctx.app.calendar;
  try {
    return await transact(ctx, async (w) => {
      const before = await cal.year(congressId, year, w.db);
      if (before.notice?.origin !== 'entered')
        throw notFound({ zh: '该年度录入的通知', en: 'entered notice for the year' });
      await cal.withdrawNotice(w.db, congressId, year);
      const now = await cal.year(congressId, year, w.db);
      await w.audit({
        action: 'calendar.withdrawNotice',
        entityType: 'calendar',
        entityId: String(year),
        before: { notice: before.notice, days: before.items },
        after: { notice: now.notice, provisional: now.provisional },
      });
      return now;
    });
  } finally {
    // The cache was filled inside the transaction: clear it now it committed or rolled back.
    cal.invalidate(congressId);
  }
}
