// Drizzle definitions of the elections module (0700_elections.sql is the truth; the drift test compares them).
import { date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  ComplaintDecision,
  DistrictKind,
  DropReason,
  ExclusionKind,
  NominationKind,
  StationKind,
} from '@minyi/domain/elections';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const elections = pgTable('elections', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  title: text('title').notNull(),
  electionDay: day('election_day').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const electionDistricts = pgTable('election_districts', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  electionId: uuid('election_id').notNull(),
  name: text('name').notNull(),
  seats: integer('seats').notNull(),
  kind: text('kind').$type<DistrictKind>().notNull().default('residence'),
  population: integer('population'),
  candidatesConfirmedOn: day('candidates_confirmed_on'),
  voterListPublishedOn: day('voter_list_published_on'),
  nomineesPublishedOn: day('nominees_published_on'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const electionCandidates = pgTable('election_candidates', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  electionId: uuid('election_id').notNull(),
  districtId: uuid('district_id').notNull(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  nominatedBy: text('nominated_by').$type<NominationKind>(),
  nominator: text('nominator'),
  profile: text('profile'),
  dropped: text('dropped').$type<DropReason>(),
  dropNote: text('drop_note'),
  primaryVotes: integer('primary_votes'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** The voters who nominated a candidate jointly (Art. 30 ¶2), each counted against the district's seats. */
export const electionNominators = pgTable(
  'election_nominators',
  {
    candidateId: uuid('candidate_id').notNull(),
    voterId: uuid('voter_id').notNull(),
    congressId: uuid('congress_id').notNull(),
    districtId: uuid('district_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.voterId] })],
);

export const electionVoters = pgTable('election_voters', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  electionId: uuid('election_id').notNull(),
  districtId: uuid('district_id').notNull(),
  name: text('name').notNull(),
  idNumberEnc: text('id_number_enc').notNull(),
  idNumberIndex: text('id_number_index').notNull(),
  birthDate: day('birth_date').notNull(),
  sex: text('sex').$type<'male' | 'female'>().notNull(),
  groupName: text('group_name').notNull().default(''),
  addressEnc: text('address_enc'),
  exclusion: text('exclusion').$type<ExclusionKind>(),
  exclusionReason: text('exclusion_reason'),
  exclusionDecision: text('exclusion_decision'),
  excludedOn: day('excluded_on'),
  excludedBy: uuid('excluded_by'),
  transferredFrom: uuid('transferred_from'),
  voterCardNo: text('voter_card_no'),
  voterCardIssuedOn: day('voter_card_issued_on'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export type ReturnRound = 'first' | 'runoff' | 'revote';

export const electionReturns = pgTable(
  'election_returns',
  {
    congressId: uuid('congress_id').notNull(),
    electionId: uuid('election_id').notNull(),
    districtId: uuid('district_id').notNull(),
    round: text('round').$type<ReturnRound>().notNull(),
    registered: integer('registered').notNull(),
    participated: integer('participated').notNull(),
    ballotsIssued: integer('ballots_issued').notNull(),
    ballotsReturned: integer('ballots_returned').notNull(),
    void: integer('void').notNull(),
    others: integer('others').notNull().default(0),
    votes: jsonb('votes').$type<Record<string, number>>().notNull(),
    enteredAt: ts('entered_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.round] })],
);

export const electionProxies = pgTable('election_proxies', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  electionId: uuid('election_id').notNull(),
  voterId: uuid('voter_id').notNull(),
  proxyVoterId: uuid('proxy_voter_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const electionComplaints = pgTable('election_complaints', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  electionId: uuid('election_id').notNull(),
  districtId: uuid('district_id').notNull(),
  voterId: uuid('voter_id'),
  complainant: text('complainant').notNull(),
  subject: text('subject').notNull(),
  filedOn: day('filed_on').notNull(),
  decision: text('decision').$type<ComplaintDecision>(),
  decisionText: text('decision_text'),
  decidedOn: day('decided_on'),
  decidedBy: uuid('decided_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const electionPollingStations = pgTable('election_polling_stations', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  electionId: uuid('election_id').notNull(),
  districtId: uuid('district_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<StationKind>().notNull().default('station'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const electionTurnoutReports = pgTable('election_turnout_reports', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  electionId: uuid('election_id').notNull(),
  stationId: uuid('station_id').notNull(),
  reportedAt: ts('reported_at').notNull(),
  ballotsIssued: integer('ballots_issued').notNull(),
  ballotsReturned: integer('ballots_returned').notNull(),
  reportedBy: uuid('reported_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
