// Deadlines through each congress's working-day calendar (weekends, holidays, adjusted working days),
// in Asia/Shanghai time. Every module computes its deadlines here.
import {
  addMonths,
  addWorkingDays,
  endOfShanghaiDay,
  shanghaiDate,
  workingDaysBetween,
  type CalendarDay,
  type CalendarExceptions,
  type IsoDate,
} from '@minyi/domain/calendar';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { calendarDays } from './platform.table';

export interface Calendar {
  /**
   * The congress's holidays and adjusted working days. Inside a transaction pass its `db`: PGlite has one
   * connection, so a read outside the open transaction would wait for it forever.
   */
  exceptions(congressId: string, db?: Db): Promise<CalendarExceptions>;
  /** End of the Shanghai day `n` working days after `from`. */
  workingDaysAfter(congressId: string, from: Date, n: number, db?: Db): Promise<Date>;
  /** End of the Shanghai day `months` calendar months after `from` (Deputies Law deadlines). */
  monthsAfter(from: Date, months: number): Date;
  /** Working days from `from` until `to` (negative when past). */
  workingDaysUntil(congressId: string, from: Date, to: Date, db?: Db): Promise<number>;
  /** Replaces the exceptions in the years the list covers. */
  importDays(db: Db, congressId: string, days: readonly CalendarDay[]): Promise<number>;
  invalidate(congressId?: string): void;
}

const TTL_MS = 60_000;

export function createCalendar(getDb: () => Db): Calendar {
  const cache = new Map<string, { at: number; map: CalendarExceptions }>();
  const cal: Calendar = {
    async exceptions(congressId, db) {
      const hit = cache.get(congressId);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.map;
      const rows = await (db ?? getDb())
        .select({ date: calendarDays.date, kind: calendarDays.kind })
        .from(calendarDays)
        .where(eq(calendarDays.congressId, congressId));
      const map = new Map(rows.map((r) => [r.date, r.kind]));
      cache.set(congressId, { at: Date.now(), map });
      return map;
    },
    async workingDaysAfter(congressId, from, n, db) {
      return endOfShanghaiDay(addWorkingDays(shanghaiDate(from), n, await cal.exceptions(congressId, db)));
    },
    monthsAfter(from, months) {
      return endOfShanghaiDay(addMonths(shanghaiDate(from), months));
    },
    async workingDaysUntil(congressId, from, to, db) {
      return workingDaysBetween(shanghaiDate(from), shanghaiDate(to), await cal.exceptions(congressId, db));
    },
    async importDays(db, congressId, days) {
      const years = [...new Set(days.map((d) => d.date.slice(0, 4)))];
      for (const y of years) {
        await db.execute(
          sql`DELETE FROM calendar_days WHERE congress_id = ${congressId} AND date >= ${`${y}-01-01`}::date AND date <= ${`${y}-12-31`}::date`,
        );
      }
      if (days.length > 0) {
        await db
          .insert(calendarDays)
          .values(days.map((d) => ({ congressId, date: d.date, kind: d.kind, name: d.name })));
      }
      cal.invalidate(congressId);
      return days.length;
    },
    invalidate(congressId) {
      if (congressId) cache.delete(congressId);
      else cache.clear();
    },
  };
  return cal;
}

export type { IsoDate };
