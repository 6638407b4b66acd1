// 民生实事 (livelihood projects): solicitation, shortlist, deliberation, the deputies' secret-ballot vote,
// implementation and evaluation. Zod schemas shared by server and web; the rules and workflows are pure.
import { z } from 'zod';
import {
  dkgDealSchema,
  encryptedBallotSchema,
  partialDecryptionSchema as cryptoPartialDecryptionSchema,
  pointHexSchema,
} from '../ballots/crypto';
import { PROJECT_STATUSES, VOTE_STATUSES } from './workflow';

export * from './rules';
export * from './workflow';

const uuid = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
/** Money in yuan (元), whole; budgets of district projects fit easily. */
const yuan = z.number().int().min(0).max(1_000_000_000_000);
const isoDate = z.iso.date();

export const voteStatusSchema = z.enum(VOTE_STATUSES);
export const projectStatusSchema = z.enum(PROJECT_STATUSES);
export const voteScopeSchema = z.enum(['district', 'street']);
export type VoteScope = z.infer<typeof voteScopeSchema>;

// ---------- solicitation ----------
export const submitIdeaSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: text(120),
  content: text(4000),
  streetId: uuid.nullable().default(null),
  estimatedCost: yuan.nullable().default(null),
  submitterName: z.string().trim().max(60).default(''),
});
export type SubmitIdea = z.infer<typeof submitIdeaSchema>;

export const mergeIdeasSchema = z.strictObject({ duplicateIds: z.array(uuid).min(1).max(100) });

// ---------- shortlist ----------
export const createCandidateSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: text(120),
  description: z.string().trim().max(4000).default(''),
  leadUnitId: uuid,
  budget: yuan,
  streetId: uuid.nullable().default(null),
  feasibilityNote: z.string().trim().max(4000).default(''),
  ideaIds: z.array(uuid).max(50).default([]),
});
export type CreateCandidate = z.infer<typeof createCandidateSchema>;

export const deliberationCommentSchema = z.strictObject({
  delegation: text(60),
  content: text(4000),
});

// ---------- the vote ----------
export const createVoteSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: text(200),
  scope: voteScopeSchema.default('district'),
  /** Street of a street-level vote. */
  streetId: uuid.nullable().default(null),
  maxChoices: z.number().int().min(1).max(100),
  candidateIds: z.array(uuid).min(2).max(200),
  /** Street votes may add voter representatives to the roll by name (they sign in and vote on paper). */
  voterRepresentatives: z.array(text(60)).max(500).default([]),
  /**
   * Advisory (a street vote, or a consultation) or binding (at a congress sitting, linked to it, and held to
   * the statute: see statuteProblems). Unset, the scope's setting decides.
   */
  advisory: z.boolean().optional(),
});
export type CreateVote = z.infer<typeof createVoteSchema>;

/**
 * An encrypted ballot (issue 21): one exponential-ElGamal ciphertext per candidate, in ballot order, each with
 * its proof that it encrypts 0 or 1, and the proof that their sum is within 0..maxChoices. The form is checked
 * here (the crypto's schemas), the proofs by the engine (`verifyBallot`). A plaintext `{ choices }` is refused.
 */
export const castBallotSchema = z.strictObject(encryptedBallotSchema.shape);
export type CastBallot = z.infer<typeof castBallotSchema>;

/** Three accounts of the congress that hold the vote's key between them (2 of 3 decrypt the totals). */
export const appointTellersSchema = z.strictObject({
  accountIds: z.array(uuid).length(3),
});
export const ceremonyKeySchema = z.strictObject({ publicKey: pointHexSchema });
/** A teller's deal in the key ceremony (`dealShares`); verified by the other tellers' `completeDkg`. */
export const dealSchema = z.strictObject({ deal: dkgDealSchema });
/** A teller's partial decryption of the totals (`partialDecrypt`), checked with its proofs. */
export const partialDecryptionSchema = z.strictObject({ partialDecryption: cryptoPartialDecryptionSchema });

export const staffAttendanceSchema = z.strictObject({ memberId: uuid }).partial();

const ballotNumber = z.number().int().min(0).max(100_000);
/**
 * One teller's statement of the paper ballots (see PaperStatement in the rules): issued, returned, valid,
 * void and blank, and the votes per candidate on the valid ballots.
 */
export const paperCountSchema = z.strictObject({
  issued: ballotNumber,
  returned: ballotNumber,
  valid: ballotNumber,
  void: ballotNumber,
  blank: ballotNumber,
  counts: z.record(z.string(), ballotNumber),
});
export type PaperCount = z.infer<typeof paperCountSchema>;

// ---------- implementation ----------
export const milestoneSchema = z.strictObject({ title: text(200), targetDate: isoDate });

export const planProjectSchema = z.strictObject({
  leadUnitId: uuid.optional(),
  budget: yuan.optional(),
  targetDate: isoDate.optional(),
  milestones: z.array(milestoneSchema).max(50).optional(),
});

export const progressReportSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  percent: z.number().int().min(0).max(100),
  narrative: text(4000),
  status: z.enum(['onTrack', 'delayed', 'completed']),
  photoFileIds: z.array(uuid).max(10).default([]),
  /** Milestones of the plan reached with this report (marked done on the day it is sent). */
  milestonesDone: z.array(uuid).max(50).default([]),
});

export const adjustProjectSchema = z.strictObject({
  reason: text(2000),
  /** The standing committee's approval (date and reference of the decision). */
  approvedOn: isoDate,
  approvalReference: text(200),
  newTargetDate: isoDate.optional(),
});

export const inspectionSchema = z.strictObject({
  inspectedOn: isoDate,
  deputyIds: z.array(uuid).min(1).max(100),
  findings: text(4000),
  /** Send the findings to the lead unit as an opinion. */
  toUnit: z.boolean().default(false),
});

// ---------- evaluation ----------
export const evaluationSchema = z.strictObject({
  scores: z.record(z.string(), z.number().int().min(1).max(5)),
  comment: z.string().trim().max(2000).default(''),
});

export const surveyResponseSchema = z.strictObject({
  satisfaction: z.enum(['satisfied', 'basicallySatisfied', 'dissatisfied']),
});
