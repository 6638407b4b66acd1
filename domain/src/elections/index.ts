// Elections (换届选举): the election and its statutory timetable, electoral districts of 1 to 3 seats, the voter
// register, candidates within the differential ratio, and the returns whose validity and result are computed
// from the Election Law's rules. Zod schemas shared by server and web; the rules pure (rules.ts).
import { z } from 'zod';
import { ELECTION_RULES } from './rules';

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

export const addCandidateSchema = z.strictObject({ name: text(60) });

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
    /** The first round, or the runoff (另行选举) for the seats the first left (Art. 45 ¶4). */
    round: z.enum(['first', 'runoff']).default('first'),
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
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
