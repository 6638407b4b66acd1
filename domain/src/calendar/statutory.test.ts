import { Lunar } from 'lunar-javascript';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  arrangeYear,
  holidayMeasuresFor,
  isWorkingDay,
  LUNAR_TABLE,
  shippedExceptions,
  shippedNotice,
  STATE_COUNCIL_NOTICES,
  statutoryRestDays,
} from '.';

const rest = (year: number) => statutoryRestDays(year).map((d) => d.date);
const makeUps = (year: number) =>
  statutoryRestDays(year)
    .filter((d) => d.makeUp)
    .map((d) => d.date);

describe('the lunar table', () => {
  it('agrees on every year 2000–2100 with an astronomical computation (lunar-javascript)', () => {
    for (const [year, newYear, dragonBoat, midAutumn, qingming] of LUNAR_TABLE) {
      expect(Lunar.fromYmd(year, 1, 1).getSolar().toYmd()).toBe(`${year}-${newYear}`);
      expect(Lunar.fromYmd(year, 5, 5).getSolar().toYmd()).toBe(`${year}-${dragonBoat}`);
      expect(Lunar.fromYmd(year, 8, 15).getSolar().toYmd()).toBe(`${year}-${midAutumn}`);
      expect(Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明'].toYmd()).toBe(`${year}-${qingming}`);
    }
    expect(LUNAR_TABLE.map((r) => r[0])).toEqual(Array.from({ length: 101 }, (_, i) => 2000 + i));
  });

  it('puts 正月初一 where the Hong Kong Observatory does, not where ICU does', () => {
    const newYear = (y: number) => LUNAR_TABLE.find((r) => r[0] === y)![1];
    // ICU (Node 20) says 2027-02-07 and 2030-02-02.
    expect(newYear(2027)).toBe('02-06');
    expect(newYear(2030)).toBe('02-03');
    expect(newYear(2026)).toBe('02-17');
    expect(newYear(2033)).toBe('01-31');
  });
});

describe('statutory holidays (全国年节及纪念日放假办法)', () => {
  it('applies the text in force each year', () => {
    expect(holidayMeasuresFor(2005).decree).toBe('国务院令第270号');
    expect(holidayMeasuresFor(2010).decree).toBe('国务院令第513号');
    expect(holidayMeasuresFor(2024).decree).toBe('国务院令第644号');
    expect(holidayMeasuresFor(2025).decree).toBe('国务院令第795号');
    expect(holidayMeasuresFor(2100).decree).toBe('国务院令第795号');
  });

  it('from 2025: Spring Festival 除夕 to 初三, Labour Day two days; 2027 with its Art. 6 make-up days', () => {
    expect(statutoryRestDays(2027)).toEqual([
      { date: '2027-01-01', name: '元旦', makeUp: false },
      { date: '2027-02-05', name: '春节', makeUp: false }, // 除夕, Friday
      { date: '2027-02-06', name: '春节', makeUp: false }, // 初一, Saturday
      { date: '2027-02-07', name: '春节', makeUp: false }, // 初二, Sunday
      { date: '2027-02-08', name: '春节', makeUp: false }, // 初三
      { date: '2027-02-09', name: '春节补假', makeUp: true },
      { date: '2027-02-10', name: '春节补假', makeUp: true },
      { date: '2027-04-05', name: '清明节', makeUp: false },
      { date: '2027-05-01', name: '劳动节', makeUp: false },
      { date: '2027-05-02', name: '劳动节', makeUp: false },
      { date: '2027-05-03', name: '劳动节补假', makeUp: true },
      { date: '2027-05-04', name: '劳动节补假', makeUp: true },
      { date: '2027-06-09', name: '端午节', makeUp: false },
      { date: '2027-09-15', name: '中秋节', makeUp: false },
      { date: '2027-10-01', name: '国庆节', makeUp: false },
      { date: '2027-10-02', name: '国庆节', makeUp: false },
      { date: '2027-10-03', name: '国庆节', makeUp: false },
      { date: '2027-10-04', name: '国庆节补假', makeUp: true },
      { date: '2027-10-05', name: '国庆节补假', makeUp: true },
    ]);
  });

  it('before 2025: Spring Festival 初一 to 初三 and Labour Day one day (2014 text); 除夕 to 初二 under the 2008 text', () => {
    expect(rest(2024).filter((d) => d.startsWith('2024-02'))).toEqual([
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13', // make-up for Saturday 10 Feb
      '2024-02-14', // make-up for Sunday 11 Feb
    ]);
    expect(rest(2024).filter((d) => d.startsWith('2024-05'))).toEqual(['2024-05-01']);
    expect(rest(2010).filter((d) => d.startsWith('2010-02'))).toEqual([
      '2010-02-13', // 除夕, Saturday
      '2010-02-14', // 初一, Sunday
      '2010-02-15',
      '2010-02-16', // make-ups
      '2010-02-17',
    ]);
    // The 1999 text: three days in May, no Qingming, Dragon Boat or Mid-Autumn.
    expect(rest(2005).filter((d) => d.startsWith('2005-05'))).toEqual([
      '2005-05-01', // Sunday
      '2005-05-02',
      '2005-05-03',
      '2005-05-04', // make-up for Sunday 1 May
    ]);
    expect(rest(2005)).not.toContain('2005-04-05');
  });

  it('makes one rest day of two festivals on one date (Mid-Autumn on National Day 2020)', () => {
    const oct1 = statutoryRestDays(2020).find((d) => d.date === '2020-10-01')!;
    expect(oct1.name).toBe('中秋节、国庆节');
    expect(makeUps(2020)).toEqual(['2020-01-28', '2020-01-29', '2020-04-06', '2020-10-05']);
  });

  it('every computed rest day of 2020–2026, make-up days included, is a rest day in that year’s notice', () => {
    for (const notice of STATE_COUNCIL_NOTICES) {
      const restInNotice = new Set(notice.days.filter((d) => d.kind === 'holiday').map((d) => d.date));
      const workInNotice = new Set(notice.days.filter((d) => d.kind === 'workday').map((d) => d.date));
      for (const d of statutoryRestDays(notice.year)) {
        expect(restInNotice.has(d.date), `${notice.year}: ${d.date} ${d.name}`).toBe(true);
        expect(workInNotice.has(d.date)).toBe(false);
      }
    }
    expect(STATE_COUNCIL_NOTICES.map((n) => n.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('computes every year 2020–2030 with at least the festivals of the text in force', () => {
    for (let y = 2020; y <= 2030; y++) {
      const days = statutoryRestDays(y).filter((d) => !d.makeUp);
      const expected = y >= 2025 ? 4 + 1 + 1 + 2 + 1 + 1 + 3 : 3 + 1 + 1 + 1 + 1 + 1 + 3;
      // A shared date (Mid-Autumn on 1 October) counts once.
      const shared = days.filter((d) => d.name.includes('、')).length;
      expect(days.length + shared, String(y)).toBe(expected);
      for (const d of days) expect(d.date.startsWith(String(y))).toBe(true);
    }
  });
});

describe('a year put together from statute, notice and staff', () => {
  it('without a notice: the statute and its make-up days, marked as such', () => {
    const y2027 = arrangeYear(2027, { notice: null, staff: [] });
    expect(y2027.every((e) => e.source === 'statute' && e.kind === 'holiday')).toBe(true);
    expect(y2027.map((e) => e.date)).toEqual(rest(2027));
  });

  it('with a notice: the notice’s arrangement wins and the computed make-up days give way', () => {
    const notice = shippedNotice(2026)!.days;
    const y2026 = arrangeYear(2026, { notice, staff: [] });
    expect(y2026.find((e) => e.date === '2026-02-14')).toMatchObject({ kind: 'workday', source: 'notice' });
    expect(y2026.filter((e) => e.source === 'statute')).toEqual([]);
    expect(y2026).toHaveLength(notice.length);
  });

  it('staff entries win over the notice', () => {
    const y = arrangeYear(2026, {
      notice: shippedNotice(2026)!.days,
      staff: [{ date: '2026-02-14', kind: 'holiday', name: '本地调整' }],
    });
    expect(y.find((e) => e.date === '2026-02-14')).toMatchObject({ kind: 'holiday', source: 'staff' });
  });
});

describe('deadlines across the turn of 2026 into 2027', () => {
  const shipped = shippedExceptions();

  it('10 working days from Friday 2026-12-18 is Monday 2027-01-04 (1 January is New Year’s Day)', () => {
    expect(addWorkingDays('2026-12-18', 10, shipped)).toBe('2027-01-04');
  });

  it('the 2027 Spring Festival is six working days off, not five working days', () => {
    for (const d of ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'])
      expect(isWorkingDay(d, shipped)).toBe(false);
    expect(isWorkingDay('2027-02-11', shipped)).toBe(true);
    expect(addWorkingDays('2027-02-04', 1, shipped)).toBe('2027-02-11');
  });
});
