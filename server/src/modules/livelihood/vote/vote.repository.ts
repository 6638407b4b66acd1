// Every SQL statement of the vote engine that more than one use case needs.
import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { findActiveDeputyIds, mandates } from '../../registry';
import {
  livelihoodCandidates,
  projectVoteBallots,
  projectVoteCandidates,
  projectVoteRoll,
  projectVotes,
  projectVoteVoters,
} from '../livelihood.table';

export type VoteRow = typeof projectVotes.$inferSelect;

const VOTE = { zh: '票决', en: 'project vote' };

/** The vote, scoped to the congress; `lock` takes a row lock for the rest of the transaction. */
export async function loadVote(
  db: Db,
  congressId: string,
  voteId: string,
  lock?: 'update' | 'share',
): Promise<VoteRow> {
  const q = db
    .select()
    .from(projectVotes)
    .where(and(eq(projectVotes.id, voteId), eq(projectVotes.congressId, congressId)));
  const [row] = lock === 'update' ? await q.for('update') : lock === 'share' ? await q.for('share') : await q;
  if (!row) throw notFound(VOTE);
  return row;
}

export async function loadBallotCandidates(db: Db, voteId: string) {
  return db
    .select({
      id: livelihoodCandidates.id,
      title: livelihoodCandidates.title,
      description: livelihoodCandidates.description,
      leadUnitId: livelihoodCandidates.leadUnitId,
      budget: livelihoodCandidates.budget,
      streetId: livelihoodCandidates.streetId,
      feasibilityNote: livelihoodCandidates.feasibilityNote,
      position: projectVoteCandidates.position,
    })
    .from(projectVoteCandidates)
    .innerJoin(livelihoodCandidates, eq(livelihoodCandidates.id, projectVoteCandidates.candidateId))
    .where(eq(projectVoteCandidates.voteId, voteId))
    .orderBy(asc(projectVoteCandidates.position));
}

export async function findRollMember(db: Db, voteId: string, memberId: string) {
  const [m] = await db
    .select()
    .from(projectVoteRoll)
    .where(and(eq(projectVoteRoll.voteId, voteId), eq(projectVoteRoll.memberId, memberId)));
  return m ?? null;
}

export async function hasVoted(db: Db, voteId: string, memberId: string): Promise<boolean> {
  const [v] = await db
    .select({ m: projectVoteVoters.memberId })
    .from(projectVoteVoters)
    .where(and(eq(projectVoteVoters.voteId, voteId), eq(projectVoteVoters.memberId, memberId)));
  return !!v;
}

/** Roll size, members signed in, electronic ballots cast: what is visible while the vote runs. */
export async function turnoutOf(db: Db, voteId: string) {
  const [roll] = await db
    .select({
      rollSize: count(),
      signedIn: sql<number>`count(${projectVoteRoll.signedInAt})::int`,
    })
    .from(projectVoteRoll)
    .where(eq(projectVoteRoll.voteId, voteId));
  const [cast] = await db
    .select({ n: count() })
    .from(projectVoteVoters)
    .where(eq(projectVoteVoters.voteId, voteId));
  return {
    rollSize: Number(roll?.rollSize ?? 0),
    signedIn: Number(roll?.signedIn ?? 0),
    electronicBallots: Number(cast?.n ?? 0),
  };
}

/** Electronic votes per candidate (zero for none), and the number of electronic ballots. */
export async function countElectronic(db: Db, voteId: string, candidateIds: string[]) {
  const res = (await db.execute(
    sql`SELECT c::text AS candidate_id, count(*)::int AS n FROM ${projectVoteBallots}, unnest(${projectVoteBallots.choices}) AS c
        WHERE ${projectVoteBallots.voteId} = ${voteId} GROUP BY c`,
  )) as unknown as { rows: { candidate_id: string; n: number }[] };
  const counts: Record<string, number> = Object.fromEntries(candidateIds.map((id) => [id, 0]));
  for (const r of res.rows) if (r.candidate_id in counts) counts[r.candidate_id] = Number(r.n);
  const [b] = await db
    .select({ n: count() })
    .from(projectVoteBallots)
    .where(eq(projectVoteBallots.voteId, voteId));
  return { counts, ballots: Number(b?.n ?? 0) };
}

/** The active deputies of a congress (or of one street): the roll of a vote. */
export async function findRollDeputies(
  db: Db,
  congressId: string,
  streetId: string | null,
): Promise<string[]> {
  if (!streetId) return findActiveDeputyIds(db, congressId);
  // The street variant: the district deputies elected in (holding a mandate for) that street.
  const rows = await db
    .selectDistinct({ deputyId: mandates.deputyId })
    .from(mandates)
    .where(
      and(
        eq(mandates.congressId, congressId),
        eq(mandates.status, 'active'),
        eq(mandates.streetId, streetId),
      ),
    );
  return rows.map((r) => r.deputyId);
}

export const signedInFilter = isNotNull(projectVoteRoll.signedInAt);
