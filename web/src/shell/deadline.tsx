// Provisional deadlines: a deadline that falls in a year whose State Council holiday notice is not yet
// confirmed counts the statutory holidays only. useCalendarYears() asks /calendar/years once per session;
// <ProvisionalMark date={…} /> tags such a deadline "暂定" with the reason in a tooltip.
import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { listCalendarYears } from './session-api';
import { useAuth } from '../auth';

/** Year → true while the year is provisional. Years outside the range asked for are absent. */
export type CalendarYears = ReadonlyMap<number, boolean>;

/** The year of an instant (or an ISO date) in Asia/Shanghai, where every deadline is counted. */
export function shanghaiYear(value: string | Date): number {
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(d));
}

// Deadlines run weeks or months ahead: two years back and three ahead cover every one a page shows.
const YEARS_BACK = 2;
const YEARS_AHEAD = 3;

let cached: { key: string; promise: Promise<CalendarYears> } | null = null;
const listeners = new Set<() => void>();

function load(key: string): Promise<CalendarYears> {
  if (cached?.key === key) return cached.promise;
  const now = shanghaiYear(new Date());
  const promise = listCalendarYears(now - YEARS_BACK, now + YEARS_AHEAD)
    .then((r): CalendarYears => new Map(r.years.map((y) => [y.year, y.provisional])))
    // Without the answer no deadline is marked; the session does not ask again until the calendar changes.
    .catch((): CalendarYears => new Map());
  cached = { key, promise };
  return promise;
}

/** Forgets the years (call after entering or withdrawing a notice): every mounted mark asks again. */
export function invalidateCalendarYears(): void {
  cached = null;
  listeners.forEach((fn) => fn());
}

/** Which years are provisional, for the signed-in user's congress; null while loading or signed out. */
export function useCalendarYears(): CalendarYears | null {
  const { user } = useAuth();
  const key = user ? `${user.congressId}:${user.id}` : null;
  const [state, setState] = useState<{ key: string; years: CalendarYears } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const on = () => setVersion((v) => v + 1);
    listeners.add(on);
    return () => {
      listeners.delete(on);
    };
  }, []);
  useEffect(() => {
    if (!key) return;
    let live = true;
    void load(key).then((years) => {
      if (live) setState({ key, years });
    });
    return () => {
      live = false;
    };
  }, [key, version]);
  return key && state?.key === key ? state.years : null;
}

/** A small "暂定 / provisional" tag after a deadline that falls in a provisional year; nothing otherwise. */
export function ProvisionalMark({ date }: { date: string | Date | null | undefined }) {
  const { t } = useTranslation();
  const years = useCalendarYears();
  if (!date || !years) return null;
  const year = shanghaiYear(date);
  if (years.get(year) !== true) return null;
  return (
    <Tooltip title={t('deadline.provisionalHint', { year })}>
      <Tag
        color="orange"
        data-testid="provisional-mark"
        tabIndex={0}
        style={{ marginInlineStart: 4, marginInlineEnd: 0, cursor: 'help' }}
      >
        {t('deadline.provisional')}
      </Tag>
    </Tooltip>
  );
}
