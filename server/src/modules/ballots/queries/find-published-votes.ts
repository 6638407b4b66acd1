// Closed votes of the congress with their published results, for the public results page.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { projectVotes, type BallotOwner } from '../ballots.table';
import { voteSummary, type PublishedResult } from '../ballots.repository';

/** Closed votes of the congress (of one module: livelihood's by default), for the public results page. */
export async function findPublishedVotes(db: Db, congressId: string, owner: BallotOwner = 'livelihood') {
  const rows = await db
    .select()
    .from(projectVotes)
    .where(
      and(
        eq(projectVotes.congressId, congressId),
        eq(projectVotes.owner, owner),
        eq(projectVotes.status, 'closed'),
        isNotNull(projectVotes.result),
      ),
    )
    .orderBy(sql`${projectVotes.closedAt} DESC`)
    .limit(100);
  return {
    items: rows.map((v) => ({ ...voteSummary(v), result: v.result as unknown as PublishedResult })),
    nextCursor: null,
  };
}
