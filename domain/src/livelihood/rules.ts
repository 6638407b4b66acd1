// The legal and customary numbers of 民生实事项目人大代表票决制, each once, with where it comes from
// (shared/guide/LEGAL-RULES.md §6, §3, §9), and the pure tally that applies them. Practice varies by
// locality, so every number here is only the default of a per-congress setting (livelihoodSettingsSchema).
import { z } from 'zod';

/**
 * Quorum: two thirds or more of the roll present (地方组织法 Art. 14: a sitting is held only with two thirds
 * of the deputies present; "三分之二以上" includes exactly two thirds). LEGAL-RULES.md §3. Configurable for
 * an advisory vote (the street-level vote has its own); a binding vote may not go below it (STATUTORY_QUORUM).
 */
export const DEFAULT_QUORUM = { numerator: 2, denominator: 3 } as const;

/**
 * The floor of a binding vote (not advisory: taken at a congress sitting, its result a decision of the
 * congress): quorum two thirds of ALL deputies (地方组织法 Art. 14) and more than half of ALL deputies to pass
 * (Art. 25, "全体代表的过半数"): a binding vote refuses a lower quorum and the "present" base. LEGAL-RULES.md §3,
 * §6 and §9 item 6. Advisory street votes (LEGAL-RULES.md §6, street-level variant) keep free settings.
 */
export const STATUTORY_QUORUM = DEFAULT_QUORUM;
export const STATUTORY_THRESHOLD_BASE = 'roll' as const;

/**
 * The runoff among projects tied at the cut-off. By analogy with 地方组织法 Art. 29 ¶1 and 选举法 Art. 45 ¶3
 * (LEGAL-RULES.md §11), the re-vote among the tied is decided by the most votes (`mostVotes`), not by the
 * majority threshold again; `threshold` (the old behaviour: the runoff must again reach more than half of the
 * base, and may leave a seat empty) remains available as a setting.
 */
export const RUNOFF_RULES = ['mostVotes', 'threshold'] as const;
export type RunoffRule = (typeof RUNOFF_RULES)[number];
export const DEFAULT_RUNOFF_RULE: RunoffRule = 'mostVotes';

/**
 * A second vote for the shortfall (另行票决): when fewer projects than the quota reach the threshold, staff may
 * put the empty places to a second vote among the remaining candidates, by analogy with the 另行选举 of 选举法
 * Art. 45 ¶4 (LEGAL-RULES.md §2; for 票决 the handling of a shortfall is local practice, §6 → a setting). The
 * second vote keeps the threshold of the first (Art. 25 for a binding vote: the 选举法's one-third rule is for
 * deputies' elections only), and the 差额 ratio applies to it; places still empty afterwards stay empty.
 */
export const DEFAULT_SHORTFALL_VOTE = true;

/** The kind of a vote: the main vote, the runoff among the tied, or the second vote for a shortfall. */
export const VOTE_KINDS = ['main', 'runoff', 'shortfall'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];

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
  runoffRule: z.enum(RUNOFF_RULES).default(DEFAULT_RUNOFF_RULE),
  /** Staff may open a second vote for the places a vote left empty (另行票决). */
  shortfallVote: z.boolean().default(DEFAULT_SHORTFALL_VOTE),
});
export type VoteRules = z.infer<typeof voteRulesSchema>;

/** One rule of a binding vote below the statute: the field and why, in zh and en. */
export interface StatuteProblem {
  field: 'quorumNumerator' | 'thresholdBase';
  zh: string;
  en: string;
}

/**
 * What a binding (not advisory) vote's rules leave below the statute: a quorum under two thirds of all
 * deputies (地方组织法 Art. 14), a threshold counted on those present instead of all deputies (Art. 25).
 * An advisory vote has none.
 */
export function statuteProblems(
  rules: Pick<VoteRules, 'advisory' | 'quorumNumerator' | 'quorumDenominator' | 'thresholdBase'>,
): StatuteProblem[] {
  if (rules.advisory) return [];
  const problems: StatuteProblem[] = [];
  if (
    rules.quorumNumerator * STATUTORY_QUORUM.denominator <
    STATUTORY_QUORUM.numerator * rules.quorumDenominator
  )
    problems.push({
      field: 'quorumNumerator',
      zh: `表决性票决的法定人数不得低于全体代表的三分之二（地方组织法第十四条），现为 ${rules.quorumNumerator}/${rules.quorumDenominator}`,
      en: `a binding vote needs a quorum of at least two thirds of all deputies (Local Organic Law Art. 14), not ${rules.quorumNumerator}/${rules.quorumDenominator}`,
    });
  if (rules.thresholdBase !== STATUTORY_THRESHOLD_BASE)
    problems.push({
      field: 'thresholdBase',
      zh: '表决性票决须获全体代表过半数（地方组织法第二十五条），不能以出席代表为基数',
      en: 'a binding vote passes with more than half of ALL deputies (Local Organic Law Art. 25), not of those present',
    });
  return problems;
}

/** Per-congress settings, stored under the `livelihood` key (server/src/platform/settings.ts). */
export const livelihoodSettingsSchema = z
  .object({
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
  })
  // A binding vote's rules may not go below the statute (see statuteProblems); advisory ones are free.
  .superRefine((s, ctx) => {
    for (const key of ['districtVote', 'streetVote'] as const)
      for (const p of statuteProblems(s[key]))
        ctx.addIssue({ code: 'custom', path: [key, p.field], message: p.en });
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
  /** Electronic plus returned paper ballots, blank and void ones included. */
  ballotsCast: number;
  /** Paper ballots void (over-marked): cast, but a vote for nothing. */
  voidBallots?: number;
  maxChoices: number;
  /** Votes per candidate id (every candidate on the ballot, zero included). */
  counts: Record<string, number>;
  rules: Pick<VoteRules, 'quorumNumerator' | 'quorumDenominator' | 'thresholdBase'> &
    Partial<Pick<VoteRules, 'runoffRule'>>;
  /** A runoff among the tied is decided by `rules.runoffRule`; the main vote and a second vote by the threshold. */
  kind?: VoteKind;
}

export interface TallyResult {
  valid: boolean;
  /** Why the result is not valid: no quorum, or more ballots than members signed in. */
  invalidReason: 'noQuorum' | 'overCast' | null;
  quorum: { rollSize: number; needed: number; present: number; reached: boolean };
  turnout: { signedIn: number; ballotsCast: number; voidBallots: number; rate: number };
  /**
   * `majority`: more than half of the base; `mostVotes`: a runoff decided by the most votes (any vote counts,
   * votesNeeded is 1).
   */
  threshold: { base: ThresholdBase; baseSize: number; votesNeeded: number; rule: 'majority' | 'mostVotes' };
  /** Candidates ordered by votes (then id, for a stable listing; order never decides a seat). */
  ranking: { candidateId: string; votes: number; passed: boolean }[];
  chosen: string[];
  /** Tied at the cut-off for the last seats: they go to a runoff for `runoffSeats` seats. */
  runoff: { candidateIds: string[]; seats: number } | null;
  /** Seats left unfilled because too few candidates passed the threshold (a second vote may fill them). */
  shortfall: number;
}

/**
 * The result of a project vote: quorum, void on over-cast, the threshold (more than half of the base; in a
 * runoff under the `mostVotes` rule, the most votes), the top N of those passing, a runoff among those tied at
 * the cut-off, and any shortfall.
 */
export function tally(input: TallyInput): TallyResult {
  const { rollSize, signedIn, ballotsCast, maxChoices, counts, rules } = input;
  const needed = quorumNeeded(rollSize, rules);
  const reached = hasQuorum(rollSize, signedIn, rules);
  const baseSize = rules.thresholdBase === 'roll' ? rollSize : signedIn;
  const mostVotes = input.kind === 'runoff' && (rules.runoffRule ?? DEFAULT_RUNOFF_RULE) === 'mostVotes';
  const votesNeeded = mostVotes ? 1 : thresholdVotes(baseSize);
  const ranking = Object.entries(counts)
    .map(([candidateId, votes]) => ({ candidateId, votes, passed: votes >= votesNeeded }))
    .sort((a, b) => b.votes - a.votes || a.candidateId.localeCompare(b.candidateId));
  const overCast = isVoid(ballotsCast, signedIn);
  const invalidReason = !reached ? 'noQuorum' : overCast ? 'overCast' : null;
  const base = {
    quorum: { rollSize, needed, present: signedIn, reached },
    turnout: {
      signedIn,
      ballotsCast,
      voidBallots: input.voidBallots ?? 0,
      rate: signedIn ? ballotsCast / signedIn : 0,
    },
    threshold: {
      base: rules.thresholdBase,
      baseSize,
      votesNeeded,
      rule: mostVotes ? ('mostVotes' as const) : ('majority' as const),
    },
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

/**
 * What closing now would mean, from counts only (ballots are secret until close: no running total per project
 * is read for this): turnout, quorum, void on over-cast, the votes a project needs, and the MOST projects the
 * ballots cast could choose. Each valid ballot gives a project at most one vote and marks at most `maxChoices`
 * projects, so no project can pass with fewer valid ballots than votes needed, and at most
 * floor(valid ballots × maxChoices / votes needed) can pass. `noneReason` says why none would be chosen
 * whatever the ballots say; the exact number chosen is known only when the vote is closed and counted.
 */
export interface CloseForecast {
  rollSize: number;
  signedIn: number;
  ballotsCast: number;
  quorum: { needed: number; reached: boolean };
  overCast: boolean;
  threshold: { base: ThresholdBase; baseSize: number; votesNeeded: number; rule: 'majority' | 'mostVotes' };
  places: number;
  mostChosen: number;
  noneReason: 'noQuorum' | 'overCast' | 'noBallots' | 'belowThreshold' | null;
}

export function forecastClose(input: {
  rollSize: number;
  signedIn: number;
  ballotsCast: number;
  voidBallots?: number;
  maxChoices: number;
  candidates: number;
  rules: TallyInput['rules'];
  kind?: VoteKind;
}): CloseForecast {
  const { rollSize, signedIn, ballotsCast, maxChoices, rules } = input;
  const needed = quorumNeeded(rollSize, rules);
  const reached = hasQuorum(rollSize, signedIn, rules);
  const overCast = isVoid(ballotsCast, signedIn);
  const baseSize = rules.thresholdBase === 'roll' ? rollSize : signedIn;
  const mostVotes = input.kind === 'runoff' && (rules.runoffRule ?? DEFAULT_RUNOFF_RULE) === 'mostVotes';
  const votesNeeded = mostVotes ? 1 : thresholdVotes(baseSize);
  const validBallots = Math.max(0, ballotsCast - (input.voidBallots ?? 0));
  const noneReason = !reached
    ? 'noQuorum'
    : overCast
      ? 'overCast'
      : validBallots === 0
        ? 'noBallots'
        : validBallots < votesNeeded
          ? 'belowThreshold'
          : null;
  const mostChosen = noneReason
    ? 0
    : Math.min(maxChoices, input.candidates, Math.floor((validBallots * maxChoices) / votesNeeded));
  return {
    rollSize,
    signedIn,
    ballotsCast,
    quorum: { needed, reached },
    overCast,
    threshold: {
      base: rules.thresholdBase,
      baseSize,
      votesNeeded,
      rule: mostVotes ? 'mostVotes' : 'majority',
    },
    places: maxChoices,
    mostChosen,
    noneReason,
  };
}

/**
 * The tellers' statement of the paper ballots (计票报告): ballots issued (发出), returned (收回), and of those
 * returned the valid (有效), void (作废: more marks than places, 选举法 Art. 44 by analogy) and blank (空白)
 * ones, with the votes per candidate on the valid ballots. A void ballot counts as cast (in the over-cast
 * check and the published turnout) but is a vote for nothing; a blank one is cast with no vote.
 */
export interface PaperStatement {
  issued: number;
  returned: number;
  valid: number;
  void: number;
  blank: number;
  counts: Record<string, number>;
}
export const PAPER_FIGURES = ['issued', 'returned', 'valid', 'void', 'blank'] as const;

/** One figure of a tellers' statement that does not reconcile: the field and why, in zh and en. */
export interface PaperProblem {
  field: string;
  code: string;
  zh: string;
  en: string;
}

/**
 * Whether a statement reconciles: returned ≤ issued ≤ members signed in; valid + void + blank = returned;
 * every count is of a candidate on the ballot and at most the valid ballots; and the marks on the valid
 * ballots, each with one to `maxChoices` marks, lie between valid and valid × maxChoices.
 */
export function reconcilePaperStatement(
  s: PaperStatement,
  vote: { maxChoices: number; candidateIds: readonly string[]; signedIn: number },
): PaperProblem[] {
  const problems: PaperProblem[] = [];
  if (s.issued > vote.signedIn)
    problems.push({
      field: 'issued',
      code: 'too_big',
      zh: `发出选票不能多于签到人数（${vote.signedIn}）`,
      en: `cannot exceed the members signed in (${vote.signedIn})`,
    });
  if (s.returned > s.issued)
    problems.push({
      field: 'returned',
      code: 'too_big',
      zh: '收回选票不能多于发出选票',
      en: 'cannot exceed the ballots issued',
    });
  if (s.valid + s.void + s.blank !== s.returned)
    for (const field of ['valid', 'void', 'blank'])
      problems.push({
        field,
        code: 'not_reconciled',
        zh: `有效 ${s.valid} + 作废 ${s.void} + 空白 ${s.blank} 须等于收回 ${s.returned}`,
        en: `valid ${s.valid} + void ${s.void} + blank ${s.blank} must equal returned ${s.returned}`,
      });
  for (const [id, n] of Object.entries(s.counts)) {
    if (!vote.candidateIds.includes(id))
      problems.push({
        field: `counts.${id}`,
        code: 'unknown_candidate',
        zh: '不是本次票决的候选项目',
        en: 'is not a candidate of this vote',
      });
    else if (n > s.valid)
      problems.push({
        field: `counts.${id}`,
        code: 'too_big',
        zh: '得票不能超过有效选票张数',
        en: 'cannot exceed the valid ballots',
      });
  }
  const marks = Object.values(s.counts).reduce((a, b) => a + b, 0);
  if (marks > s.valid * vote.maxChoices)
    problems.push({
      field: 'counts',
      code: 'too_big',
      zh: '总票数超过有效选票张数 × 应选数',
      en: 'more marks than valid ballots × places',
    });
  else if (marks < s.valid)
    problems.push({
      field: 'counts',
      code: 'too_small',
      zh: '每张有效选票至少选一项：总票数不能少于有效选票张数',
      en: 'each valid ballot marks at least one project: fewer marks than valid ballots',
    });
  return problems;
}

/** The figures on which two tellers' statements differ (`counts.<id>` for a candidate). */
export function differingFigures(
  a: PaperStatement,
  b: PaperStatement,
  candidateIds: readonly string[],
): string[] {
  const figures: string[] = PAPER_FIGURES.filter((f) => a[f] !== b[f]);
  for (const id of candidateIds)
    if ((a.counts[id] ?? 0) !== (b.counts[id] ?? 0)) figures.push(`counts.${id}`);
  return figures;
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

/**
 * The tellers of a secret vote's key (issue 21): three, of whom any two decrypt the totals, so that losing one
 * teller's share does not lose the vote and no single teller can decrypt anything. A design choice, not law.
 */
export const DKG_TELLERS = 3;
export const DKG_THRESHOLD = 2;
