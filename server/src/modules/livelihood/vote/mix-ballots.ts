// Mixing the ballot box (like shaking it before it is opened). Ballots and the voters' record are written
// in one transaction, so until they are rewritten PostgreSQL's system columns (xmin, ctid: the writing
// transaction and the physical position) could link a voter to a ballot for someone with raw database
// access. At close both tables' rows for the vote are rewritten in one transaction — ballots in a fresh
// random order with new mix keys, voters in member-id order — and afterwards VACUUM FULL rewrites both
// tables' files so the dead tuples are gone too. See SECRECY.md for what remains (WAL, backups).
import { randomBytes, randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../../db/client';
import { projectVoteBallots, projectVoteVoters } from '../livelihood.table';

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Rewrites the vote's ballots (random order) and voters (id order) inside the caller's transaction. */
export async function mixBallots(db: Db, voteId: string): Promise<void> {
  const ballots = await db
    .delete(projectVoteBallots)
    .where(eq(projectVoteBallots.voteId, voteId))
    .returning();
  const voters = await db.delete(projectVoteVoters).where(eq(projectVoteVoters.voteId, voteId)).returning();
  shuffle(ballots);
  for (let i = 0; i < ballots.length; i += 1000) {
    await db
      .insert(projectVoteBallots)
      .values(ballots.slice(i, i + 1000).map((b) => ({ ...b, mixKey: randomBytes(16).toString('hex') })));
  }
  voters.sort((a, b) => a.memberId.localeCompare(b.memberId));
  for (let i = 0; i < voters.length; i += 1000)
    await db.insert(projectVoteVoters).values(voters.slice(i, i + 1000));
}

/** After the commit: rewrite the two tables' files so old tuple versions leave no trace on disk. */
export async function compactSecretTables(
  database: Database,
  log: (msg: string, err: unknown) => void,
): Promise<void> {
  try {
    await database.db.execute(sql`VACUUM FULL project_vote_ballots`);
    await database.db.execute(sql`VACUUM FULL project_vote_voters`);
  } catch (err) {
    log('VACUUM FULL of the ballot tables failed; dead tuples remain until the next vacuum', err);
  }
}
