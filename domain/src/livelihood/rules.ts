// The legal and customary numbers of 民生实事项目人大代表票决制, each once, with where it comes from
// (shared/guide/LEGAL-RULES.md §6, §3, §9), and the pure tally that applies them. Practice varies by
// locality, so every number here is only the default of a per-congress setting (livelihoodSettingsSchema).
import { z } from 'zod';

/**
 * Quorum: two thirds or more of the roll present (地方组织法 Art. 14 for a congress session; "三分之二以上"
 * includes exactly two thirds). LEGAL-RULES.md §3. Configurable (the street-level vote has its own).
 */
export const DEFAULT_QUORUM = { numerator: 2, denominator: 3 } as const;

/**
 * Threshold: a project is chosen only with votes from MORE THAN HALF (过半数) of the base. The base is all
 * deputies on the roll by default (地方组织法 Art. 25, "全体代表的过半数", applied to 票决 as an inference,
 * LEGAL-RULES.md §6 and §9 item 6); some localities count the deputies present instead.
 */
export const THRESHOLD_BASES = ['roll', 'present'] as const;
export type ThresholdBase = (typeof THRESHOLD_BASES)[number];
export const DEFAULT_THRESHOLD_BASE: ThresholdBase = 'roll';

/**
 * 差额: there must be more candidates than projects to choose. The ratio (e.g. 120%) is unverified local
 * practice (LEGAL-RULES.md §6: a 宁海 township had 20 candidates for 10 projects) → configurable.
 */
export const DEFAULT_CANDIDATE_RATIO = 1.2;

/**
 * Year-end evaluation criteria (LEGAL-RULES.md §6: Shanghai 华泾镇 scores 8 dimensions, including goal
 * completion and proper use of funds). Configurable per congress; each is scored 1 to 5.
 */
export const DEFAULT_EVALUATION_CRITERIA = [
  'goalAchieved',
  'quality',
  'timeliness',
  'useOfFunds',
  'publicBenefit',
  'publicSatisfaction',
  'sustainability',
  'handlingOfDeputyOpinions',
] as const;
export const EVALUATION_SCORE_MIN = 1;
export const EVALUATION_SCORE_MAX = 5;

/** Rules of one vote (a snapshot is stored on the vote when its roll is frozen). */
export const voteRulesSchema = z.object({
  quorumNumerator: z.number().int().min(1).default(DEFAULT_QUORUM.numerator),
  quorumDenominator: z.number().int().min(1).default(DEFAULT_QUORUM.denominator),
  thresholdBase: z.enum(THRESHOLD_BASES).default(DEFAULT_THRESHOLD_BASE),
  candidateRatio: z.number().min(1).max(10).default(DEFAULT_CANDIDATE_RATIO),
  /** A street-level vote is advisory (not a congress resolution; LEGAL-RULES.md §6 street-level variant). */
  advisory: z.boolean().default(false),
});
export type VoteRules = z.infer<typeof voteRulesSchema>;

/** Per-congress settings, stored under the `livelihood` key (server/src/platform/settings.ts). */
export const livelihoodSettingsSchema = z.object({
  districtVote: voteRulesSchema.default(voteRulesSchema.parse({})),
  /** The street-level advisory vote (街道选民代表会议 or the district deputies elected in the street). */
  streetVote: voteRulesSchema.default(voteRulesSchema.parse({ advisory: true, thresholdBase: 'present' })),
  evaluationCriteria: z
    .array(z.string().min(1).max(60))
    .min(1)
    .max(20)
    .default([...DEFAULT_EVALUATION_CRITERIA]),
  /** The public satisfaction survey on projects is optional. */
  publicSurvey: z.boolean().default(true),
});
export type LivelihoodSettings = z.infer<typeof livelihoodSettingsSchema>;

// ---------- pure rules ----------

/** Members needed present for quorum: ceil(roll × n / d) ("以上" includes the number itself). */
export const quorumNeeded = (
  rollSize: number,
  rules: Pick<VoteRules, 'quorumNumerator' | 'quorumDenominator'>,
): number => Math.ceil((rollSize * rules.quorumNumerator) / rules.quorumDenominator);

export const hasQuorum = (
  rollSize: number,
  present: number,
  rules: Pick<VoteRules, 'quorumNumerator' | 'quorumDenominator'>,
): boolean => rollSize > 0 && present >= quorumNeeded(rollSize, rules);

/** Votes needed to be chosen: more than half of the base, i.e. floor(base / 2) + 1. */
export const thresholdVotes = (base: number): number => Math.floor(base / 2) + 1;

/** Fewest candidates allowed for `toChoose` projects: more than `toChoose`, and at least toChoose × ratio. */
export const minCandidates = (toChoose: number, ratio: number): number =>
  Math.max(toChoose + 1, Math.ceil(toChoose * ratio - 1e-9));

export const candidatesSuffice = (candidates: number, toChoose: number, ratio: number): boolean =>
  candidates >= minCandidates(toChoose, ratio);

/** Ballots cast may never exceed the members signed in; if they do the vote is void (reconciliation). */
export const isVoid = (ballotsCast: number, signedIn: number): boolean => ballotsCast > signedIn;

export interface TallyInput {
  rollSize: number;
  signedIn: number;
  /** Electronic plus accepted paper ballots, blank ones included. */
  ballotsCast: number;
  maxChoices: number;
  /** Votes per candidate id (every candidate on the ballot, zero included). */
  counts: Record<string, number>;
  rules: Pick<VoteRules, 'quorumNumerator' | 'quorumDenominator' | 'thresholdBase'>;
}

export interface TallyResult {
  valid: boolean;
  /** Why the result is not valid: no quorum, or more ballots than members signed in. */
  invalidReason: 'noQuorum' | 'overCast' | null;
  quorum: { rollSize: number; needed: number; present: number; reached: boolean };
  turnout: { signedIn: number; ballotsCast: number; rate: number };
  threshold: { base: ThresholdBase; baseSize: number; votesNeeded: number };
  /** Candidates ordered by votes (then id, for a stable listing; order never decides a seat). */
  ranking: { candidateId: string; votes: number; passed: boolean }[];
  chosen: string[];
  /** Tied at the cut-off for the last seats: they go to a runoff for `runoffSeats` seats. */
  runoff: { candidateIds: string[]; seats: number } | null;
  /** Seats left unfilled because too few candidates passed the threshold (reported, not filled). */
  shortfall: number;
}

/**
 * The result of a project vote: quorum, void on over-cast, the threshold (more than half of the base),
 * the top N of those passing, a runoff among those tied at the cut-off, and any shortfall.
 */
export function tally(input: TallyInput): TallyResult {
  const { rollSize, signedIn, ballotsCast, maxChoices, counts, rules } = input;
  const needed = quorumNeeded(rollSize, rules);
  const reached = hasQuorum(rollSize, signedIn, rules);
  const baseSize = rules.thresholdBase === 'roll' ? rollSize : signedIn;
  const votesNeeded = thresholdVotes(baseSize);
  const ranking = Object.entries(counts)
    .map(([candidateId, votes]) => ({ candidateId, votes, passed: votes >= votesNeeded }))
    .sort((a, b) => b.votes - a.votes || a.candidateId.localeCompare(b.candidateId));
  const overCast = isVoid(ballotsCast, signedIn);
  const invalidReason = !reached ? 'noQuorum' : overCast ? 'overCast' : null;
  const base = {
    quorum: { rollSize, needed, present: signedIn, reached },
    turnout: { signedIn, ballotsCast, rate: signedIn ? ballotsCast / signedIn : 0 },
    threshold: { base: rules.thresholdBase, baseSize, votesNeeded },
    ranking,
  };
  if (invalidReason) {
    return { ...base, valid: false, invalidReason, chosen: [], runoff: null, shortfall: maxChoices };
  }
  const passing = ranking.filter((r) => r.passed);
  const chosen: string[] = [];
  let runoff: TallyResult['runoff'] = null;
  let i = 0;
  while (i < passing.length && chosen.length < maxChoices) {
    const group = passing.filter((r) => r.votes === passing[i].votes);
    const seatsLeft = maxChoices - chosen.length;
    if (group.length <= seatsLeft) chosen.push(...group.map((r) => r.candidateId));
    else runoff = { candidateIds: group.map((r) => r.candidateId), seats: seatsLeft };
    if (runoff) break;
    i += group.length;
  }
  const pendingSeats = runoff?.seats ?? 0;
  return {
    ...base,
    valid: true,
    invalidReason: null,
    chosen,
    runoff,
    shortfall: maxChoices - chosen.length - pendingSeats,
  };
}

/** Mean score of each criterion and overall, over evaluations `{ criterion: score }`. */
export function rollUpEvaluations(
  criteria: readonly string[],
  evaluations: readonly Record<string, number>[],
): { count: number; perCriterion: Record<string, number | null>; overall: number | null } {
  const perCriterion: Record<string, number | null> = {};
  for (const c of criteria) {
    const scores = evaluations.map((e) => e[c]).filter((s): s is number => typeof s === 'number');
    perCriterion[c] = scores.length ? round2(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
  }
  const means = Object.values(perCriterion).filter((v): v is number => v !== null);
  return {
    count: evaluations.length,
    perCriterion,
    overall: means.length ? round2(means.reduce((a, b) => a + b, 0) / means.length) : null,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
