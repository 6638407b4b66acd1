// The statutory public holidays of any year from 2000 to 2100, from 《全国年节及纪念日放假办法》 in the text in
// force that year, and the make-up rest days of its Art. 6 (补假). The State Council's yearly notice arranges the
// bridged days and make-up working days (调休) on top of these; without it a year's calendar is provisional.
import { addCalendarDays, type IsoDate } from './working-days';
import { LUNAR_TABLE, LUNAR_TABLE_FIRST_YEAR, LUNAR_TABLE_LAST_YEAR } from './lunar-table';

/** The holidays for all citizens (全体公民放假的节日) one text of the measures grants, in its Art. 2. */
type HolidayRule = { name: string; days: (year: LunarYear) => IsoDate[] };

interface LunarYear {
  year: number;
  /** 除夕, the last day of the lunar year before 正月初一. */
  eve: IsoDate;
  /** 正月初一. */
  newYear: IsoDate;
  dragonBoat: IsoDate;
  midAutumn: IsoDate;
  qingming: IsoDate;
}

export interface HolidayMeasuresText {
  /** The day the text took effect. */
  effective: IsoDate;
  /** The State Council decree that made it. */
  decree: string;
  rules: readonly HolidayRule[];
}

const fixed =
  (monthDay: string, count = 1) =>
  (y: LunarYear) =>
    Array.from({ length: count }, (_, i) => addCalendarDays(`${y.year}-${monthDay}`, i));
const springFestival = (fromEve: boolean, count: number) => (y: LunarYear) =>
  Array.from({ length: count }, (_, i) => addCalendarDays(fromEve ? y.eve : y.newYear, i));

const NEW_YEAR = { name: '元旦', days: fixed('01-01') };
const QINGMING = { name: '清明节', days: (y: LunarYear) => [y.qingming] };
const DRAGON_BOAT = { name: '端午节', days: (y: LunarYear) => [y.dragonBoat] };
const MID_AUTUMN = { name: '中秋节', days: (y: LunarYear) => [y.midAutumn] };
const NATIONAL_DAY = { name: '国庆节', days: fixed('10-01', 3) };

/** The texts of 《全国年节及纪念日放假办法》 since 1999, oldest first. Each applies from its effective date. */
export const HOLIDAY_MEASURES: readonly HolidayMeasuresText[] = [
  {
    // 1999 text (国务院令第270号): Spring Festival 初一–初三, Labour Day 1–3 May, no traditional festivals.
    effective: '1999-09-18',
    decree: '国务院令第270号',
    rules: [
      NEW_YEAR,
      { name: '春节', days: springFestival(false, 3) },
      { name: '劳动节', days: fixed('05-01', 3) },
      NATIONAL_DAY,
    ],
  },
  {
    // 2007 amendment (国务院令第513号), in force 2008-01-01: 除夕 to 初二; Qingming, Dragon Boat, Mid-Autumn.
    effective: '2008-01-01',
    decree: '国务院令第513号',
    rules: [
      NEW_YEAR,
      { name: '春节', days: springFestival(true, 3) },
      QINGMING,
      { name: '劳动节', days: fixed('05-01') },
      DRAGON_BOAT,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
  {
    // 2013 amendment (国务院令第644号), in force 2014-01-01: Spring Festival 初一 to 初三 again.
    effective: '2014-01-01',
    decree: '国务院令第644号',
    rules: [
      NEW_YEAR,
      { name: '春节', days: springFestival(false, 3) },
      QINGMING,
      { name: '劳动节', days: fixed('05-01') },
      DRAGON_BOAT,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
  {
    // 2024 amendment (国务院令第795号), in force 2025-01-01: Spring Festival 除夕 to 初三, Labour Day 1–2 May.
    effective: '2025-01-01',
    decree: '国务院令第795号',
    rules: [
      NEW_YEAR,
      { name: '春节', days: springFestival(true, 4) },
      QINGMING,
      { name: '劳动节', days: fixed('05-01', 2) },
      DRAGON_BOAT,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
];

/** The first and last years whose statutory holidays can be computed (the span of the lunar table). */
export const STATUTORY_FIRST_YEAR = LUNAR_TABLE_FIRST_YEAR;
export const STATUTORY_LAST_YEAR = LUNAR_TABLE_LAST_YEAR;

function lunarYear(year: number): LunarYear {
  const row = LUNAR_TABLE[year - LUNAR_TABLE_FIRST_YEAR];
  if (!row || row[0] !== year) {
    throw new RangeError(`statutory holidays are known for ${STATUTORY_FIRST_YEAR}–${STATUTORY_LAST_YEAR}`);
  }
  const [, newYear, dragonBoat, midAutumn, qingming] = row;
  const newYearDate = `${year}-${newYear}`;
  return {
    year,
    eve: addCalendarDays(newYearDate, -1),
    newYear: newYearDate,
    dragonBoat: `${year}-${dragonBoat}`,
    midAutumn: `${year}-${midAutumn}`,
    qingming: `${year}-${qingming}`,
  };
}

/** The text of the measures in force on 1 January of `year` (every amendment since 2008 took effect on a 1 January). */
export function holidayMeasuresFor(year: number): HolidayMeasuresText {
  const jan1 = `${year}-01-01`;
  return HOLIDAY_MEASURES.findLast((t) => t.effective <= jan1) ?? HOLIDAY_MEASURES[0];
}

export interface StatutoryDay {
  date: IsoDate;
  name: string;
  /** A make-up rest day under Art. 6 (补假) for a holiday that fell on a Saturday or Sunday. */
  makeUp: boolean;
}

const isWeekend = (date: IsoDate) => {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
};

const memo = new Map<number, readonly StatutoryDay[]>();

/**
 * The statutory rest days of a year: the holidays of Art. 2 of the text in force, and for each of them that
 * falls on a Saturday or Sunday a make-up rest day on the next working day (Art. 6: 全体公民放假的假日，如果适逢
 * 星期六、星期日，应当在工作日补假). Where two festivals share a date (Mid-Autumn on 1 October) it is one rest day.
 * Sorted by date; a make-up day can fall early in the next year's January only in theory (no holiday ends a year).
 */
export function statutoryRestDays(year: number): readonly StatutoryDay[] {
  const hit = memo.get(year);
  if (hit) return hit;
  const ly = lunarYear(year);
  const byDate = new Map<IsoDate, StatutoryDay>();
  for (const rule of holidayMeasuresFor(year).rules) {
    for (const date of rule.days(ly)) {
      const had = byDate.get(date);
      byDate.set(date, { date, name: had ? `${had.name}、${rule.name}` : rule.name, makeUp: false });
    }
  }
  const holidays = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  const taken = new Set(byDate.keys());
  const out = [...holidays];
  for (const h of holidays) {
    if (!isWeekend(h.date)) continue;
    let d = addCalendarDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addCalendarDays(d, 1);
    taken.add(d);
    out.push({ date: d, name: `${h.name.split('、')[0]}补假`, makeUp: true });
  }
  out.sort((a, b) => a.date.localeCompare(b.date));
  memo.set(year, out);
  return out;
}
