// Whether a receipt code was counted (never the choices; see SECRECY.md).
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { projectVoteBallots } from '../ballots.table';
import { loadVote, receiptHash } from '../ballots.repository';

export async function checkReceipt(db: Db, key: Buffer, congressId: string, voteId: string, code: string) {
  await loadVote(db, congressId, voteId);
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(projectVoteBallots)
    .where(
      and(
        eq(projectVoteBallots.voteId, voteId),
        eq(projectVoteBallots.receiptHash, receiptHash(key, voteId, code)),
      ),
    );
  return { counted: !!row };
}
