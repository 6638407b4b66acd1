// Working-day arithmetic: weekends, public holidays, and weekend days made working days (调休).
// Pure: the caller passes the exceptions it loaded. Dates are calendar dates in Asia/Shanghai.
import { z } from 'zod';

export const CALENDAR_TIME_ZONE = 'Asia/Shanghai';

/** An ISO date, YYYY-MM-DD. */
export const isoDateSchema = z.iso.date();
export type IsoDate = string;

export const calendarDayKindSchema = z.enum(['holiday', 'workday']);
export type CalendarDayKind = z.infer<typeof calendarDayKindSchema>;

export const calendarDaySchema = z.strictObject({
  date: isoDateSchema,
  kind: calendarDayKindSchema,
  name: z.string().max(100).default(''),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

/** Exceptions to the weekend rule, keyed by ISO date. */
export type CalendarExceptions = ReadonlyMap<IsoDate, CalendarDayKind>;

const DAY_MS = 86_400_000;
const toUtcMidnight = (d: IsoDate): number => Date.parse(`${d}T00:00:00Z`);
const fromUtcMidnight = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

/** The calendar date in Asia/Shanghai of an instant. */
// en-CA formats as YYYY-MM-DD. Made once: constructing a formatter costs far more than formatting.
const shanghaiDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: CALENDAR_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// Asia/Shanghai has kept UTC+8 without daylight saving since 1992, so later instants take the arithmetic
// (about a hundred times cheaper than the formatter; queues compute it on every request).
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function shanghaiDate(instant: Date): IsoDate {
  const t = instant.getTime();
  if (t >= FIXED_OFFSET_FROM && t < 253_402_300_800_000 - SHANGHAI_OFFSET_MS)
    return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  return shanghaiDay.format(instant);
}

/** End of a Shanghai calendar day (23:59:59.999 +08:00) as an instant: deadlines fall due then. */
export function endOfShanghaiDay(date: IsoDate): Date {
  return new Date(toUtcMidnight(date) + DAY_MS - 8 * 3_600_000 - 1);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);
}

/** Adds calendar months, clamping to the month's last day (3 months from 30 Nov is 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return fromUtcMidnight(target.getTime());
}

export function isWorkingDay(date: IsoDate, exceptions: CalendarExceptions): boolean {
  const kind = exceptions.get(date);
  if (kind) return kind === 'workday';
  const dow = new Date(toUtcMidnight(date)).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * The date `n` working days after `start` (start itself not counted), so a 15-working-day
 * deadline from a Friday submission counts from the next working day.
 */
export function addWorkingDays(start: IsoDate, n: number, exceptions: CalendarExceptions): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let date = start;
  let left = n;
  while (left > 0) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date, exceptions)) left--;
  }
  return date;
}

/** Working days strictly after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, exceptions: CalendarExceptions): number {
  if (to < from) return -workingDaysBetween(to, from, exceptions);
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    if (isWorkingDay(d, exceptions)) count++;
  }
  return count;
}
