// Whether a file is a progress photo of the congress (the files route's reader check).
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { livelihoodProgressReports } from '../livelihood.table';

/** Whether a file is a photo of any project's progress report: public with the report, so any account may read it. */
export async function isProgressPhoto(db: Db, congressId: string, fileId: string) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(livelihoodProgressReports)
    .where(
      and(
        eq(livelihoodProgressReports.congressId, congressId),
        sql`${fileId}::uuid = ANY(${livelihoodProgressReports.photoFileIds})`,
      ),
    )
    .limit(1);
  return !!row;
}
