// The legal numbers of the direct election of district deputies (换届选举), each once, with its article
// (shared/guide/LEGAL-RULES.md §2, 选举法 2020 text; 地方组织法 Art. 20), and the pure functions that apply them.
// Where a province's implementing rules decide (the rounding of the candidate ratio, the seat count override,
// the outlier tolerance) the number is only the default of a per-congress setting (electionsSettingsSchema).
import { z } from 'zod';

export const ELECTION_RULES = {
  /** The voter list is published "选举日的二十日以前" (Art. 28). */
  voterListDaysBefore: 20,
  /** Complaints against the list within 5 days of its publication (Art. 29). */
  complaintDays: 5,
  /** The election committee decides a complaint within 3 days (Art. 29). */
  complaintDecisionDays: 3,
  /** The nominees and their information are published 15 days before election day (Art. 32). */
  nomineesDaysBefore: 15,
  /** The official candidate list is published 7 days before election day (Art. 34). */
  candidateListDaysBefore: 7,
  /** The first session within 2 months of the election (地方组织法 Art. 20). */
  firstSessionMonthsAfter: 2,
  /** Citizens aged 18 or over vote, counted up to and including election day (Art. 4; LEGAL-RULES §2). */
  votingAge: 18,
  /** A district congress: a base of 140 seats plus 1 per 5,000 residents (Art. 12(3)). */
  seatBase: 140,
  residentsPerSeat: 5000,
  /** …at most 450 seats where the population exceeds 1.55 million (Art. 12(3)). */
  seatCap: 450,
  seatCapPopulation: 1_550_000,
  /** Each electoral district elects 1 to 3 deputies (Art. 25). */
  minDistrictSeats: 1,
  maxDistrictSeats: 3,
  /** Candidates exceed seats by one third up to one times (Art. 31); one seat → two candidates (Art. 45 ¶4). */
  minExtraFraction: { numerator: 1, denominator: 3 },
  maxExtraFraction: { numerator: 1, denominator: 1 },
  /** One voter may accept at most 3 entrustments (Art. 42). */
  maxEntrustmentsAccepted: 3,
  /** In a runoff the highest wins with at least one third of the ballots (Art. 45 ¶5). */
  runoffFraction: { numerator: 1, denominator: 3 },
  /** A joint nomination needs 10 or more voters of the district (Art. 30). */
  minJointNominators: 10,
} as const;

// ————— the register's operations (Art. 27–29) —————

/**
 * Why a registered voter is off the list (Art. 27): struck off for deprivation of political rights or death,
 * or not listed because unable to exercise the right (精神病患者), confirmed by the election committee.
 */
export const EXCLUSION_KINDS = ['deprivedOfRights', 'deceased', 'unableToExercise'] as const;
export type ExclusionKind = (typeof EXCLUSION_KINDS)[number];

/** The last day a complaint against a district's list may be filed: 5 days from its publication (Art. 29). */
export const complaintDeadline = (publishedOn: string, r = ELECTION_RULES): string =>
  addDays(publishedOn, r.complaintDays);

/** The day the election committee must decide a complaint by: 3 days from its filing (Art. 29). */
export const complaintDecisionDue = (filedOn: string, r = ELECTION_RULES): string =>
  addDays(filedOn, r.complaintDecisionDays);

export type ComplaintFiling = 'notPublished' | 'beforePublication' | 'late' | null;

/** Whether a complaint filed on `filedOn` is within the window of a list published on `publishedOn`. */
export function complaintFilingProblem(publishedOn: string | null, filedOn: string): ComplaintFiling {
  if (!publishedOn) return 'notPublished';
  if (filedOn < publishedOn) return 'beforePublication';
  return filedOn > complaintDeadline(publishedOn) ? 'late' : null;
}

/** A voter card's number: the district's number in the election and the voter's, "03-00127". */
export const voterCardNumber = (districtNo: number, seq: number): string =>
  `${String(districtNo).padStart(2, '0')}-${String(seq).padStart(5, '0')}`;

// ————— dates —————

/** Calendar days (the statutory election days are calendar days, not working days). */
export const addDays = (isoDate: string, days: number): string => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Calendar months, clamped to the month's last day (31 Dec + 2 months → 28/29 Feb). */
export const addMonths = (isoDate: string, months: number): string => {
  const [y, m, d] = isoDate.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

export interface Timetable {
  electionDay: string;
  /** The last day to publish the voter list (20 days before). */
  voterListDue: string;
  /** The last day for a complaint when the list is published on its due day (5 days after). */
  complaintsDue: string;
  /** The last day the committee decides such a complaint (3 days after that). */
  complaintDecisionsDue: string;
  /** The nominees published (15 days before). */
  nomineesDue: string;
  /** The official candidate list published (7 days before). */
  candidateListDue: string;
  /** The first session of the new congress (within 2 months after). */
  firstSessionDue: string;
}

/** The statutory timetable counted back from election day in calendar days (holidays included). */
export function timetable(electionDay: string, r = ELECTION_RULES): Timetable {
  const voterListDue = addDays(electionDay, -r.voterListDaysBefore);
  const complaintsDue = addDays(voterListDue, r.complaintDays);
  return {
    electionDay,
    voterListDue,
    complaintsDue,
    complaintDecisionsDue: addDays(complaintsDue, r.complaintDecisionDays),
    nomineesDue: addDays(electionDay, -r.nomineesDaysBefore),
    candidateListDue: addDays(electionDay, -r.candidateListDaysBefore),
    firstSessionDue: addMonths(electionDay, r.firstSessionMonthsAfter),
  };
}

export const MILESTONES = [
  'voterListDue',
  'complaintsDue',
  'complaintDecisionsDue',
  'nomineesDue',
  'candidateListDue',
  'electionDay',
  'firstSessionDue',
] as const;
export type Milestone = (typeof MILESTONES)[number];

/**
 * done: done on time; doneLate: done after its day; late: its day passed undone; due: within `soonDays`;
 * passed: a day whose doing the platform does not record, now past.
 */
export type MilestoneState = 'done' | 'doneLate' | 'late' | 'due' | 'upcoming' | 'passed';

export function milestoneState(
  due: string,
  today: string,
  doneOn: string | null,
  soonDays = 7,
): MilestoneState {
  if (doneOn) return doneOn > due ? 'doneLate' : 'done';
  if (today > due) return 'late';
  if (addDays(today, soonDays) >= due) return 'due';
  return 'upcoming';
}

// ————— seats —————

/**
 * The congress's size from the population (Art. 12(3)): 140 + 1 per full 5,000 residents, capped at 450 when
 * the population exceeds 1.55 million. The province's decision overrides it (a setting).
 */
export function seatCount(population: number, override?: number | null, r = ELECTION_RULES): number {
  if (override) return override;
  const seats = r.seatBase + Math.floor(Math.max(0, population) / r.residentsPerSeat);
  return population > r.seatCapPopulation ? Math.min(seats, r.seatCap) : seats;
}

export const isValidDistrictSeats = (seats: number): boolean =>
  Number.isInteger(seats) &&
  seats >= ELECTION_RULES.minDistrictSeats &&
  seats <= ELECTION_RULES.maxDistrictSeats;

/**
 * Districts whose population per deputy is off the average by more than `tolerance` (a fraction, e.g. 0.2):
 * the population per deputy must be roughly equal (Art. 26).
 */
export function populationOutliers<T extends { population: number; seats: number }>(
  districts: readonly T[],
  tolerance: number,
): { district: T; perDeputy: number; deviation: number }[] {
  const seats = districts.reduce((s, d) => s + d.seats, 0);
  const people = districts.reduce((s, d) => s + d.population, 0);
  if (seats === 0 || people === 0) return [];
  const mean = people / seats;
  return districts
    .map((district) => {
      const perDeputy = district.population / district.seats;
      return { district, perDeputy, deviation: (perDeputy - mean) / mean };
    })
    .filter((d) => Math.abs(d.deviation) > tolerance);
}

// ————— the candidate ratio (差额) —————

/** How the one-third lower bound is rounded when seats are not a multiple of 3 (province's rules). */
export const RATIO_ROUNDINGS = ['up', 'down'] as const;
export type RatioRounding = (typeof RATIO_ROUNDINGS)[number];

/**
 * The allowed number of official candidates for `seats` (Art. 31): more than the seats by one third up to one
 * times. A fractional third rounds up by default; rounded down it is still at least one more (差额 means
 * more). One seat → exactly two candidates.
 */
export function candidateRange(seats: number, rounding: RatioRounding = 'up'): { min: number; max: number } {
  const { numerator, denominator } = ELECTION_RULES.minExtraFraction;
  const third = (seats * numerator) / denominator;
  const minExtra = Math.max(1, rounding === 'up' ? Math.ceil(third) : Math.floor(third));
  const m = ELECTION_RULES.maxExtraFraction;
  const maxExtra = Math.floor((seats * m.numerator) / m.denominator);
  return { min: seats + minExtra, max: seats + Math.max(minExtra, maxExtra) };
}

export const withinRatio = (seats: number, candidates: number, rounding: RatioRounding = 'up'): boolean => {
  const { min, max } = candidateRange(seats, rounding);
  return candidates >= min && candidates <= max;
};

/** Candidates ranked by votes, highest first (ties in id order, for a stable list). */
const ranking = (votes: Record<string, number>) =>
  Object.entries(votes).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

// ————— nominations, the preliminary list, consultation and the primary (Art. 30–32, 34) —————

/** Who nominates (Art. 30): a party, a people's organisation, or 10 or more voters of the district jointly. */
export const NOMINATION_KINDS = ['party', 'organisation', 'voters'] as const;
export type NominationKind = (typeof NOMINATION_KINDS)[number];

export type NominationProblem = 'tooFewNominators' | 'nominatorNamed' | 'nominatorMissing' | null;

/**
 * What is wrong with a nomination's form (Art. 30 ¶1–2): a party or organisation is named; a joint nomination
 * has at least 10 distinct voters (their registration in the district is the caller's check).
 */
export function nominationProblem(
  kind: NominationKind,
  nominator: string | null | undefined,
  distinctVoters: number,
  r = ELECTION_RULES,
): NominationProblem {
  if (kind === 'voters') {
    if (nominator) return 'nominatorNamed';
    return distinctVoters >= r.minJointNominators ? null : 'tooFewNominators';
  }
  return nominator && nominator.trim() ? null : 'nominatorMissing';
}

/**
 * Whether a nominator (a party, an organisation, or a voter joining a nomination) may nominate one more in a
 * district: the nominees of each, and those each voter joins in nominating, may not exceed the district's seats
 * (Art. 30 ¶3).
 */
export const mayNominateAnother = (alreadyNominated: number, seats: number): boolean =>
  alreadyNominated < seats;

/**
 * Where the nominees stand against the differential ratio (Art. 31–32): too few to make an official list; within
 * it (the official list can be confirmed as it is); or more than the maximum, when the voter groups consult and,
 * failing a broad agreement, a primary (预选) ranks them.
 */
export type NomineeStage = 'tooFew' | 'withinRatio' | 'tooMany';

export function nomineeStage(seats: number, nominees: number, rounding: RatioRounding = 'up'): NomineeStage {
  const { min, max } = candidateRange(seats, rounding);
  if (nominees < min) return 'tooFew';
  return nominees > max ? 'tooMany' : 'withinRatio';
}

/**
 * A primary (预选, Art. 32): the official candidates are the `size` nominees with the most votes. A tie across
 * the cut cannot be ranked: `tied` lists the nominees sharing the last place (another round of the primary, or
 * consultation, decides them) and `kept` only those above it.
 */
export function primaryCut(
  votes: Record<string, number>,
  size: number,
): { kept: string[]; dropped: string[]; tied: string[] } {
  const ranked = ranking(votes);
  if (ranked.length <= size) return { kept: ranked.map(([id]) => id), dropped: [], tied: [] };
  const last = ranked[size - 1][1];
  if (ranked[size][1] === last) {
    return {
      kept: ranked.filter(([, n]) => n > last).map(([id]) => id),
      dropped: ranked.filter(([, n]) => n < last).map(([id]) => id),
      tied: ranked.filter(([, n]) => n === last).map(([id]) => id),
    };
  }
  return {
    kept: ranked.slice(0, size).map(([id]) => id),
    dropped: ranked.slice(size).map(([id]) => id),
    tied: [],
  };
}

/** Why a nominee is not on the official list: left off by the voter groups' consultation, or by the primary. */
export const DROP_REASONS = ['consultation', 'primary'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

// ————— validity and election (Art. 43–45) —————

export interface DistrictReturn {
  registered: number;
  participated: number;
  ballotsIssued: number;
  ballotsReturned: number;
  void: number;
  votes: Record<string, number>;
  others: number;
}

export type ResultReason = 'ballotsExceedIssued' | 'turnoutNotMajority' | null;

export interface DistrictResult {
  valid: boolean;
  /** Why the round is invalid; null when valid. */
  reason: ResultReason;
  /** Turnout as a percentage to two decimals (participated of registered). */
  turnout: number;
  elected: string[];
  /** Seats left because too few passed the majority: a runoff (另行选举, Art. 45 ¶4). */
  runoffSeats: number;
  /** Candidates who all passed the majority but tie for the last seat(s): a re-vote among them (Art. 45 ¶3). */
  tied: string[];
}

/** A share as a percentage to two decimals, rounded half up in integers (47,740 of 52,745 → 90.51). */
export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((part * 20000 + whole) / (2 * whole)) / 100;
}

/**
 * The result of a district's first round, computed from its return (never typed):
 * - more ballots returned than issued → the round is invalid (Art. 44);
 * - valid when MORE than half of ALL registered voters took part (Art. 45 ¶1);
 * - elected with MORE than half of the votes of those who took part (`participated`, void ballots included);
 *   more winners than seats → the highest (Art. 45 ¶2); a tie for the last seat(s) → `tied`, a re-vote (¶3);
 * - seats left → `runoffSeats` (¶4); a tie is not counted there.
 */
export function decideDistrict(seats: number, ret: DistrictReturn): DistrictResult {
  const turnout = percent(ret.participated, ret.registered);
  const none = { turnout, elected: [], runoffSeats: 0, tied: [] };
  if (ret.ballotsReturned > ret.ballotsIssued)
    return { valid: false, reason: 'ballotsExceedIssued', ...none };
  if (!(2 * ret.participated > ret.registered))
    return { valid: false, reason: 'turnoutNotMajority', ...none };
  const passed = ranking(ret.votes).filter(([, n]) => 2 * n > ret.participated);
  if (passed.length <= seats) {
    return {
      valid: true,
      reason: null,
      turnout,
      elected: passed.map(([id]) => id),
      runoffSeats: seats - passed.length,
      tied: [],
    };
  }
  const last = passed[seats - 1][1];
  if (passed[seats][1] === last) {
    return {
      valid: true,
      reason: null,
      turnout,
      elected: passed.filter(([, n]) => n > last).map(([id]) => id),
      runoffSeats: 0,
      tied: passed.filter(([, n]) => n === last).map(([id]) => id),
    };
  }
  return {
    valid: true,
    reason: null,
    turnout,
    elected: passed.slice(0, seats).map(([id]) => id),
    runoffSeats: 0,
    tied: [],
  };
}

/**
 * The candidates of a runoff for `runoffSeats` seats, from the first round's ranking of those not elected,
 * as many as the ratio allows (Art. 45 ¶4: one seat → two candidates).
 */
export function runoffCandidates(
  notElectedByVotes: Record<string, number>,
  runoffSeats: number,
  rounding: RatioRounding = 'up',
): string[] {
  if (runoffSeats <= 0) return [];
  return ranking(notElectedByVotes)
    .slice(0, candidateRange(runoffSeats, rounding).min)
    .map(([id]) => id);
}

/**
 * A runoff: the highest win, provided each has at least one third of the ballots (`participated` in that
 * round; Art. 45 ¶5). A tie for the last seat → `tied`; seats still unfilled are a vacancy.
 */
export function decideRunoff(seats: number, ret: DistrictReturn): DistrictResult & { vacancies: number } {
  const turnout = percent(ret.participated, ret.registered);
  if (ret.ballotsReturned > ret.ballotsIssued)
    return {
      valid: false,
      reason: 'ballotsExceedIssued',
      turnout,
      elected: [],
      runoffSeats: 0,
      tied: [],
      vacancies: 0,
    };
  const { numerator, denominator } = ELECTION_RULES.runoffFraction;
  const passed = ranking(ret.votes).filter(([, n]) => n * denominator >= ret.participated * numerator);
  let elected = passed.slice(0, seats);
  let tied: string[] = [];
  if (passed.length > seats && passed[seats][1] === passed[seats - 1][1]) {
    const last = passed[seats - 1][1];
    elected = passed.filter(([, n]) => n > last);
    tied = passed.filter(([, n]) => n === last).map(([id]) => id);
  }
  const ids = elected.map(([id]) => id);
  return {
    valid: true,
    reason: null,
    turnout,
    elected: ids,
    runoffSeats: 0,
    tied,
    vacancies: tied.length ? 0 : seats - ids.length,
  };
}

/**
 * A re-vote among the candidates tied for the last seat(s) (Art. 45 ¶3: 就票数相等的候选人再次投票，以得票多的
 * 当选): the highest win, no majority needed; a tie again for the last seat → `tied` once more.
 */
export function decideRevote(
  seats: number,
  votes: Record<string, number>,
): { elected: string[]; tied: string[] } {
  const ranked = ranking(votes);
  if (seats <= 0) return { elected: [], tied: [] };
  if (ranked.length > seats && ranked[seats][1] === ranked[seats - 1][1]) {
    const last = ranked[seats - 1][1];
    return {
      elected: ranked.filter(([, n]) => n > last).map(([id]) => id),
      tied: ranked.filter(([, n]) => n === last).map(([id]) => id),
    };
  }
  return { elected: ranked.slice(0, seats).map(([id]) => id), tied: [] };
}

// ————— polling day —————

export interface StationFigures {
  ballotsIssued: number;
  ballotsReturned: number;
}

/** A station's report: ballots returned never exceed those issued, and figures are cumulative (never fall). */
export function turnoutReportProblem(
  next: StationFigures,
  last: StationFigures | null,
): 'returnedExceedIssued' | 'issuedFell' | 'returnedFell' | null {
  if (next.ballotsReturned > next.ballotsIssued) return 'returnedExceedIssued';
  if (last && next.ballotsIssued < last.ballotsIssued) return 'issuedFell';
  if (last && next.ballotsReturned < last.ballotsReturned) return 'returnedFell';
  return null;
}

// ————— voters —————

/** The age in full years on `onDay` of someone born on `birthDate` (YYYY-MM-DD; 29 Feb counts from 1 Mar). */
export function ageOn(birthDate: string, onDay: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDay.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Whether someone born on `birthDate` may vote on `electionDay` (18 on or before election day). */
export const isOfVotingAge = (birthDate: string, electionDay: string): boolean =>
  ageOn(birthDate, electionDay) >= ELECTION_RULES.votingAge;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of the first 17 digits of a resident ID number (GB 11643-1999, ISO 7064 MOD 11-2). */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** The birth date in an 18-digit ID number (YYYY-MM-DD), or null when it is not a real date. */
export function idBirthDate(id: string): string | null {
  const s = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : s;
}

export type IdProblem = 'format' | 'birthDate' | 'checksum';

/** What is wrong with an ID number (GB 11643): its form, its birth date, its check character; null when fine. */
export function idNumberProblem(raw: string): IdProblem | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!idBirthDate(id)) return 'birthDate';
  return idCheckChar(id.slice(0, 17)) === id[17] ? null : 'checksum';
}

/** The sex in an ID number: the 17th digit odd for a man. */
export const idSex = (id: string): 'male' | 'female' => (Number(id[16]) % 2 === 1 ? 'male' : 'female');

/** A proxy may accept one more entrustment only while holding fewer than 3 (Art. 42). */
export const mayAcceptEntrustment = (alreadyAccepted: number): boolean =>
  alreadyAccepted < ELECTION_RULES.maxEntrustmentsAccepted;

// ————— the summary —————

export interface ElectionSummary {
  districts: number;
  districtsValidFirstRound: number;
  registered: number;
  participated: number;
  turnout: number;
}

/** 万 to two decimals (477,400 → "47.74"). */
export const tenThousands = (n: number): string => (Math.round(n / 100) / 100).toFixed(2);

/** The report's sentence, from the records: "159个选区全部一次选举成功，47.74万选民参与投票，参选率90.51%". */
export function summarySentence(s: ElectionSummary): { zh: string; en: string } {
  const all = s.districts > 0 && s.districtsValidFirstRound === s.districts;
  const turnout = s.turnout.toFixed(2);
  const zhHead = all
    ? `${s.districts}个选区全部一次选举成功`
    : `${s.districts}个选区中${s.districtsValidFirstRound}个一次选举成功`;
  const enHead = all
    ? `All ${s.districts} electoral districts elected in the first round`
    : `${s.districtsValidFirstRound} of ${s.districts} electoral districts elected in the first round`;
  return {
    zh: `${zhHead}，${tenThousands(s.participated)}万选民参与投票，参选率${turnout}%`,
    en: `${enHead}; ${s.participated.toLocaleString('en-US')} voters took part, a turnout of ${turnout}%`,
  };
}

// ————— settings —————

export const electionsSettingsSchema = z.object({
  /** The province's decision on the congress's size; null: computed from the population (Art. 12(3)). */
  seatsOverride: z.number().int().min(1).max(1000).nullable().default(null),
  /** How the one-third lower bound of the candidate ratio is rounded (provincial 实施细则). */
  ratioRounding: z.enum(RATIO_ROUNDINGS).default('up'),
  /** A district's population per deputy flagged when off the average by more than this fraction. */
  outlierTolerance: z.number().min(0).max(1).default(0.2),
  /** Days before a milestone it shows as due. */
  dueSoonDays: z.number().int().min(0).max(60).default(7),
});
export type ElectionsSettings = z.infer<typeof electionsSettingsSchema>;
