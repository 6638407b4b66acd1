// One way to show a moment anywhere in the app: in Asia/Shanghai, where the congress works and every deadline
// is counted (not the browser's own zone), built from explicit parts, the same in both languages:
// 2026-12-07 15:38, with seconds where a record needs them (the audit trail), and a date as 2026-12-07.
// (Slicing a locale string had left "2026/12/7 07:38:" with a stray colon.)

const TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsOf(d: Date, withTime: boolean, seconds: boolean): Record<string, string> {
  const key = `${withTime}${seconds}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
      ...(seconds ? { second: '2-digit' } : {}),
    });
    formatters.set(key, f);
  }
  return Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));
}

const toDate = (v: string | Date | null | undefined): Date | null => {
  if (!v) return null;
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** 2026-12-07 15:38 (or 15:38:09 with `seconds`) in Shanghai time; '' for no value. */
export function formatDateTime(
  v: string | Date | null | undefined,
  opts: { seconds?: boolean } = {},
): string {
  const d = toDate(v);
  if (!d) return '';
  const p = partsOf(d, true, !!opts.seconds);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${opts.seconds ? `:${p.second}` : ''}`;
}

/** 2026-12-07 in Shanghai time; '' for no value. A plain date (YYYY-MM-DD) is shown as it is. */
export function formatDate(v: string | Date | null | undefined): string {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const d = toDate(v);
  if (!d) return '';
  const p = partsOf(d, false, false);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today's date in Shanghai (YYYY-MM-DD). */
export const shanghaiToday = (): string => formatDate(new Date());
