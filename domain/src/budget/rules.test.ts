// The budget rules: money in fen without floating point, classification codes and parent totals, the Art. 44 and
// Art. 14 dates, and every warning rule at, just under and just over its threshold.
import { describe, expect, it } from 'vitest';
import type { CalendarExceptions } from '../calendar';
import {
  adjustmentPlanDeadline,
  auditFindingOverdue,
  finalAccountsOutOfWindow,
  rectificationDeadline,
  adjustmentPlanLate,
  monthsBeforeApproval,
  parseSignedYuan,
  preApprovalAboveLastYear,
  behindSchedule,
  budgetSettingsSchema,
  carryOverIdle,
  codeProblem,
  DEFAULT_BUDGET_SETTINGS,
  draftDeadline,
  draftLate,
  evaluateWarnings,
  formatFen,
  offBudget,
  overBudget,
  parentCode,
  parentTotalMismatches,
  parseYuan,
  publicationDeadline,
  publicationLate,
  ratePercent,
  reserveOutOfRange,
  revenueFalling,
  sanGongOverBudget,
  sumFen,
  transferLate,
  yearEndRush,
} from './index';

const y = (s: string) => parseYuan(s)!;

describe('money in fen', () => {
  it('¥0.10 added three times is ¥0.30 exactly (0.1 + 0.1 + 0.1 in floating point is not 0.3)', () => {
    expect(0.1 + 0.1 + 0.1).not.toBe(0.3);
    expect(formatFen(sumFen([y('0.10'), y('0.10'), y('0.10')]))).toBe('0.30');
  });
  it('reads yuan strings with up to two decimals and writes them back with two', () => {
    expect(parseYuan('1200000.00')).toBe(120000000n);
    expect(parseYuan('1200000')).toBe(120000000n);
    expect(parseYuan('0.5')).toBe(50n);
    expect(formatFen(50n)).toBe('0.50');
    expect(formatFen(y('999999999999999.99'))).toBe('999999999999999.99');
    expect(formatFen(-150n)).toBe('-1.50');
  });
  it('refuses negatives, three decimals, thousands separators, exponents and leading zeros', () => {
    for (const bad of ['-1.00', '1.005', '1,000.00', '1e6', '01.00', '', '.5', 'abc', '1.'])
      expect(parseYuan(bad), bad).toBeNull();
  });
  it('rates in percent with one decimal, rounded half up, exactly', () => {
    expect(ratePercent(1n, 3n)).toBe('33.3');
    expect(ratePercent(2n, 3n)).toBe('66.7');
    expect(ratePercent(1n, 8n)).toBe('12.5');
    expect(ratePercent(5n, 0n)).toBe('0.0');
  });
});

describe('classification codes', () => {
  it('accepts 类 (3), 款 (5) and 项 (7) digits of function, revenue and economic classification', () => {
    for (const ok of ['201', '20101', '2010101', '205', '2050201', '101', '10101', '302', '30211'])
      expect(codeProblem(ok), ok).toBeNull();
  });
  it('refuses other lengths, letters, a leading 4/6–9/0, and economic codes below 款', () => {
    for (const bad of ['20', '2011', '201010', '20101011', '20A01', '401', '001', '3021101'])
      expect(codeProblem(bad), bad).not.toBeNull();
  });
  it('names the parent and finds parents whose amount is not the sum of the children in the file', () => {
    expect(parentCode('2050201')).toBe('20502');
    expect(parentCode('20502')).toBe('205');
    expect(parentCode('205')).toBeNull();
    const m = parentTotalMismatches([
      { row: 2, budget: 'general', code: '205', fen: y('100.00') },
      { row: 3, budget: 'general', code: '20501', fen: y('60.00') },
      { row: 4, budget: 'general', code: '20502', fen: y('40.00') },
      { row: 5, budget: 'general', code: '208', fen: y('50.00') },
      { row: 6, budget: 'general', code: '20801', fen: y('30.00') },
      // a child in another budget does not count toward the general budget's parent
      { row: 7, budget: 'socialInsurance', code: '20802', fen: y('20.00') },
    ]);
    expect(m).toEqual([{ row: 5, code: '208', amount: y('50.00'), childrenSum: y('30.00') }]);
  });
});

// 2026: National Day and Mid-Autumn 1–8 October rest, 27 September (Sun) and 10 October (Sat) worked.
const october: CalendarExceptions = new Map([
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => [`2026-10-${d}`, 'holiday'] as const),
  ['2026-09-27', 'workday'],
  ['2026-10-10', 'workday'],
]);

describe('statutory dates', () => {
  it('Art. 44: the draft is due 30 CALENDAR days before the sitting (holidays counted, not shifted)', () => {
    expect(draftDeadline('2027-01-08')).toBe('2026-12-09');
    expect(draftLate('2027-01-08', '2026-12-09')).toBe(false);
    expect(draftLate('2027-01-08', '2026-12-10')).toBe(true);
    // across the October holidays: 30 days before 7 November is 8 October, a rest day, and stays so
    expect(draftDeadline('2026-11-07')).toBe('2026-10-08');
  });
  it('Art. 14: published within 20 calendar days of approval; a deadline on a rest day moves to the next working day', () => {
    expect(publicationDeadline('2026-01-10', new Map())).toBe('2026-01-30');
    // 20 days after 13 September is 3 October (holiday) → 9 October, the first working day after the break
    expect(publicationDeadline('2026-09-13', october)).toBe('2026-10-09');
    expect(publicationDeadline('2026-09-13', october, { rollOverRestDays: false })).toBe('2026-10-03');
    // a Saturday worked (10 October) is a working day and ends the period
    expect(publicationDeadline('2026-09-20', october)).toBe('2026-10-10');
    expect(publicationLate('2026-09-13', '2026-10-09', '2026-12-01', october)).toBe(false);
    expect(publicationLate('2026-09-13', '2026-10-10', '2026-12-01', october)).toBe(true);
    expect(publicationLate('2026-09-13', null, '2026-10-09', october)).toBe(false);
    expect(publicationLate('2026-09-13', null, '2026-10-10', october)).toBe(true);
  });
  it('Art. 52: general transfers within 30 days, special within 60', () => {
    expect(transferLate('2026-01-10', 'general', '2026-02-09', '2026-06-01')).toBe(false);
    expect(transferLate('2026-01-10', 'general', '2026-02-10', '2026-06-01')).toBe(true);
    expect(transferLate('2026-01-10', 'special', '2026-03-11', '2026-06-01')).toBe(false);
    expect(transferLate('2026-01-10', 'special', '2026-03-12', '2026-06-01')).toBe(true);
    expect(transferLate('2026-01-10', 'general', null, '2026-02-09')).toBe(false);
    expect(transferLate('2026-01-10', 'general', null, '2026-02-10')).toBe(true);
  });
});

describe('warning rules at, just under and just over the threshold', () => {
  it('behindSchedule: more than 10 points behind the elapsed share (after 6 months, 50%: holds below 40%)', () => {
    const b = y('1000000.00');
    expect(behindSchedule(b, y('400000.00'), 6, 10)).toBe(false); // at: exactly 10 points behind
    expect(behindSchedule(b, y('400000.01'), 6, 10)).toBe(false); // under
    expect(behindSchedule(b, y('399999.99'), 6, 10)).toBe(true); // over
    // thirds of the year are not rounded: after 4 months (33.33…%) 23.33…% is the line
    expect(behindSchedule(y('1200.00'), y('280.00'), 4, 10)).toBe(false);
    expect(behindSchedule(y('1200.00'), y('279.99'), 4, 10)).toBe(true);
  });
  it('yearEndRush: more than half of the year in December', () => {
    expect(yearEndRush(y('500.00'), y('1000.00'), 50)).toBe(false);
    expect(yearEndRush(y('499.99'), y('1000.00'), 50)).toBe(false);
    expect(yearEndRush(y('500.01'), y('1000.00'), 50)).toBe(true);
  });
  it('offBudget: spending with no line above the tolerance; any spending under a line is not', () => {
    expect(offBudget(y('100.00'), false, y('100.00'))).toBe(false);
    expect(offBudget(y('99.99'), false, y('100.00'))).toBe(false);
    expect(offBudget(y('100.01'), false, y('100.00'))).toBe(true);
    expect(offBudget(y('1000000.00'), true, 0n)).toBe(false);
  });
  it('overBudget: above the line plus the tolerance', () => {
    expect(overBudget(y('1000.00'), y('1050.00'), 5)).toBe(false);
    expect(overBudget(y('1000.00'), y('1049.99'), 5)).toBe(false);
    expect(overBudget(y('1000.00'), y('1050.01'), 5)).toBe(true);
    expect(overBudget(y('1000.00'), y('1000.01'), 0)).toBe(true);
  });
  it('sanGongOverBudget: any fen above its budget', () => {
    expect(sanGongOverBudget(y('80000.00'), y('80000.00'))).toBe(false);
    expect(sanGongOverBudget(y('80000.00'), y('79999.99'))).toBe(false);
    expect(sanGongOverBudget(y('80000.00'), y('80000.01'))).toBe(true);
  });
  it('reserveOutOfRange: outside 1–3% of the general budget (Art. 40), both ends inclusive in range', () => {
    const e = y('10000.00');
    expect(reserveOutOfRange(y('100.00'), e)).toBe(false);
    expect(reserveOutOfRange(y('99.99'), e)).toBe(true);
    expect(reserveOutOfRange(y('100.01'), e)).toBe(false);
    expect(reserveOutOfRange(y('300.00'), e)).toBe(false);
    expect(reserveOutOfRange(y('299.99'), e)).toBe(false);
    expect(reserveOutOfRange(y('300.01'), e)).toBe(true);
    expect(reserveOutOfRange(y('250.00'), e, { min: 1, max: 2.5 })).toBe(false);
    expect(reserveOutOfRange(y('250.01'), e, { min: 1, max: 2.5 })).toBe(true);
  });
  it('carryOverIdle: unused after two years (Art. 42)', () => {
    expect(carryOverIdle(2024, 2026, y('1.00'))).toBe(true);
    expect(carryOverIdle(2025, 2026, y('1.00'))).toBe(false);
    expect(carryOverIdle(2023, 2026, y('1.00'))).toBe(true);
    expect(carryOverIdle(2024, 2026, 0n)).toBe(false);
  });
  it('revenueFalling: more than the setting below last year', () => {
    expect(revenueFalling(y('950.00'), y('1000.00'), 5)).toBe(false);
    expect(revenueFalling(y('950.01'), y('1000.00'), 5)).toBe(false);
    expect(revenueFalling(y('949.99'), y('1000.00'), 5)).toBe(true);
    expect(revenueFalling(y('1000.00'), y('1000.00'), 0)).toBe(false);
    expect(revenueFalling(y('999.99'), y('1000.00'), 0)).toBe(true);
  });
  it('the thresholds are per-congress settings with the statutory defaults', () => {
    expect(DEFAULT_BUDGET_SETTINGS).toMatchObject({
      behindSchedulePoints: 10,
      yearEndRushPercent: 50,
      reservePercent: { min: 1, max: 3 },
      transferDays: { general: 30, special: 60 },
      publicationDays: 20,
      carryOverIdleYears: 2,
    });
    expect(budgetSettingsSchema.parse({ transferDays: { special: 45 } }).transferDays).toEqual({
      general: 30,
      special: 45,
    });
  });
});

describe('evaluating a budget year', () => {
  const base = {
    year: 2026,
    asOf: '2026-12-07',
    settings: DEFAULT_BUDGET_SETTINGS,
    exceptions: new Map() as CalendarExceptions,
    approvedOn: '2026-01-10',
    publishedOn: '2026-01-25',
  };
  const lines = [
    { budget: 'general' as const, code: '205', name: '教育支出', fen: y('1000.00') },
    { budget: 'general' as const, code: '20502', name: '普通教育', fen: y('1000.00') },
    { budget: 'general' as const, code: '227', name: '预备费', fen: y('20.00') },
    { budget: 'general' as const, code: '30215', name: '公务接待费', fen: y('10.00') },
  ];
  it('judges the leaf lines only, with evidence, and flags spending on codes no line covers', () => {
    const w = evaluateWarnings({
      ...base,
      lines,
      spending: [
        { code: '2050201', month: 11, fen: y('300.00') },
        { code: '30215', month: 5, fen: y('10.01') },
        { code: '2130101', month: 7, fen: y('5.00') },
      ],
    });
    expect(w.map((x) => [x.rule, x.code])).toEqual([
      ['behindSchedule', '20502'],
      ['sanGongOverBudget', '30215'],
      ['offBudget', '2130101'],
    ]);
    expect(w[0].evidence).toMatchObject({ budget: '1000.00', executed: '300.00', rate: '30.0', month: 11 });
    expect(w[1].evidence).toMatchObject({ excess: '0.01' });
  });
  it('a year-end rush needs December figures; the reserve is judged against the general budget', () => {
    const spending = [
      { code: '20502', month: 6, fen: y('400.00') },
      { code: '20502', month: 12, fen: y('600.00') },
    ];
    const w = evaluateWarnings({ ...base, lines, spending });
    expect(w.map((x) => x.rule)).toEqual(['yearEndRush']);
    expect(w[0].evidence).toMatchObject({ december: '600.00', decemberShare: '60.0' });
    const lowReserve = evaluateWarnings({
      ...base,
      lines: [...lines.slice(0, 2), { ...lines[2], fen: y('5.00') }],
      spending: spending.slice(0, 1),
    });
    expect(lowReserve.map((x) => x.rule)).toEqual(['reserveOutOfRange']);
  });
  it('publication past the Art. 14 deadline and revenue below last year hold with their dates and figures', () => {
    const w = evaluateWarnings({
      ...base,
      publishedOn: null,
      lines: [{ budget: 'general', code: '101', name: '税收收入', fen: y('900.00') }],
      spending: [{ code: '10101', month: 11, fen: y('800.00') }],
      lastYearRevenue: [
        { code: '10101', month: 11, fen: y('850.00') },
        { code: '10101', month: 12, fen: y('900.00') },
      ],
    });
    expect(w.map((x) => x.rule)).toEqual(['publicationLate', 'revenueFalling']);
    expect(w[0].evidence).toMatchObject({ deadline: '2026-01-30' });
    expect(w[1].evidence).toMatchObject({ thisYear: '800.00', lastYear: '850.00' });
  });
});

describe('spending before approval and adjustments', () => {
  it('Art. 54: the months begun before approval (January counts when approved on the 10th, not on the 1st)', () => {
    expect(monthsBeforeApproval(2027, '2027-01-10', '2027-06-01')).toBe(1);
    expect(monthsBeforeApproval(2027, '2027-02-01', '2027-06-01')).toBe(1);
    expect(monthsBeforeApproval(2027, '2026-12-28', '2027-06-01')).toBe(0);
    expect(monthsBeforeApproval(2027, null, '2027-03-15')).toBe(3);
    expect(monthsBeforeApproval(2027, null, '2026-12-15')).toBe(0);
  });

  it('Art. 54 (2): spending before approval above last year’s same months by one fen holds, equal does not', () => {
    expect(preApprovalAboveLastYear(30000001n, 30000000n)).toBe(true);
    expect(preApprovalAboveLastYear(30000000n, 30000000n)).toBe(false);
  });

  it('Art. 69: the preliminary adjustment plan 30 calendar days before the meeting, a day later is late', () => {
    expect(adjustmentPlanDeadline('2028-08-28')).toBe('2028-07-29');
    expect(adjustmentPlanLate('2028-08-28', '2028-07-29')).toBe(false);
    expect(adjustmentPlanLate('2028-08-28', '2028-07-30')).toBe(true);
    // Across the National Day holiday: calendar days, not working days.
    expect(adjustmentPlanDeadline('2028-10-30')).toBe('2028-09-30');
  });

  it('a signed change in yuan is exact fen; a malformed one is null', () => {
    expect(parseSignedYuan('-20000.10')).toBe(-2000010n);
    expect(parseSignedYuan('0.3')).toBe(30n);
    expect(parseSignedYuan('--1')).toBeNull();
    expect(parseSignedYuan('1.234')).toBeNull();
  });
});

describe('final accounts and audit', () => {
  it('监督法 Art. 19: the final accounts between June and September of the next year', () => {
    expect(finalAccountsOutOfWindow(2024, '2025-06-01')).toBe(false);
    expect(finalAccountsOutOfWindow(2024, '2025-09-30')).toBe(false);
    expect(finalAccountsOutOfWindow(2024, '2025-05-31')).toBe(true);
    expect(finalAccountsOutOfWindow(2024, '2025-10-01')).toBe(true);
  });

  it('监督法 Art. 27: six months on from the audit report, the month’s last day when it has no such day', () => {
    expect(rectificationDeadline('2025-06-28')).toBe('2025-12-28');
    expect(rectificationDeadline('2025-08-31')).toBe('2026-02-28');
    expect(rectificationDeadline('2027-08-31')).toBe('2028-02-29');
    expect(auditFindingOverdue('2025-12-28', false, '2025-12-28')).toBe(false);
    expect(auditFindingOverdue('2025-12-28', false, '2025-12-29')).toBe(true);
    expect(auditFindingOverdue('2025-12-28', true, '2026-03-01')).toBe(false);
  });
});
