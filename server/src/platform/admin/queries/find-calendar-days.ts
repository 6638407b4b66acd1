// The calendar exceptions (holidays, adjusted working days) of one year of a congress.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { calendarDays } from '../../platform.table';

export async function findCalendarDays(db: Db, congressId: string, year: number) {
  return db
    .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .where(
      and(
        eq(calendarDays.congressId, congressId),
        gte(calendarDays.date, `${year}-01-01`),
        lte(calendarDays.date, `${year}-12-31`),
      ),
    )
    .orderBy(asc(calendarDays.date));
}
