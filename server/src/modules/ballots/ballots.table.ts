// Drizzle definitions of the ballots module: the secret-ballot vote engine's tables. They were created by the
// livelihood migrations 0500_livelihood.sql, 0501_vote_keys.sql and 0502_vote_statute.sql (applied, so the SQL
// stays there and is never edited), then by 0503_encrypted_ballots.sql (issue 21; numbered after the tables it changes, since migrations run in
// file-name order); they are
// defined here, with the engine they belong to. The drift test compares them with the migrated database.
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  Ciphertext,
  CurveName,
  DkgDeal,
  EncryptedBallot,
  PartialDecryption,
} from '@minyi/domain/ballots/crypto';
import type { PaperStatement, VoteKind, VoteRules, VoteStatus } from '@minyi/domain/livelihood';

/** The modules that hold votes on the engine (`BallotSubject.owner`). */
export const BALLOT_OWNERS = ['livelihood', 'meetings'] as const;
export type BallotOwner = (typeof BALLOT_OWNERS)[number];

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The paper ballots as the two tellers agreed them: `ballots` is the number returned; the statement's other
 * figures are absent on a count accepted before migration 0502.
 */
export interface PaperTally extends Partial<Omit<PaperStatement, 'returned' | 'counts'>> {
  ballots: number;
  counts: Record<string, number>;
}

export const projectVotes = pgTable('project_votes', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  scope: text('scope').$type<'district' | 'street'>().notNull(),
  streetId: uuid('street_id'),
  maxChoices: integer('max_choices').notNull(),
  status: text('status').$type<VoteStatus>().notNull().default('draft'),
  rules: jsonb('rules').$type<VoteRules>().notNull(),
  kind: text('kind').$type<VoteKind>().notNull().default('main'),
  parentVoteId: uuid('parent_vote_id'),
  /** The congress sitting a binding vote is taken at (null for an advisory vote). */
  sittingId: uuid('sitting_id'),
  /** The module whose question the vote is (migration 0605): its lists and its count rules. */
  owner: text('owner').$type<BallotOwner>().notNull().default('livelihood'),
  /** The curve of the vote's key, the key (once the tellers' deals are in), the ciphertexts' sums at close. */
  curve: text('curve').$type<CurveName>().notNull().default('p256'),
  publicKey: text('public_key'),
  combined: jsonb('combined').$type<Ciphertext[] | null>(),
  paperTally: jsonb('paper_tally').$type<PaperTally | null>(),
  result: jsonb('result').$type<Record<string, unknown> | null>(),
  rollCalledAt: ts('roll_called_at'),
  openedAt: ts('opened_at'),
  closedAt: ts('closed_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const projectVoteCandidates = pgTable(
  'project_vote_candidates',
  {
    congressId: uuid('congress_id').notNull(),
    voteId: uuid('vote_id').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.candidateId] })],
);

export const projectVoteRoll = pgTable(
  'project_vote_roll',
  {
    congressId: uuid('congress_id').notNull(),
    voteId: uuid('vote_id').notNull(),
    memberId: uuid('member_id').notNull(),
    deputyId: uuid('deputy_id'),
    kind: text('kind').$type<'deputy' | 'voterRepresentative'>().notNull(),
    name: text('name').notNull().default(''),
    signedInAt: ts('signed_in_at'),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.memberId] })],
);

/** Who has voted: no time, no sequence (see the secrecy note in SECRECY.md). */
export const projectVoteVoters = pgTable(
  'project_vote_voters',
  {
    congressId: uuid('congress_id').notNull(),
    voteId: uuid('vote_id').notNull(),
    memberId: uuid('member_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.memberId] })],
);

/**
 * What was voted, encrypted (migration 0503): no id, no time, no sequence, no voter; the receipt (the hash of
 * the ciphertexts, public in the bulletin) and the encrypted ballot with its proofs.
 */
export const projectVoteEncryptedBallots = pgTable(
  'project_vote_encrypted_ballots',
  {
    congressId: uuid('congress_id').notNull(),
    voteId: uuid('vote_id').notNull(),
    receipt: text('receipt').notNull(),
    ballot: jsonb('ballot').$type<EncryptedBallot>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.receipt] })],
);

/**
 * The vote's three tellers (migration 0503) and what each posts in public during the key ceremony and the
 * count: never a share of the key.
 */
export const projectVoteTellers = pgTable(
  'project_vote_tellers',
  {
    congressId: uuid('congress_id').notNull(),
    voteId: uuid('vote_id').notNull(),
    tellerIndex: integer('teller_index').notNull(),
    accountId: uuid('account_id').notNull(),
    ceremonyKey: text('ceremony_key'),
    deal: jsonb('deal').$type<DkgDeal | null>(),
    partialDecryption: jsonb('partial_decryption').$type<PartialDecryption | null>(),
  },
  (t) => [
    primaryKey({ columns: [t.voteId, t.tellerIndex] }),
    unique('project_vote_tellers_vote_id_account_id_key').on(t.voteId, t.accountId),
    index('project_vote_tellers_account_idx').on(t.accountId),
  ],
);

export const projectVotePaperCounts = pgTable('project_vote_paper_counts', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  voteId: uuid('vote_id').notNull(),
  tellerAccountId: uuid('teller_account_id').notNull(),
  issued: integer('issued').notNull().default(0),
  /** Ballots returned. */
  ballots: integer('ballots').notNull(),
  validBallots: integer('valid_ballots').notNull().default(0),
  voidBallots: integer('void_ballots').notNull().default(0),
  blankBallots: integer('blank_ballots').notNull().default(0),
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
