// The shapes the elections API answers (server/src/modules/elections).
import type { Abilities, LocalizedText } from '../../api';

export interface ElectionSummaryRow {
  id: string;
  title: string;
  electionDay: string;
  districts: number;
  seats: number;
}

export type MilestoneState = 'done' | 'doneLate' | 'late' | 'due' | 'upcoming' | 'passed';

export interface Milestone {
  milestone: string;
  date: string;
  state: MilestoneState;
  doneOn: string | null;
}

export interface DistrictResult {
  valid: boolean;
  reason: 'ballotsExceedIssued' | 'turnoutNotMajority' | null;
  turnout: number;
  elected: string[];
  runoffSeats: number;
  tied: string[];
  runoff: {
    candidates: string[];
    entered: boolean;
    elected: string[];
    tied: string[];
    vacancies: number | null;
  } | null;
  revote: {
    seats: number;
    candidates: string[];
    entered: boolean;
    elected: string[];
    tied: string[];
  } | null;
  deputies: string[];
}

export interface Nominee {
  id: string;
  name: string;
  nominatedBy?: 'party' | 'organisation' | 'voters' | null;
  nominator?: string | null;
  profile?: string | null;
  primaryVotes?: number | null;
  nominators?: number;
}

export interface District {
  id: string;
  name: string;
  seats: number;
  kind: 'residence' | 'workUnit';
  population: number | null;
  perDeputy: number | null;
  outlier: boolean;
  voters: number;
  candidates: Nominee[];
  /** Nominees left off the official list by consultation or a primary (Art. 32). */
  leftOff?: (Nominee & { dropped: 'consultation' | 'primary'; dropNote: string | null })[];
  nomineeStage?: 'tooFew' | 'withinRatio' | 'tooMany';
  nomineesPublishedOn?: string | null;
  candidateRange: { min: number; max: number };
  candidatesConfirmedOn: string | null;
  voterListPublishedOn: string | null;
  result: DistrictResult | null;
  abilities: Abilities;
}

export interface Summary {
  districts: number;
  districtsEntered: number;
  districtsValidFirstRound: number;
  registered: number;
  participated: number;
  turnout: number;
  sentence: LocalizedText;
}

export interface ElectionDetail {
  id: string;
  title: string;
  electionDay: string;
  voterListDue: string;
  candidateListDue: string;
  milestones: Milestone[];
  seats: number;
  voters: number;
  districts: District[];
  summary: Summary;
  abilities: Abilities;
}

export interface ImportReport {
  imported: number;
  rejected: { row: number; reason: string; message: LocalizedText }[];
}

export type ExclusionKind = 'deprivedOfRights' | 'deceased' | 'unableToExercise';

export interface Voter {
  id: string;
  name: string;
  districtId: string;
  groupName: string;
  birthDate: string;
  sex: 'male' | 'female';
  idNumber: string;
  entrustmentsAccepted: number;
  exclusion: ExclusionKind | null;
  exclusionReason: string | null;
  exclusionDecision: string | null;
  excludedOn: string | null;
  transferredFrom: string | null;
  voterCardNo: string | null;
}

export interface VoterListNotice {
  election: { id: string; title: string; electionDay: string };
  district: { id: string; name: string; seats: number };
  publishedOn: string | null;
  complaintsDue: string | null;
  voters: number;
  groups: {
    name: string;
    voters: { name: string; sex: string; age: number; voterCardNo: string | null }[];
  }[];
}

export interface VoterCard {
  election: { title: string; electionDay: string };
  voter: { id: string; name: string; sex: string; district: string; group: string; idNumber: string };
  voterCardNo: string;
  issuedOn: string;
}

export interface Complaint {
  id: string;
  districtId: string;
  district: string;
  voterId: string | null;
  voter: string | null;
  complainant: string;
  subject: string;
  filedOn: string;
  decision: 'upheld' | 'dismissed' | null;
  decisionText: string | null;
  decidedOn: string | null;
  decisionDue: string;
  late: boolean;
}

export interface Turnout {
  electionDay: string;
  registered: number;
  ballotsIssued: number;
  ballotsReturned: number;
  turnout: number;
  districts: {
    id: string;
    name: string;
    registered: number;
    stations: number;
    stationsReported: number;
    ballotsIssued: number;
    ballotsReturned: number;
    turnout: number;
  }[];
  stations: {
    id: string;
    districtId: string;
    name: string;
    kind: 'station' | 'mobileBox';
    lastReportedAt: string | null;
    ballotsIssued: number;
    ballotsReturned: number;
  }[];
  hourly: { hour: string; ballotsIssued: number }[];
  abilities: Abilities;
}

/** The public look-up's answer: registered or not, and where (nothing else). */
export type RegistrationAnswer =
  | { registered: false; election: { title: string; electionDay: string } | null }
  | {
      registered: true;
      election: { title: string; electionDay: string };
      district: string;
      group: string;
      stations: { name: string; kind: 'station' | 'mobileBox' }[];
    };
