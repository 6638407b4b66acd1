// Whether a file is a progress photo of this project (the public photo route).
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { livelihoodProgressReports } from '../livelihood.table';

/** Whether a file is a photo of one of the project's progress reports (and so public with the report). */
export async function isProjectPhoto(db: Db, congressId: string, projectId: string, fileId: string) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(livelihoodProgressReports)
    .where(
      and(
        eq(livelihoodProgressReports.congressId, congressId),
        eq(livelihoodProgressReports.projectId, projectId),
        sql`${fileId}::uuid = ANY(${livelihoodProgressReports.photoFileIds})`,
      ),
    )
    .limit(1);
  return !!row;
}
