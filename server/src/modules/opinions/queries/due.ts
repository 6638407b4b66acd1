// Due-soon and overdue flags of an item in the units' clock.
import type { OpinionRow } from '../opinions.repository';

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
