// The roll with attendance, for the staff console.
import type { Db } from '../../../db/client';
import { eq } from 'drizzle-orm';
import { projectVoteRoll } from '../ballots.table';
import { loadVote } from '../ballots.repository';

/** Roll with attendance, for the staff console (never who voted how; not even who has voted). */
export async function findRoll(db: Db, congressId: string, voteId: string) {
  await loadVote(db, congressId, voteId);
  const rows = await db
    .select({
      memberId: projectVoteRoll.memberId,
      kind: projectVoteRoll.kind,
      name: projectVoteRoll.name,
      signedInAt: projectVoteRoll.signedInAt,
    })
    .from(projectVoteRoll)
    .where(eq(projectVoteRoll.voteId, voteId))
    .orderBy(projectVoteRoll.name, projectVoteRoll.memberId);
  return { items: rows, nextCursor: null };
}
