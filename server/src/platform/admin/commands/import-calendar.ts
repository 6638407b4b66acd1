// Replaces a congress's holidays and adjusted working days for the years the list covers
// (China publishes the schedule each year).
import type { CalendarDay } from '@minyi/domain/calendar';
import { transact, type Ctx } from '../../context';
import { findCalendarDays } from '../queries/find-calendar-days';

export async function importCalendar(ctx: Ctx, days: readonly CalendarDay[]) {
  const congressId = ctx.actor!.congressId;
  const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort();
  const imported = await transact(ctx, async (w) => {
    const before = (await Promise.all(years.map((y) => findCalendarDays(w.db, congressId, y)))).flat();
    const n = await ctx.app.calendar.importDays(w.db, congressId, days);
    await w.audit({
      action: 'calendar.import',
      entityType: 'calendar',
      entityId: years.join(','),
      before: { days: before },
      after: { days: [...days].sort((a, b) => a.date.localeCompare(b.date)) },
    });
    return n;
  });
  // The cache was cleared inside the transaction; clear it again now the new days are visible.
  ctx.app.calendar.invalidate(congressId);
  return { imported, years };
}
