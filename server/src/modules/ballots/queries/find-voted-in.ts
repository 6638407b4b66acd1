// Of these votes, those in which this member has voted (the roll's mark, public to the tellers anyway; nothing
// of a ballot is read): for a calling module's own list of votes (a member's votes at meetings).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { projectVoteVoters } from '../ballots.table';

export async function findVotedIn(db: Db, voteIds: string[], memberId: string): Promise<Set<string>> {
  if (!voteIds.length) return new Set();
  const rows = await db
    .select({ voteId: projectVoteVoters.voteId })
    .from(projectVoteVoters)
    .where(and(inArray(projectVoteVoters.voteId, voteIds), eq(projectVoteVoters.memberId, memberId)));
  return new Set(rows.map((r) => r.voteId));
}
