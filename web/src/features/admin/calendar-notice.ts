// Entering a year's holiday notice: the year's current days as editable ranges, the ranges expanded into the
// days POST /calendar/import takes, and pasted JSON checked with the server's own day schema. Pure: the page
// turns the problem codes into texts on the fields.
import dayjs, { type Dayjs } from 'dayjs';
import { calendarDaySchema, type CalendarDay, type CalendarDayKind } from '@minyi/domain/calendar';

/** The most days one notice may list (the server's limit). */
export const MAX_NOTICE_DAYS = 400;

/** One row of the form: a name, a kind and a run of dates (`to` empty for a single day). */
export interface RangeRow {
  name: string;
  kind: CalendarDayKind;
  from: Dayjs | null;
  to?: Dayjs | null;
}

export interface RangeProblem {
  row: number;
  field: 'from' | 'to';
  code: 'toBeforeFrom' | 'outsideYear' | 'overlap';
  date?: string;
}

/** The year's days (statute and notice; the congress's own days are not part of a notice) as runs. */
export function rangesOf(
  items: readonly { date: string; kind: CalendarDayKind; name: string; source: string }[],
): RangeRow[] {
  const out: RangeRow[] = [];
  for (const d of items) {
    if (d.source === 'staff') continue;
    const last = out.at(-1);
    const day = dayjs(d.date);
    const end = last && (last.to ?? last.from);
    if (last && end && last.kind === d.kind && last.name === d.name && end.add(1, 'day').isSame(day, 'day')) {
      last.to = day;
    } else {
      out.push({ name: d.name, kind: d.kind, from: day, to: null });
    }
  }
  return out;
}

/**
 * The rows as days of `year`, with the row each day came from (to put the server's `days.i` problems back on
 * it). Rows without a start are skipped (the form requires one). A row reaching outside the year or repeating
 * an earlier date is a problem (so there are never more days than the year has, well under the server's limit).
 */
export function expandRanges(
  rows: readonly (RangeRow | undefined)[],
  year: number,
): { days: CalendarDay[]; rowOf: number[]; problems: RangeProblem[] } {
  const days: CalendarDay[] = [];
  const rowOf: number[] = [];
  const seen = new Set<string>();
  const problems: RangeProblem[] = [];
  rows.forEach((r, row) => {
    if (!r?.from) return;
    const to = r.to ?? r.from;
    if (to.isBefore(r.from, 'day')) {
      problems.push({ row, field: 'to', code: 'toBeforeFrom' });
      return;
    }
    for (let d = r.from; !d.isAfter(to, 'day'); d = d.add(1, 'day')) {
      const date = d.format('YYYY-MM-DD');
      if (d.year() !== year) {
        problems.push({ row, field: d.isSame(r.from, 'day') ? 'from' : 'to', code: 'outsideYear', date });
        return;
      }
      if (seen.has(date)) {
        problems.push({ row, field: 'from', code: 'overlap', date });
        return;
      }
      seen.add(date);
      days.push({ date, kind: r.kind, name: (r.name ?? '').trim() });
      rowOf.push(row);
    }
  });
  return { days, rowOf, problems };
}

/** Rest days and make-up working days the rows add up to (shown while typing). */
export function countRanges(rows: readonly (RangeRow | undefined)[]): { holidays: number; workdays: number } {
  let holidays = 0;
  let workdays = 0;
  for (const r of rows) {
    if (!r?.from) continue;
    const n = Math.max(0, (r.to ?? r.from).diff(r.from, 'day') + 1);
    if (r.kind === 'workday') workdays += n;
    else holidays += n;
  }
  return { holidays, workdays };
}

export type JsonProblem =
  | { code: 'notJson' | 'shape' | 'noDays' | 'tooMany' }
  /** `item` is 1-based, as people count. */
  | { code: 'invalid'; item: number; field: 'date' | 'kind' | 'name' | 'item' }
  | { code: 'outsideYear'; item: number };

/**
 * Pasted days: an array of `{date, kind, name}`, or `{days: [...], reference}` as the import endpoint takes
 * it. Each item is checked with the server's schema and must fall in `year`.
 */
export function parseNoticeJson(
  text: string,
  year: number,
): { days: CalendarDay[]; reference?: string; problems: JsonProblem[] } {
  const none = (problem: JsonProblem) => ({ days: [], problems: [problem] });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return none({ code: 'notJson' });
  }
  const wrapped =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  const list = wrapped ? wrapped.days : parsed;
  if (!Array.isArray(list)) return none({ code: 'shape' });
  if (list.length === 0) return none({ code: 'noDays' });
  if (list.length > MAX_NOTICE_DAYS) return none({ code: 'tooMany' });
  const problems: JsonProblem[] = [];
  const days: CalendarDay[] = [];
  list.forEach((raw, i) => {
    const r = calendarDaySchema.safeParse(raw);
    if (!r.success) {
      const at = r.error.issues[0]?.path[0];
      const field = at === 'date' || at === 'kind' || at === 'name' ? at : 'item';
      problems.push({ code: 'invalid', item: i + 1, field });
    } else if (Number(r.data.date.slice(0, 4)) !== year) {
      problems.push({ code: 'outsideYear', item: i + 1 });
    } else days.push(r.data);
  });
  const reference = typeof wrapped?.reference === 'string' ? wrapped.reference.trim() : undefined;
  return { days, reference, problems };
}
