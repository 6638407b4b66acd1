// Every SQL statement of the vote engine that more than one use case needs, the receipt codes, the mixing
// of the ballot box, and what a calling module gives the engine (its options and rules: `BallotSubject`).
import { randomBytes, randomInt } from 'node:crypto';
import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { CreateVote, TallyResult, VoteRules } from '@minyi/domain/livelihood';
import type { Database, Db } from '../../db/client';
import type { Actor, Work } from '../../platform/context';
import { hmacSm3 } from '../../platform/crypto';
import { notFound } from '../../platform/errors';
import { findActiveDeputyIds, mandates } from '../registry';
import {
  projectVoteBallots,
  projectVoteCandidates,
  projectVoteRoll,
  projectVotes,
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
  return { row, resource: { congressId: row.congressId, onRoll: !!member } };
}

// Receipt codes: the voter gets a random code; the ballot row keeps only a keyed hash of it, so the code
// proves to its holder that their ballot is in the count and tells nobody else anything. The check answers
// "counted", never the choices, so a receipt cannot be used to prove to a third party how one voted.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L

/** 16 characters from a 31-letter alphabet (about 79 bits), shown as XXXX-XXXX-XXXX-XXXX. */
export function newReceiptCode(): string {
  const bytes = randomBytes(32);
  let out = '';
  for (const b of bytes) {
    if (b >= 248) continue; // 248 = 8 × 31: drop the remainder so every letter is equally likely
    out += ALPHABET[b % 31];
    if (out.length === 16) break;
  }
  if (out.length < 16) return newReceiptCode();
  return out.match(/.{4}/g)!.join('-');
}

export const normalizeReceipt = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export const receiptHash = (key: Buffer, voteId: string, code: string): string =>
  hmacSm3(key, `projectVote.receipt:${voteId}:${normalizeReceipt(code)}`);

// Mixing the ballot box (like shaking it before it is opened). Ballots and the voters' record are written
// in one transaction, so until they are rewritten PostgreSQL's system columns (xmin, ctid: the writing
// transaction and the physical position) could link a voter to a ballot for someone with raw database
// access. At close both tables' rows for the vote are rewritten in one transaction — ballots in a fresh
// random order with new mix keys, voters in member-id order — and afterwards VACUUM FULL rewrites both
// tables' files so the dead tuples are gone too. See SECRECY.md for what remains (WAL, backups).
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
