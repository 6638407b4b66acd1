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
  deputies: string[];
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
  candidates: { id: string; name: string }[];
  candidateRange: { min: number; max: number };
  candidatesConfirmedOn: string | null;
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
