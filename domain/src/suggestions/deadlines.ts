// Deadline arithmetic of the lifecycle, pure over a calendar's exceptions (Asia/Shanghai dates).
import { addMonths, addWorkingDays, type CalendarExceptions, type IsoDate } from '../calendar';
import { replyMonthsFor, type SuggestionSettings } from './rules';

type S = Pick<
  SuggestionSettings,
  | 'replyMonths'
  | 'extendedReplyMonths'
  | 'assignWithinWorkingDays'
  | 'handBackWithinWorkingDays'
  | 'rehandlingReplyMonths'
>;

/** Staff should assign within N working days of submission (local practice, §7). */
export const assignDueDate = (submittedOn: IsoDate, s: S, ex: CalendarExceptions): IsoDate =>
  addWorkingDays(submittedOn, s.assignWithinWorkingDays, ex);

/** Reply due 3 calendar months after assignment, 6 with an approved extension (代表法 Art. 51 ¶2). */
export const replyDueDate = (assignedOn: IsoDate, s: S, extended: boolean): IsoDate =>
  addMonths(assignedOn, replyMonthsFor(s, extended));

/** Last day a unit may ask to hand the item back (3–7 working days, configurable; §7). */
export const handBackDueDate = (assignedOn: IsoDate, s: S, ex: CalendarExceptions): IsoDate =>
  addWorkingDays(assignedOn, s.handBackWithinWorkingDays, ex);

/** A dissatisfied item is answered again within 1 month of the rating (§7). */
export const rehandlingDueDate = (ratedOn: IsoDate, s: S): IsoDate =>
  addMonths(ratedOn, s.rehandlingReplyMonths);
