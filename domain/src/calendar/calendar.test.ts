import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addWorkingDays,
  endOfShanghaiDay,
  isWorkingDay,
  shanghaiDate,
  workingDaysBetween,
  shippedNotice,
} from '.';

const cn2026 = new Map(shippedNotice(2026)!.days.map((d) => [d.date, d.kind]));
const none = new Map();

describe('working-day calendar', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2026-11-27', 1, none)).toBe('2026-11-30'); // Friday -> Monday
    expect(addWorkingDays('2026-11-23', 15, none)).toBe('2026-12-14');
  });

  it('crosses the 2026 Spring Festival holiday and counts its adjusted working Saturdays', () => {
    // Holiday 15–23 Feb 2026; Saturday 14 Feb and Saturday 28 Feb are working days.
    expect(isWorkingDay('2026-02-14', cn2026)).toBe(true);
    expect(isWorkingDay('2026-02-16', cn2026)).toBe(false);
    expect(isWorkingDay('2026-02-28', cn2026)).toBe(true);
    // From Fri 13 Feb: Sat 14 (1), then the holiday, Tue 24 (2), Wed 25 (3) …
    expect(addWorkingDays('2026-02-13', 1, cn2026)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, cn2026)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13', 5, cn2026)).toBe('2026-02-27');
    expect(addWorkingDays('2026-02-13', 6, cn2026)).toBe('2026-02-28');
    expect(workingDaysBetween('2026-02-13', '2026-02-28', cn2026)).toBe(6);
    expect(workingDaysBetween('2026-02-28', '2026-02-13', cn2026)).toBe(-6);
  });

  it('adds months clamped to the end of a short month', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
  });

  it('reads dates in Asia/Shanghai time', () => {
    expect(shanghaiDate(new Date('2026-11-26T17:00:00Z'))).toBe('2026-11-27');
    expect(endOfShanghaiDay('2026-11-27').toISOString()).toBe('2026-11-27T15:59:59.999Z');
  });

  it('reads the same Shanghai date by arithmetic as the time-zone database, around every midnight', () => {
    const tz = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', dateStyle: 'short' });
    // Every 6 hours from a Shanghai midnight (16:00 UTC), and 1 ms before each, 1992–2040; and before 1992.
    for (let t = Date.UTC(1991, 11, 31, 16); t < Date.UTC(2040, 0, 1); t += 6 * 3_600_000) {
      for (const d of [new Date(t), new Date(t - 1)]) expect(shanghaiDate(d)).toBe(tz.format(d));
    }
    for (const iso of ['1988-07-01T15:30:00Z', '1991-09-14T16:00:00Z', '1970-01-01T00:00:00Z'])
      expect(shanghaiDate(new Date(iso))).toBe(tz.format(new Date(iso)));
  }, 30_000);

  it('refuses a negative count', () => {
    expect(() => addWorkingDays('2026-01-01', -1, none)).toThrow(RangeError);
  });
});
