// A congress's own arrangement for one date (a local rest day, or a day worked), which wins over the notice
// and the statute; `null` removes it.
import type { CalendarDayKind, IsoDate } from '@minyi/domain/calendar';
import { notFound } from '../../errors';
import { transact, type Ctx } from '../../context';

export async function setCalendarDay(
  ctx: Ctx,
  date: IsoDate,
  day: { kind: CalendarDayKind; name: string } | null,
) {
  const congressId = ctx.actor!.congressId;
  const cal = ctx.app.calendar;
  const year = Number(date.slice(0, 4));
  try {
    return await transact(ctx, async (w) => {
      const before = (await cal.year(congressId, year, w.db)).items.find((e) => e.date === date) ?? null;
      const removed = await cal.setStaffDay(w.db, congressId, date, day);
      if (!day && !removed) throw notFound({ zh: '本级安排的日期', en: 'own arrangement for the date' });
      const after = (await cal.year(congressId, year, w.db)).items.find((e) => e.date === date) ?? null;
      await w.audit({
        action: day ? 'calendar.setDay' : 'calendar.removeDay',
        entityType: 'calendar',
        entityId: date,
        before,
        after,
      });
      return after;
    });
  } finally {
    // The cache was filled inside the transaction: clear it now it committed or rolled back.
    cal.invalidate(congressId);
  }
}
