// China's public-holiday schedule as published by the State Council General Office (国务院办公厅关于部分节假日安排的通知).
// Loaded into each new congress's calendar; staff import next year's list when it is published (usually November).
import type { CalendarDay } from '.';

const holidays = (name: string, dates: string[]): CalendarDay[] =>
  dates.map((date) => ({ date, kind: 'holiday', name }));
const workdays = (name: string, dates: string[]): CalendarDay[] =>
  dates.map((date) => ({ date, kind: 'workday', name }));
const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
};

export const CHINA_PUBLIC_HOLIDAYS: readonly CalendarDay[] = [
  // 2025 (国办发明电〔2024〕12号)
  ...holidays('元旦', ['2025-01-01']),
  ...holidays('春节', range('2025-01-28', '2025-02-04')),
  ...workdays('春节调休', ['2025-01-26', '2025-02-08']),
  ...holidays('清明节', range('2025-04-04', '2025-04-06')),
  ...holidays('劳动节', range('2025-05-01', '2025-05-05')),
  ...workdays('劳动节调休', ['2025-04-27']),
  ...holidays('端午节', range('2025-05-31', '2025-06-02')),
  ...holidays('国庆节、中秋节', range('2025-10-01', '2025-10-08')),
  ...workdays('国庆节调休', ['2025-09-28', '2025-10-11']),
  // 2026
  ...holidays('元旦', range('2026-01-01', '2026-01-03')),
  ...workdays('元旦调休', ['2026-01-04']),
  ...holidays('春节', range('2026-02-15', '2026-02-23')),
  ...workdays('春节调休', ['2026-02-14', '2026-02-28']),
  ...holidays('清明节', range('2026-04-04', '2026-04-06')),
  ...holidays('劳动节', range('2026-05-01', '2026-05-05')),
  ...workdays('劳动节调休', ['2026-05-09']),
  ...holidays('端午节', range('2026-06-19', '2026-06-21')),
  ...holidays('中秋节', range('2026-09-25', '2026-09-27')),
  ...holidays('国庆节', range('2026-10-01', '2026-10-07')),
  ...workdays('国庆节调休', ['2026-09-20', '2026-10-10']),
];
