// The State Council General Office's yearly notices (国务院办公厅关于××年部分节假日安排的通知): the rest days of
// each holiday period, bridged days included, and the weekend days made working days (调休). Shipped with the
// code, so every congress has them from its first start, with or without the demo; a year published after this
// release is entered by staff (POST /api/v1/calendar/import) and, until then, is provisional: statutory days only.
import type { CalendarDay, IsoDate } from './working-days';

export interface HolidayNotice {
  year: number;
  /** The notice's document number, or its title and date where the number was not recorded. */
  reference: string;
  /** The holidays and adjusted working days of the year, as the notice lists them. */
  days: readonly CalendarDay[];
}

const range = (from: IsoDate, to: IsoDate): IsoDate[] => {
  const out: IsoDate[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
};
const rest = (name: string, from: IsoDate, to: IsoDate = from): CalendarDay[] =>
  range(from, to).map((date) => ({ date, kind: 'holiday', name }));
const work = (name: string, ...dates: IsoDate[]): CalendarDay[] =>
  dates.map((date) => ({ date, kind: 'workday', name: `${name}调休` }));

export const STATE_COUNCIL_NOTICES: readonly HolidayNotice[] = [
  {
    year: 2020,
    // The Spring Festival was extended to 2 February by 国办发明电〔2020〕1号, which also cancelled 1 February as a working day.
    reference: '国办发明电〔2019〕16号；国办发明电〔2020〕1号',
    days: [
      ...rest('元旦', '2020-01-01'),
      ...rest('春节', '2020-01-24', '2020-02-02'),
      ...work('春节', '2020-01-19'),
      ...rest('清明节', '2020-04-04', '2020-04-06'),
      ...rest('劳动节', '2020-05-01', '2020-05-05'),
      ...work('劳动节', '2020-04-26', '2020-05-09'),
      ...rest('端午节', '2020-06-25', '2020-06-27'),
      ...work('端午节', '2020-06-28'),
      ...rest('国庆节、中秋节', '2020-10-01', '2020-10-08'),
      ...work('国庆节', '2020-09-27', '2020-10-10'),
    ],
  },
  {
    year: 2021,
    reference: '国办发明电〔2020〕27号',
    days: [
      ...rest('元旦', '2021-01-01', '2021-01-03'),
      ...rest('春节', '2021-02-11', '2021-02-17'),
      ...work('春节', '2021-02-07', '2021-02-20'),
      ...rest('清明节', '2021-04-03', '2021-04-05'),
      ...rest('劳动节', '2021-05-01', '2021-05-05'),
      ...work('劳动节', '2021-04-25', '2021-05-08'),
      ...rest('端午节', '2021-06-12', '2021-06-14'),
      ...rest('中秋节', '2021-09-19', '2021-09-21'),
      ...work('中秋节', '2021-09-18'),
      ...rest('国庆节', '2021-10-01', '2021-10-07'),
      ...work('国庆节', '2021-09-26', '2021-10-09'),
    ],
  },
  {
    year: 2022,
    reference: '国办发明电〔2021〕11号',
    days: [
      ...rest('元旦', '2022-01-01', '2022-01-03'),
      ...rest('春节', '2022-01-31', '2022-02-06'),
      ...work('春节', '2022-01-29', '2022-01-30'),
      ...rest('清明节', '2022-04-03', '2022-04-05'),
      ...work('清明节', '2022-04-02'),
      ...rest('劳动节', '2022-04-30', '2022-05-04'),
      ...work('劳动节', '2022-04-24', '2022-05-07'),
      ...rest('端午节', '2022-06-03', '2022-06-05'),
      ...rest('中秋节', '2022-09-10', '2022-09-12'),
      ...rest('国庆节', '2022-10-01', '2022-10-07'),
      ...work('国庆节', '2022-10-08', '2022-10-09'),
    ],
  },
  {
    year: 2023,
    // The New Year period began on Saturday 31 December 2022, a rest day in any case.
    reference: '国办发明电〔2022〕16号',
    days: [
      ...rest('元旦', '2023-01-01', '2023-01-02'),
      ...rest('春节', '2023-01-21', '2023-01-27'),
      ...work('春节', '2023-01-28', '2023-01-29'),
      ...rest('清明节', '2023-04-05'),
      ...rest('劳动节', '2023-04-29', '2023-05-03'),
      ...work('劳动节', '2023-04-23', '2023-05-06'),
      ...rest('端午节', '2023-06-22', '2023-06-24'),
      ...work('端午节', '2023-06-25'),
      ...rest('中秋节、国庆节', '2023-09-29', '2023-10-06'),
      ...work('国庆节', '2023-10-07', '2023-10-08'),
    ],
  },
  {
    year: 2024,
    reference: '国办发明电〔2023〕7号',
    days: [
      ...rest('元旦', '2024-01-01'),
      ...rest('春节', '2024-02-10', '2024-02-17'),
      ...work('春节', '2024-02-04', '2024-02-18'),
      ...rest('清明节', '2024-04-04', '2024-04-06'),
      ...work('清明节', '2024-04-07'),
      ...rest('劳动节', '2024-05-01', '2024-05-05'),
      ...work('劳动节', '2024-04-28', '2024-05-11'),
      ...rest('端午节', '2024-06-10'),
      ...rest('中秋节', '2024-09-15', '2024-09-17'),
      ...work('中秋节', '2024-09-14'),
      ...rest('国庆节', '2024-10-01', '2024-10-07'),
      ...work('国庆节', '2024-09-29', '2024-10-12'),
    ],
  },
  {
    year: 2025,
    reference: '国办发明电〔2024〕12号',
    days: [
      ...rest('元旦', '2025-01-01'),
      ...rest('春节', '2025-01-28', '2025-02-04'),
      ...work('春节', '2025-01-26', '2025-02-08'),
      ...rest('清明节', '2025-04-04', '2025-04-06'),
      ...rest('劳动节', '2025-05-01', '2025-05-05'),
      ...work('劳动节', '2025-04-27'),
      ...rest('端午节', '2025-05-31', '2025-06-02'),
      ...rest('国庆节、中秋节', '2025-10-01', '2025-10-08'),
      ...work('国庆节', '2025-09-28', '2025-10-11'),
    ],
  },
  {
    year: 2026,
    reference: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    days: [
      ...rest('元旦', '2026-01-01', '2026-01-03'),
      ...work('元旦', '2026-01-04'),
      ...rest('春节', '2026-02-15', '2026-02-23'),
      ...work('春节', '2026-02-14', '2026-02-28'),
      ...rest('清明节', '2026-04-04', '2026-04-06'),
      ...rest('劳动节', '2026-05-01', '2026-05-05'),
      ...work('劳动节', '2026-05-09'),
      ...rest('端午节', '2026-06-19', '2026-06-21'),
      ...rest('中秋节', '2026-09-25', '2026-09-27'),
      ...rest('国庆节', '2026-10-01', '2026-10-07'),
      ...work('国庆节', '2026-09-20', '2026-10-10'),
    ],
  },
];

/** The shipped notice of a year, or null (the year is provisional unless staff enter one). */
export const shippedNotice = (year: number): HolidayNotice | null =>
  STATE_COUNCIL_NOTICES.find((n) => n.year === year) ?? null;
