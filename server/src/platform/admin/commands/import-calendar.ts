// Enters the State Council's notice for the years the list covers (China publishes next year's each November):
// each year's notice days are replaced and the year is confirmed, no longer provisional.
import type { CalendarDay } from '@minyi/domain/calendar';
import { transact, type Ctx } from '../../context';

export async function importCalendar(ctx: Ctx, notice: { days: readonly CalendarDay[]; reference: string }) {
  const actor = ctx.actor!;
  const congressId = actor.congressId;
  const byYear = new Map<number, CalendarDay[]>();
  for (const d of notice.days) {
    const y = Number(d.date.slice(0, 4));
    byYear.set(y, [...(byYear.get(y) ?? []), d]);
  }
  const years = [...byYear.keys()].sort();
  try {
    await transact(ctx, async (w) => {
      const cal = ctx.app.calendar;
      const before = await Promise.all(years.map((y) => cal.year(congressId, y, w.db)));
      for (const y of years) {
        await cal.enterNotice(w.db, congressId, y, {
          days: byYear.get(y)!,
          reference: notice.reference,
          enteredBy: actor.accountId,
        });
      }
      await w.audit({
        action: 'calendar.import',
        entityType: 'calendar',
        entityId: years.join(','),
        before: { years: before.map((b) => ({ year: b.year, notice: b.notice, days: b.items })) },
        after: {
          reference: notice.reference,
          days: [...notice.days].sort((a, b) => a.date.localeCompare(b.date)),
        },
      });
    });
  } finally {
    // The cache was filled inside the transaction: clear it now it committed or rolled back.
    ctx.app.calendar.invalidate(congressId);
  }
  return { imported: notice.days.length, years };
}
