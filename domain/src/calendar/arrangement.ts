// A year's working-day calendar put together from its three sources, in order of precedence:
// staff entries (a congress's own arrangement) over the State Council's notice over the statute.
// Without a notice the year is provisional: its statutory holidays and their Art. 6 make-up days only.
import { z } from 'zod';
import type { CalendarDay, CalendarDayKind, IsoDate } from './working-days';
import { shippedNotice } from './notices';
import { statutoryRestDays, STATUTORY_FIRST_YEAR, STATUTORY_LAST_YEAR } from './statutory';

export const CALENDAR_SOURCES = ['statute', 'notice', 'staff'] as const;
export const calendarSourceSchema = z.enum(CALENDAR_SOURCES);
export type CalendarSource = z.infer<typeof calendarSourceSchema>;

export interface CalendarEntry {
  date: IsoDate;
  kind: CalendarDayKind;
  name: string;
  source: CalendarSource;
}

export interface YearSources {
  /** The notice's days, or null while no notice is confirmed for the year. */
  notice: readonly CalendarDay[] | null;
  /** Days the congress's staff entered themselves. */
  staff: readonly CalendarDay[];
}

/** The years whose calendar can be computed (the statute's lunar dates are tabulated for them). */
export const CALENDAR_FIRST_YEAR = STATUTORY_FIRST_YEAR;
export const CALENDAR_LAST_YEAR = STATUTORY_LAST_YEAR;

/**
 * Every rest day and adjusted working day of a year (weekends that stay weekends are not listed), sorted.
 * With a notice, the notice's arrangement wins over the computed make-up days (it does the 补假 itself) while
 * the statutory holidays stay rest days unless the notice says otherwise; staff entries win over both.
 */
export function arrangeYear(year: number, sources: YearSources): CalendarEntry[] {
  const byDate = new Map<IsoDate, CalendarEntry>();
  const put = (d: { date: IsoDate; kind: CalendarDayKind; name: string }, source: CalendarSource) =>
    byDate.set(d.date, { date: d.date, kind: d.kind, name: d.name, source });
  if (year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR) {
    for (const s of statutoryRestDays(year)) {
      if (sources.notice && s.makeUp) continue;
      put({ date: s.date, kind: 'holiday', name: s.name }, 'statute');
    }
  }
  for (const d of sources.notice ?? []) put(d, 'notice');
  for (const d of sources.staff) put(d, 'staff');
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The working-day exceptions of years `from` to `to` as the code ships them (statute and shipped notices, no
 * staff entries): what a congress has before anyone enters anything.
 */
export function shippedExceptions(
  from = CALENDAR_FIRST_YEAR,
  to = CALENDAR_LAST_YEAR,
): Map<IsoDate, CalendarDayKind> {
  const map = new Map<IsoDate, CalendarDayKind>();
  for (let y = from; y <= to; y++) {
    for (const e of arrangeYear(y, { notice: shippedNotice(y)?.days ?? null, staff: [] }))
      map.set(e.date, e.kind);
  }
  return map;
}
