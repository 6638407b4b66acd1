// Deadlines through each congress's working-day calendar, in Asia/Shanghai time. Every module computes its
// deadlines here. A year's calendar is the statute's holidays (computed for any year, domain/src/calendar),
// the State Council's notice for the year (shipped with the code, or entered by the congress) and the
// congress's own arrangements; a year without a notice is provisional.
import {
  addMonths,
  addWorkingDays,
  arrangeYear,
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  endOfShanghaiDay,
  shanghaiDate,
  shippedNotice,
  workingDaysBetween,
  type CalendarDay,
  type CalendarEntry,
  type CalendarExceptions,
  type IsoDate,
} from '@minyi/domain/calendar';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { calendarDays, calendarNotices } from './platform.table';

/** Where a year's notice comes from: shipped with the code, or entered by the congress (which wins). */
export interface NoticeInfo {
  origin: 'shipped' | 'entered';
  reference: string;
  enteredAt: Date | null;
}

export interface CalendarYear {
  year: number;
  /** True while no notice is confirmed for the year: its days are the statute's alone. */
  provisional: boolean;
  notice: NoticeInfo | null;
  items: (CalendarEntry & { provisional: boolean })[];
}

/** What a congress entered itself, loaded once and cached. */
interface Entered {
  notices: Map<number, { reference: string; enteredAt: Date }>;
  noticeDays: Map<number, CalendarDay[]>;
  staffDays: Map<number, CalendarDay[]>;
}

interface Loaded {
  at: number;
  entered: Entered;
  map: CalendarExceptions;
}

export interface Calendar {
  /**
   * The congress's holidays and adjusted working days, every year. Inside a transaction pass its `db`: PGlite
   * has one connection, so a read outside the open transaction would wait for it forever.
   */
  exceptions(congressId: string, db?: Db): Promise<CalendarExceptions>;
  /** End of the Shanghai day `n` working days after `from`. */
  workingDaysAfter(congressId: string, from: Date, n: number, db?: Db): Promise<Date>;
  /** End of the Shanghai day `months` calendar months after `from` (Deputies Law deadlines). */
  monthsAfter(from: Date, months: number): Date;
  /** Working days from `from` until `to` (negative when past). */
  workingDaysUntil(congressId: string, from: Date, to: Date, db?: Db): Promise<number>;
  /** One year as the congress sees it: every rest day and adjusted working day with its source. */
  year(congressId: string, year: number, db?: Db): Promise<CalendarYear>;
  /** Whether any year from `from` to `to` (Shanghai dates) lacks a confirmed notice. */
  provisionalBetween(congressId: string, from: IsoDate, to: IsoDate, db?: Db): Promise<boolean>;
  /** Records a year's notice: replaces its notice days and confirms the year. */
  enterNotice(
    db: Db,
    congressId: string,
    year: number,
    notice: { days: readonly CalendarDay[]; reference: string; enteredBy: string | null },
  ): Promise<void>;
  /** Withdraws an entered notice: the year falls back to the shipped notice, or to provisional. */
  withdrawNotice(db: Db, congressId: string, year: number): Promise<boolean>;
  /** Sets (or with `null` removes) a congress's own arrangement for a date. */
  setStaffDay(
    db: Db,
    congressId: string,
    date: IsoDate,
    day: { kind: CalendarDay['kind']; name: string } | null,
  ): Promise<boolean>;
  /** Drops the cached calendar (call after the transaction that changed it committed or rolled back). */
  invalidate(congressId?: string): void;
}

const TTL_MS = 60_000;
const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

function groupByYear(days: readonly CalendarDay[]): Map<number, CalendarDay[]> {
  const out = new Map<number, CalendarDay[]>();
  for (const d of days) {
    const list = out.get(yearOf(d.date)) ?? [];
    list.push(d);
    out.set(yearOf(d.date), list);
  }
  return out;
}

/** The notice days that count for a year: the congress's entered notice, else the shipped one, else none. */
function noticeOf(entered: Entered, year: number): { days: readonly CalendarDay[]; info: NoticeInfo } | null {
  const own = entered.notices.get(year);
  if (own) {
    return {
      days: entered.noticeDays.get(year) ?? [],
      info: { origin: 'entered', reference: own.reference, enteredAt: own.enteredAt },
    };
  }
  const shipped = shippedNotice(year);
  return shipped
    ? { days: shipped.days, info: { origin: 'shipped', reference: shipped.reference, enteredAt: null } }
    : null;
}

const arrange = (entered: Entered, year: number) =>
  arrangeYear(year, {
    notice: noticeOf(entered, year)?.days ?? null,
    staff: entered.staffDays.get(year) ?? [],
  });

/** The notice days a congress entered for a year. */
const deleteNoticeDays = (db: Db, congressId: string, year: number) =>
  db
    .delete(calendarDays)
    .where(
      and(
        eq(calendarDays.congressId, congressId),
        eq(calendarDays.source, 'notice'),
        gte(calendarDays.date, `${year}-01-01`),
        lte(calendarDays.date, `${year}-12-31`),
      ),
    );

export function createCalendar(getDb: () => Db): Calendar {
  const cache = new Map<string, Loaded>();
  // Congresses whose calendar a transaction is changing: reads then bypass the cache, so days not yet
  // committed (or about to be rolled back) are never served to others. `invalidate` ends it after commit.
  const changing = new Set<string>();
  const markChanging = (congressId: string) => {
    changing.add(congressId);
    cache.delete(congressId);
  };

  async function load(congressId: string, db?: Db): Promise<Loaded> {
    const hit = cache.get(congressId);
    if (hit && Date.now() - hit.at < TTL_MS && !changing.has(congressId)) return hit;
    const conn = db ?? getDb();
    const [notices, days] = [
      await conn
        .select({
          year: calendarNotices.year,
          reference: calendarNotices.reference,
          enteredAt: calendarNotices.enteredAt,
        })
        .from(calendarNotices)
        .where(eq(calendarNotices.congressId, congressId)),
      await conn
        .select({
          date: calendarDays.date,
          kind: calendarDays.kind,
          name: calendarDays.name,
          source: calendarDays.source,
        })
        .from(calendarDays)
        .where(eq(calendarDays.congressId, congressId)),
    ];
    const entered: Entered = {
      notices: new Map(notices.map((n) => [n.year, { reference: n.reference, enteredAt: n.enteredAt }])),
      noticeDays: groupByYear(days.filter((d) => d.source === 'notice')),
      staffDays: groupByYear(days.filter((d) => d.source === 'staff')),
    };
    // Every year the statute covers, each put together once: about 1,600 dates, a fraction of a millisecond
    // a year, rebuilt at most once a minute per congress.
    const map = new Map<IsoDate, CalendarDay['kind']>();
    for (let y = CALENDAR_FIRST_YEAR; y <= CALENDAR_LAST_YEAR; y++) {
      for (const e of arrange(entered, y)) map.set(e.date, e.kind);
    }
    // Staff entries outside the statute's span still count.
    for (const [y, list] of entered.staffDays) {
      if (y < CALENDAR_FIRST_YEAR || y > CALENDAR_LAST_YEAR) for (const d of list) map.set(d.date, d.kind);
    }
    const loaded = { at: Date.now(), entered, map };
    if (!changing.has(congressId)) cache.set(congressId, loaded);
    return loaded;
  }

  const isProvisional = (entered: Entered, year: number) => noticeOf(entered, year) === null;

  const cal: Calendar = {
    async exceptions(congressId, db) {
      return (await load(congressId, db)).map;
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
    async year(congressId, year, db) {
      const { entered } = await load(congressId, db);
      const provisional = isProvisional(entered, year);
      return {
        year,
        provisional,
        notice: noticeOf(entered, year)?.info ?? null,
        items: arrange(entered, year).map((e) => ({ ...e, provisional })),
      };
    },
    async provisionalBetween(congressId, from, to, db) {
      const { entered } = await load(congressId, db);
      for (let y = yearOf(from); y <= yearOf(to); y++) if (isProvisional(entered, y)) return true;
      return false;
    },
    async enterNotice(db, congressId, year, notice) {
      markChanging(congressId);
      await deleteNoticeDays(db, congressId, year);
      if (notice.days.length > 0) {
        await db.insert(calendarDays).values(
          notice.days.map((d) => ({
            congressId,
            date: d.date,
            kind: d.kind,
            name: d.name,
            source: 'notice' as const,
          })),
        );
      }
      await db
        .insert(calendarNotices)
        .values({ congressId, year, reference: notice.reference, enteredBy: notice.enteredBy })
        .onConflictDoUpdate({
          target: [calendarNotices.congressId, calendarNotices.year],
          set: { reference: notice.reference, enteredBy: notice.enteredBy, enteredAt: sql`now()` },
        });
    },
    async withdrawNotice(db, congressId, year) {
      markChanging(congressId);
      const gone = await db
        .delete(calendarNotices)
        .where(and(eq(calendarNotices.congressId, congressId), eq(calendarNotices.year, year)))
        .returning({ year: calendarNotices.year });
      await deleteNoticeDays(db, congressId, year);
      return gone.length > 0;
    },
    async setStaffDay(db, congressId, date, day) {
      markChanging(congressId);
      const key = and(
        eq(calendarDays.congressId, congressId),
        eq(calendarDays.date, date),
        eq(calendarDays.source, 'staff'),
      );
      const gone = await db.delete(calendarDays).where(key).returning({ date: calendarDays.date });
      if (day)
        await db
          .insert(calendarDays)
          .values({ congressId, date, kind: day.kind, name: day.name, source: 'staff' });
      return gone.length > 0;
    },
    invalidate(congressId) {
      if (congressId) {
        cache.delete(congressId);
        changing.delete(congressId);
      } else {
        cache.clear();
        changing.clear();
      }
    },
  };
  return cal;
}

export type { IsoDate };
