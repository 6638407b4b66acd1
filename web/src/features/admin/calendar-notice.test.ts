import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { countRanges, expandRanges, parseNoticeJson, rangesOf, type RangeRow } from './calendar-notice';

const row = (name: string, kind: RangeRow['kind'], from: string, to?: string): RangeRow => ({
  name,
  kind,
  from: dayjs(from),
  to: to ? dayjs(to) : null,
});

describe('the notice form’s rows', () => {
  it('start from the year’s statute and notice days as runs of one kind and name, leaving out own arrangements', () => {
    const rows = rangesOf([
      { date: '2027-01-01', kind: 'holiday', name: '元旦', source: 'statute' },
      { date: '2027-02-05', kind: 'holiday', name: '春节', source: 'statute' },
      { date: '2027-02-06', kind: 'holiday', name: '春节', source: 'statute' },
      { date: '2027-02-07', kind: 'holiday', name: '春节', source: 'statute' },
      { date: '2027-02-08', kind: 'holiday', name: '春节补假', source: 'statute' },
      { date: '2027-02-20', kind: 'workday', name: '春节调休', source: 'notice' },
      { date: '2027-03-01', kind: 'holiday', name: '本地调休', source: 'staff' },
      // Same name but not the next day: a new run.
      { date: '2027-05-01', kind: 'holiday', name: '劳动节', source: 'statute' },
      { date: '2027-05-03', kind: 'holiday', name: '劳动节', source: 'statute' },
    ]);
    expect(
      rows.map((r) => [r.name, r.kind, r.from?.format('YYYY-MM-DD'), r.to?.format('YYYY-MM-DD') ?? null]),
    ).toEqual([
      ['元旦', 'holiday', '2027-01-01', null],
      ['春节', 'holiday', '2027-02-05', '2027-02-07'],
      ['春节补假', 'holiday', '2027-02-08', null],
      ['春节调休', 'workday', '2027-02-20', null],
      ['劳动节', 'holiday', '2027-05-01', null],
      ['劳动节', 'holiday', '2027-05-03', null],
    ]);
  });

  it('expand into one day per date, each remembering its row, names trimmed', () => {
    const out = expandRanges(
      [row(' 春节 ', 'holiday', '2027-02-05', '2027-02-11'), row('春节调休', 'workday', '2027-02-20')],
      2027,
    );
    expect(out.problems).toEqual([]);
    expect(out.days).toHaveLength(8);
    expect(out.days[0]).toEqual({ date: '2027-02-05', kind: 'holiday', name: '春节' });
    expect(out.days[6]).toEqual({ date: '2027-02-11', kind: 'holiday', name: '春节' });
    expect(out.days[7]).toEqual({ date: '2027-02-20', kind: 'workday', name: '春节调休' });
    expect(out.rowOf).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(
      countRanges([row('春节', 'holiday', '2027-02-05', '2027-02-11'), row('x', 'workday', '2027-02-20')]),
    ).toEqual({ holidays: 7, workdays: 1 });
  });

  it('refuse an end before the start, a day outside the year and a date listed twice, on the row at fault', () => {
    const out = expandRanges(
      [
        row('元旦', 'holiday', '2026-12-31', '2027-01-01'),
        row('春节', 'holiday', '2027-02-10', '2027-02-05'),
        row('国庆节', 'holiday', '2027-10-01', '2027-10-07'),
        row('国庆节调休', 'workday', '2027-10-07'),
        row('跨年', 'holiday', '2027-12-31', '2028-01-01'),
      ],
      2027,
    );
    expect(out.problems).toEqual([
      { row: 0, field: 'from', code: 'outsideYear', date: '2026-12-31' },
      { row: 1, field: 'to', code: 'toBeforeFrom' },
      { row: 3, field: 'from', code: 'overlap', date: '2027-10-07' },
      { row: 4, field: 'to', code: 'outsideYear', date: '2028-01-01' },
    ]);
  });
});

describe('pasted JSON', () => {
  it('takes an array of days, or the import body with its reference', () => {
    const days = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-20', kind: 'workday', name: '春节调休' },
    ];
    expect(parseNoticeJson(JSON.stringify(days), 2027)).toEqual({ days, reference: undefined, problems: [] });
    expect(parseNoticeJson(JSON.stringify({ days, reference: ' 国办发明电〔2026〕9号 ' }), 2027)).toEqual({
      days,
      reference: '国办发明电〔2026〕9号',
      problems: [],
    });
    // A day without a name gets the schema's default.
    expect(parseNoticeJson('[{"date":"2027-01-01","kind":"holiday"}]', 2027).days).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '' },
    ]);
  });

  it('names the item and field at fault with the server’s own schema, and days of another year', () => {
    const out = parseNoticeJson(
      JSON.stringify([
        { date: '2027-02-30', kind: 'holiday', name: '春节' },
        { date: '2027-03-01', kind: 'party', name: 'x' },
        { date: '2027-03-02', kind: 'holiday', name: 'x'.repeat(101) },
        { date: '2027-03-03', kind: 'holiday', name: 'x', extra: 1 },
        { date: '2028-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-05-01', kind: 'holiday', name: '劳动节' },
      ]),
      2027,
    );
    expect(out.problems).toEqual([
      { code: 'invalid', item: 1, field: 'date' },
      { code: 'invalid', item: 2, field: 'kind' },
      { code: 'invalid', item: 3, field: 'name' },
      { code: 'invalid', item: 4, field: 'item' },
      { code: 'outsideYear', item: 5 },
    ]);
    expect(out.days).toEqual([{ date: '2027-05-01', kind: 'holiday', name: '劳动节' }]);
  });

  it('refuses what is not JSON, not a list, empty or too long', () => {
    expect(parseNoticeJson('[{"date":', 2027).problems).toEqual([{ code: 'notJson' }]);
    expect(parseNoticeJson('{"date":"2027-01-01"}', 2027).problems).toEqual([{ code: 'shape' }]);
    expect(parseNoticeJson('"2027-01-01"', 2027).problems).toEqual([{ code: 'shape' }]);
    expect(parseNoticeJson('[]', 2027).problems).toEqual([{ code: 'noDays' }]);
    const many = Array.from({ length: 401 }, () => ({ date: '2027-01-01', kind: 'holiday' }));
    expect(parseNoticeJson(JSON.stringify(many), 2027).problems).toEqual([{ code: 'tooMany' }]);
  });
});
