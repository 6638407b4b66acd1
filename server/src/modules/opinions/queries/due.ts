// Due-soon and overdue flags of an item in the units' clock.
import { shanghaiDate } from '@minyi/domain/calendar';
import type { AppServices } from '../../../platform/context';
import { readOpinionSettings, type OpinionRow } from '../opinions.repository';

/** The instant up to which a deadline counts as due soon: the congress's setting, in working days from `now`. */
export async function dueSoonBound(app: AppServices, congressId: string, now: Date): Promise<Date> {
  const settings = await readOpinionSettings(app.db, congressId);
  return app.calendar.workingDaysAfter(congressId, now, settings.dueSoonWorkingDays);
}

/** `dueSoonFrom`: the instant from which a deadline counts as due soon (null: only overdue is known). */
export function dueFlag(
  o: Pick<OpinionRow, 'status' | 'deadlineAt'>,
  now: Date,
  dueSoonFrom: Date | null,
): 'overdue' | 'dueSoon' | null {
  if (o.status !== 'forwarded' || !o.deadlineAt) return null;
  if (o.deadlineAt.getTime() < now.getTime()) return 'overdue';
  if (dueSoonFrom && o.deadlineAt.getTime() <= dueSoonFrom.getTime()) return 'dueSoon';
  return null;
}

/** Items listed in a digest's text (all of them are in the linked queue). */
const DIGEST_LISTED = 5;
export const listDue = (items: { deadlineAt: Date | null; publicContent: string }[]) =>
  items
    .slice(0, DIGEST_LISTED)
    .map((o) => `${o.deadlineAt ? shanghaiDate(o.deadlineAt) : ''} ${o.publicContent.slice(0, 30)}`)
    .join('；') + (items.length > DIGEST_LISTED ? ` 等 ${items.length} 件` : '');
