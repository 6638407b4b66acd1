// Deadline arithmetic of the lifecycle, pure over a calendar's exceptions (Asia/Shanghai dates).
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  isWorkingDay,
  type CalendarExceptions,
  type IsoDate,
} from '../calendar';
import { replyMonthsFor, type SuggestionSettings } from './rules';

type S = Pick<
  SuggestionSettings,
  | 'replyMonths'
  | 'extendedReplyMonths'
  | 'assignWithinWorkingDays'
  | 'handBackWithinWorkingDays'
  | 'rehandlingReplyMonths'
  | 'monthDeadlineMovesToWorkingDay'
>;

/** The first working day on or after `date` (a working day is returned as it is). */
export function nextWorkingDayFrom(date: IsoDate, ex: CalendarExceptions): IsoDate {
  let d = date;
  // A year has no run of rest days longer than a few weeks; the bound only guards a corrupt calendar.
  for (let i = 0; i < 366 && !isWorkingDay(d, ex); i++) d = addCalendarDays(d, 1);
  return d;
}

/**
 * `months` calendar months after `start`; when that day is a rest day and the setting is on, the next working
 * day (民法典 Art. 203 by analogy: a period ending on a holiday ends on the day after it).
 */
export const monthDeadline = (
  start: IsoDate,
  months: number,
  s: Pick<S, 'monthDeadlineMovesToWorkingDay'>,
  ex: CalendarExceptions,
): IsoDate => {
  const due = addMonths(start, months);
  return s.monthDeadlineMovesToWorkingDay ? nextWorkingDayFrom(due, ex) : due;
};

/** Staff should assign within N working days of submission (local practice, §7). */
export const assignDueDate = (submittedOn: IsoDate, s: S, ex: CalendarExceptions): IsoDate =>
  addWorkingDays(submittedOn, s.assignWithinWorkingDays, ex);

/** Reply due 3 calendar months after assignment, 6 with an approved extension (代表法 Art. 51 ¶2). */
export const replyDueDate = (assignedOn: IsoDate, s: S, extended: boolean, ex: CalendarExceptions): IsoDate =>
  monthDeadline(assignedOn, replyMonthsFor(s, extended), s, ex);

/** Last day a unit may ask to hand the item back (3–7 working days, configurable; §7). */
export const handBackDueDate = (assignedOn: IsoDate, s: S, ex: CalendarExceptions): IsoDate =>
  addWorkingDays(assignedOn, s.handBackWithinWorkingDays, ex);

/** A dissatisfied item is answered again within 1 month of going back to the unit (上海规定 Art. 21). */
export const rehandlingDueDate = (sentBackOn: IsoDate, s: S, ex: CalendarExceptions): IsoDate =>
  monthDeadline(sentBackOn, s.rehandlingReplyMonths, s, ex);
