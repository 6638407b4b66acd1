// The other legal numbers of the congress and its standing committee (LEGAL-RULES.md §3, 地方组织法 2022; §4,
// 监督法), each once with its article, and the pure functions that apply them: the differential-election ranges
// of Art. 26–27, the thresholds of motions, inquiries and dismissals, the committee's size and rhythm.

/** Offices elected by the congress, by the differential rule that applies to them (Art. 26–27). */
export const ELECTED_OFFICE_KINDS = ['principal', 'deputyPrincipal', 'committeeMember'] as const;
export type ElectedOfficeKind = (typeof ELECTED_OFFICE_KINDS)[number];

/**
 * How many candidates an election may have for `seats` seats (地方组织法 Art. 27 ¶1–2, LEGAL-RULES.md §3):
 * - principal (常委会主任, 区长, 法院院长, 检察院检察长): as a rule one more candidate than the one seat, a single
 *   candidate (等额) allowed: 1 to 2;
 * - deputyPrincipal (常委会副主任, 副区长): 1 to 3 more candidates than seats;
 * - committeeMember (常委会委员): more than the seats by one tenth to one fifth. The statute says "十分之一至五分
 *   之一": at least ⌈seats/10⌉ and at most ⌊seats/5⌋ more (an inference on rounding: never fewer than a tenth,
 *   never more than a fifth), and at least one more (差额).
 */
export function candidateRange(kind: ElectedOfficeKind, seats: number): { min: number; max: number } {
  if (!Number.isInteger(seats) || seats < 1) throw new RangeError('seats must be a positive integer');
  switch (kind) {
    case 'principal':
      return { min: seats, max: seats + 1 };
    case 'deputyPrincipal':
      return { min: seats + 1, max: seats + 3 };
    case 'committeeMember': {
      const min = seats + Math.max(1, Math.ceil(seats / 10));
      return { min, max: Math.max(min, seats + Math.floor(seats / 5)) };
    }
  }
}

export const isCandidateCountAllowed = (kind: ElectedOfficeKind, seats: number, candidates: number) => {
  const r = candidateRange(kind, seats);
  return candidates >= r.min && candidates <= r.max;
};

/** Nomination and deliberation of candidates last at least 2 days (Art. 27 ¶3: "不得少于二日"). */
export const NOMINATION_MIN_DAYS = 2;

/** Deputies who may jointly nominate a candidate, or file a motion at the congress (Art. 26, Art. 22): 10 or more. */
export const CONGRESS_JOINT_MIN_DEPUTIES = 10;

/**
 * Standing-committee members who may jointly file a motion (Art. 52) or an inquiry (质询案, Art. 53; 监督法
 * Art. 51) at the district level: 3 or more.
 */
export const COMMITTEE_JOINT_MIN_MEMBERS = 3;

/** A fraction of ALL members, reached when `n * den >= members * num` (integers, no rounding). */
const reaches = (n: number, members: number, num: number, den: number) => n * den >= members * num;

/** One fifth of the standing committee's members may jointly propose a dismissal (撤职案, 监督法 Art. 60). */
export const canProposeDismissal = (proposers: number, members: number) => reaches(proposers, members, 1, 5);

/** One fifth of the deputies may propose an interim session of the congress (地方组织法 Art. 14). */
export const canProposeInterimSession = (proposers: number, deputies: number) =>
  reaches(proposers, deputies, 1, 5);

/** One tenth of the deputies may propose a recall of officials the congress elected (Art. 31). */
export const canProposeRecall = (proposers: number, deputies: number) => reaches(proposers, deputies, 1, 10);

/**
 * An inquiry answered: when MORE than half of its filers are dissatisfied, they may ask for a second answer
 * (监督法 Art. 53).
 */
export const secondAnswerDue = (dissatisfied: number, filers: number) => 2 * dissatisfied > filers;

/**
 * A district standing committee's size (Art. 47): 15 to 35 members, at most 45 where the district's population
 * exceeds one million. The province fixes the number; this is the range it must lie in.
 */
export const committeeSizeRange = (population: number) => ({
  min: 15,
  max: population > 1_000_000 ? 45 : 35,
});

/** The standing committee meets at least once every 2 months (Art. 51 ¶1). */
export const COMMITTEE_MEETING_INTERVAL_MONTHS = 2;
