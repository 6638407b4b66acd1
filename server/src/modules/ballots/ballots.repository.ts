// Every SQL statement of the vote engine that more than one use case needs (the vote, its options, roll,
// tellers and encrypted ballots), and what a calling module gives the engine (its options and rules:
// `BallotSubject`).
import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { BallotContext } from '@minyi/domain/ballots/crypto';
import type { CreateVote, TallyResult, VoteRules } from '@minyi/domain/livelihood';
import type { Db } from '../../db/client';
import type { Actor, Work } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { accounts } from '../../platform/platform.table';
import { findActiveDeputyIds, mandates } from '../registry';
import {
  type BallotOwner,
  projectVoteCandidates,
  projectVoteEncryptedBallots,
  projectVoteRoll,
  projectVotes,
  projectVoteTellers,
  projectVoteVoters,
} from './ballots.table';
import type { VoteResource } from './ballots.policy';

/** An option on the ballot (a candidate project, a candidate for an office): owned by the calling module. */
export interface BallotOption {
  id: string;
  title: string;
}

/**
 * What the calling module gives the engine for its votes: the options (its records, by id) and the rules of
 * a new vote, and what becomes of the chosen options when the vote closes. The engine knows neither.
 */
export interface BallotSubject<O extends BallotOption = BallotOption> {
  /**
   * The module whose votes these are (migration 0605; `livelihood` when absent): a vote is listed, counted
   * and closed only through its own module's subject (another's is answered 404).
   */
  owner?: BallotOwner;
  /**
   * The roll of a vote when it is called (absent: the active deputies of the congress, or of the street): e.g.
   * the members of the standing committee on a meeting's roll. Read inside the roll call's transaction.
   */
  rollFor?(w: Work, vote: VoteRow): Promise<RollMember[]>;
  /** The caller's options with these ids in the congress, with what the ballot shows; unknown ids are absent. */
  findOptions(db: Db, congressId: string, ids: string[]): Promise<O[]>;
  /**
   * The rules of a new vote (quorum, threshold, top N, ties, void) and the sitting it is taken at, looked up
   * by the caller inside the engine's transaction; throws the caller's 4xx when the vote may not be made.
   */
  rulesFor(
    w: Work,
    congressId: string,
    input: CreateVote,
  ): Promise<{ rules: VoteRules; sittingId: string | null }>;
  /** Inside the close's transaction, after the tally: what the chosen options become (e.g. projects). */
  onClosed(w: Work, vote: VoteRow, result: TallyResult, options: O[]): Promise<void>;
}

/** A member of a vote's roll as a calling module gives it (a deputy, by the deputy's id). */
export interface RollMember {
  deputyId: string;
  name: string;
}

/** The module a subject's votes belong to. */
export const ownerOf = (subject: Pick<BallotSubject, 'owner'>): BallotOwner => subject.owner ?? 'livelihood';

/** Refuses (404, as if absent) a vote of another module than the subject's. */
export function checkOwner(vote: VoteRow, subject: Pick<BallotSubject, 'owner'>): void {
  if (vote.owner !== ownerOf(subject)) throw notFound(VOTE);
}

/** The published result of a closed vote (the tally with the figures and the options' votes). */
export interface PublishedResult extends TallyResult {
  advisory: boolean;
  maxChoices: number;
  electronicBallots: number;
  paperBallots: number;
  /** The tellers' agreed statement of the paper ballots (null when none was entered). */
  paperStatement: {
    issued: number | null;
    returned: number;
    valid: number | null;
    void: number;
    blank: number | null;
  } | null;
  candidates: {
    id: string;
    title: string;
    votes: number;
    electronicVotes: number;
    paperVotes: number;
    passed: boolean;
    chosen: boolean;
  }[];
  closedAt: string;
}

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

/** The vote's options (candidates) in ballot order, with the details the calling module gives them. */
export async function loadOptions<O extends BallotOption>(
  db: Db,
  subject: BallotSubject<O>,
  congressId: string,
  voteId: string,
): Promise<(O & { position: number })[]> {
  const rows = await db
    .select({ id: projectVoteCandidates.candidateId, position: projectVoteCandidates.position })
    .from(projectVoteCandidates)
    .where(eq(projectVoteCandidates.voteId, voteId))
    .orderBy(asc(projectVoteCandidates.position));
  const details = new Map(
    (
      await subject.findOptions(
        db,
        congressId,
        rows.map((r) => r.id),
      )
    ).map((o) => [o.id, o]),
  );
  return rows.flatMap((r) => {
    const o = details.get(r.id);
    return o ? [{ ...o, position: r.position }] : [];
  });
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

/** What every list and page shows of a vote. */
export const voteSummary = (v: VoteRow) => ({
  id: v.id,
  year: v.year,
  title: v.title,
  scope: v.scope,
  streetId: v.streetId,
  status: v.status,
  maxChoices: v.maxChoices,
  advisory: v.rules.advisory,
  kind: v.kind,
  parentVoteId: v.parentVoteId,
  sittingId: v.sittingId,
  openedAt: v.openedAt,
  closedAt: v.closedAt,
});

export const signedInFilter = isNotNull(projectVoteRoll.signedInAt);

/** Loads the vote (locked as asked) with the policy's resource: the congress, and whether the actor is on the roll. */
export async function loadVoteFor(
  db: Db,
  actor: Actor,
  voteId: string,
  lock?: 'update' | 'share',
): Promise<{ row: VoteRow; resource: VoteResource }> {
  const row = await loadVote(db, actor.congressId, voteId, lock);
  const member = actor.deputyId ? await findRollMember(db, voteId, actor.deputyId) : null;
  const [teller] = await db
    .select({ index: projectVoteTellers.tellerIndex })
    .from(projectVoteTellers)
    .where(and(eq(projectVoteTellers.voteId, voteId), eq(projectVoteTellers.accountId, actor.accountId)));
  return {
    row,
    resource: { congressId: row.congressId, onRoll: !!member, tellerIndex: teller?.index ?? null },
  };
}

/** The vote's tellers in index order, with their accounts' names (what the ceremony and the bulletin show). */
export async function loadTellers(db: Db, voteId: string) {
  return db
    .select({
      index: projectVoteTellers.tellerIndex,
      accountId: projectVoteTellers.accountId,
      name: accounts.displayName,
      ceremonyKey: projectVoteTellers.ceremonyKey,
      deal: projectVoteTellers.deal,
      partialDecryption: projectVoteTellers.partialDecryption,
    })
    .from(projectVoteTellers)
    .innerJoin(accounts, eq(accounts.id, projectVoteTellers.accountId))
    .where(eq(projectVoteTellers.voteId, voteId))
    .orderBy(asc(projectVoteTellers.tellerIndex));
}

export type TellerRow = Awaited<ReturnType<typeof loadTellers>>[number];

/** The context every proof of this vote binds (the vote, the curve, its key, the candidates, N). */
export function ballotContext(vote: VoteRow, candidates: number): BallotContext {
  if (!vote.publicKey) throw new Error(`vote ${vote.id} has no public key`);
  return {
    voteId: vote.id,
    curve: vote.curve,
    publicKey: vote.publicKey,
    candidates,
    maxChoices: vote.maxChoices,
  };
}

/** What a deputy's device needs to encrypt a ballot: present once the vote is open. */
export const encryptionOf = (v: VoteRow) =>
  v.publicKey && v.status !== 'draft' && v.status !== 'signingIn'
    ? { scheme: 'exponential-elgamal', curve: v.curve, publicKey: v.publicKey }
    : null;

/** The number of candidates (ballot positions) of a vote. */
export async function candidateCount(db: Db, voteId: string): Promise<number> {
  return db.$count(projectVoteCandidates, eq(projectVoteCandidates.voteId, voteId));
}

/** The encrypted ballots of a vote, sorted by receipt (the bulletin's order). */
export async function loadEncryptedBallots(db: Db, voteId: string) {
  return db
    .select({ receipt: projectVoteEncryptedBallots.receipt, ballot: projectVoteEncryptedBallots.ballot })
    .from(projectVoteEncryptedBallots)
    .where(eq(projectVoteEncryptedBallots.voteId, voteId))
    .orderBy(asc(projectVoteEncryptedBallots.receipt));
}
