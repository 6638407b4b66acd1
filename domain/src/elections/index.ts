// Elections (换届选举): the election and its statutory timetable, electoral districts of 1 to 3 seats, the voter
// register, candidates within the differential ratio, and the returns whose validity and result are computed
// from the Election Law's rules. Zod schemas shared by server and web; the rules pure (rules.ts).
import { z } from 'zod';
import { ELECTION_RULES, EXCLUSION_KINDS, idNumberProblem, NOMINATION_KINDS } from './rules';

export * from './rules';

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();
const count = z.number().int().min(0).max(100_000_000);

export const ELECTION_STATUSES = ['preparing', 'held'] as const;
export type ElectionStatus = (typeof ELECTION_STATUSES)[number];

export const createElectionSchema = z.strictObject({
  title: text(200),
  /** A past day is accepted: congresses enter their past elections. */
  electionDay: isoDate,
  /** Start from a previous election's districts (names, seats, kind, population), to adjust rather than redraw. */
  fromElectionId: z.uuid().optional(),
});
export type CreateElection = z.infer<typeof createElectionSchema>;

export const electionQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const DISTRICT_KINDS = ['residence', 'workUnit'] as const;
export type DistrictKind = (typeof DISTRICT_KINDS)[number];

export const createDistrictSchema = z.strictObject({
  name: text(100),
  /** 1 to 3 deputies (选举法 Art. 25). */
  seats: z.number().int().min(ELECTION_RULES.minDistrictSeats).max(ELECTION_RULES.maxDistrictSeats),
  kind: z.enum(DISTRICT_KINDS).default('residence'),
  population: z.number().int().min(0).max(10_000_000).optional(),
});
export type CreateDistrict = z.infer<typeof createDistrictSchema>;

/**
 * A nominee of a district (Art. 30). `{ name }` alone enters a candidate without its nomination (a past election
 * entered afterwards); a nomination names who nominated: a party or people's organisation (`nominator`), or 10
 * or more voters jointly (`nominatorIdNumbers`, checked against the district's register).
 */
export const addCandidateSchema = z.strictObject({
  name: text(60),
  nominatedBy: z.enum(NOMINATION_KINDS).optional(),
  nominator: text(100).optional(),
  nominatorIdNumbers: z.array(z.string().trim().min(1).max(30)).min(1).max(500).optional(),
  /** The basic information published with the nominees (Art. 32): born, occupation, work unit… */
  profile: z.string().trim().max(2000).optional(),
});
export type AddCandidate = z.infer<typeof addCandidateSchema>;

/** The day a district's nominees and their information were published (Art. 32: 15 days before). */
export const publishNomineesSchema = z.strictObject({ publishedOn: isoDate });

/** A nominee left off the official list by the voter groups' consultation (Art. 32), with its record. */
export const dropNomineeSchema = z.strictObject({ note: text(500) });

/**
 * A primary (预选, Art. 32) among a district's nominees: the votes of each; the `size` highest become the
 * official candidates (default: the ratio's maximum).
 */
export const primarySchema = z.strictObject({
  votes: z.record(z.uuid(), count),
  size: z.number().int().min(2).max(6).optional(),
  heldOn: isoDate,
});

/** The agreed return of a district's count (both tellers' entries already agreed in the UI). */
export const districtReturnSchema = z
  .strictObject({
    registered: count.min(1),
    participated: count,
    ballotsIssued: count,
    ballotsReturned: count,
    void: count,
    votes: z.record(z.uuid(), count),
    others: count.default(0),
    /** The first round, the runoff (另行选举) for the seats it left (Art. 45 ¶4), or the re-vote among the tied (¶3). */
    round: z.enum(['first', 'runoff', 'revote']).default('first'),
  })
  .refine((r) => r.participated <= r.registered, {
    path: ['participated'],
    message: 'more voters took part than are registered',
  })
  .refine((r) => r.void <= r.ballotsReturned, {
    path: ['void'],
    message: 'more void ballots than ballots returned',
  })
  .refine((r) => Object.values(r.votes).every((n) => n <= r.ballotsReturned - r.void), {
    path: ['votes'],
    message: 'a candidate has more votes than valid ballots',
  });
export type DistrictReturnInput = z.infer<typeof districtReturnSchema>;

/** The columns of a voter register import (.xlsx or .csv), in order. */
export const VOTER_IMPORT_COLUMNS = ['name', 'idNumber', 'district', 'group', 'address'] as const;
export const VOTER_IMPORT_MAX_ROWS = 50_000;

export const VOTER_REJECT_REASONS = [
  'nameMissing',
  'idFormat',
  'idBirthDate',
  'idChecksum',
  'underAge',
  'unknownDistrict',
  'duplicateInFile',
  'duplicateRegistered',
] as const;
export type VoterRejectReason = (typeof VOTER_REJECT_REASONS)[number];

/** A proxy entrustment the election committee consented to (Art. 42): the voter away, and the voter entrusted. */
/** (A voter entrusting themselves is refused by the command, after the caller's role is checked.) */
export const approveProxySchema = z.strictObject({ voterId: z.uuid(), proxyVoterId: z.uuid() });

/** The register of an election, by name (the ID number masked): `?name=` part of the name, `?districtId=`. */
export const voterQuerySchema = z.object({
  name: z.string().trim().min(1).max(60).optional(),
  districtId: z.uuid().optional(),
  /** On the list, or taken off it (Art. 27). */
  status: z.enum(['listed', 'excluded']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// ————— the register's operations —————

/** An exclusion the election committee confirmed (Art. 27): the kind, the reason, its decision and day. */
export const excludeVoterSchema = z.strictObject({
  kind: z.enum(EXCLUSION_KINDS),
  reason: text(500),
  /** The committee's decision, e.g. "选举委员会第3次会议决定". */
  decision: text(200),
  confirmedOn: isoDate,
});
export type ExcludeVoter = z.infer<typeof excludeVoterSchema>;

/** A voter who moved, listed in the district they moved to (Art. 27). */
export const transferVoterSchema = z.strictObject({
  districtId: z.uuid(),
  group: z.string().trim().max(60).optional(),
});

/** The day a district's voter list was published (the complaint window counts from it, Art. 29). */
export const publishVoterListSchema = z.strictObject({ publishedOn: isoDate });

export const COMPLAINT_DECISIONS = ['upheld', 'dismissed'] as const;
export type ComplaintDecision = (typeof COMPLAINT_DECISIONS)[number];

/** A complaint against a district's list (申诉), filed within 5 days of its publication (Art. 29). */
export const fileComplaintSchema = z.strictObject({
  districtId: z.uuid(),
  voterId: z.uuid().optional(),
  complainant: text(60),
  subject: text(1000),
  filedOn: isoDate,
});

/** The election committee's decision on a complaint, within 3 days (Art. 29). */
export const decideComplaintSchema = z.strictObject({
  decision: z.enum(COMPLAINT_DECISIONS),
  text: text(1000),
  decidedOn: isoDate,
});

/** Voter cards (选民证) issued to every listed voter of a district who has none yet. */
export const issueVoterCardsSchema = z.strictObject({ issuedOn: isoDate });

// ————— polling day —————

export const STATION_KINDS = ['station', 'mobileBox'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

/** A polling station (投票站) or a mobile ballot box (流动票箱) of a district. */
export const addStationSchema = z.strictObject({
  name: text(100),
  kind: z.enum(STATION_KINDS).default('station'),
});

/** A station's cumulative figures so far; `reportedAt` for a report entered afterwards (default now). */
export const reportTurnoutSchema = z.strictObject({
  ballotsIssued: count,
  ballotsReturned: count,
  reportedAt: z.iso.datetime({ offset: true }).optional(),
});

// ————— the public look-up of one's own registration —————

/** A citizen checks their own registration: the full name and the full ID number, nothing to browse. */
export const registrationCheckSchema = z.strictObject({
  name: text(60),
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .refine((id) => idNumberProblem(id) === null, { message: 'is not a valid resident ID number' }),
});
export type RegistrationCheck = z.infer<typeof registrationCheckSchema>;

/** Look-ups per client address per minute. */
export const REGISTRATION_LOOKUPS_PER_MINUTE = 10;
