// Shapes of the livelihood API answers the pages read.
import type { Abilities } from '../../api';

export interface VoteSummary {
  id: string;
  year: number;
  title: string;
  status: 'draft' | 'signingIn' | 'open' | 'closed';
  maxChoices: number;
  advisory: boolean;
  candidates: { id: string; title: string }[];
  me: { onRoll: boolean; signedIn: boolean; hasVoted: boolean };
}

export interface VoteDetail extends Omit<VoteSummary, 'candidates'> {
  parentVoteId: string | null;
  scope: 'district' | 'street';
  streetId: string | null;
  rules: {
    quorumNumerator: number;
    quorumDenominator: number;
    thresholdBase: 'roll' | 'present';
    candidateRatio: number;
    advisory: boolean;
  };
  candidates: { id: string; title: string; description: string; budget: number; feasibilityNote: string }[];
  turnout: {
    rollSize: number;
    signedIn: number;
    electronicBallots: number;
    quorumNeeded: number;
    paperBallots: number | null;
  };
  abilities: Abilities;
}

export interface VoteResult {
  id: string;
  title: string;
  year: number;
  valid: boolean;
  invalidReason: 'noQuorum' | 'overCast' | null;
  advisory: boolean;
  maxChoices: number;
  quorum: { rollSize: number; needed: number; present: number; reached: boolean };
  turnout: { signedIn: number; ballotsCast: number; rate: number };
  threshold: { base: 'roll' | 'present'; baseSize: number; votesNeeded: number };
  candidates: { id: string; title: string; votes: number; passed: boolean; chosen: boolean }[];
  chosen: string[];
  runoff: { candidateIds: string[]; seats: number } | null;
  shortfall: number;
  electronicBallots: number;
  paperBallots: number;
}

export type ProjectStatus = 'onTrack' | 'delayed' | 'adjusted' | 'completed' | 'accepted';

export interface ProjectItem {
  id: string;
  year: number;
  title: string;
  leadUnitName: string;
  budget: number;
  status: ProjectStatus;
  percent: number;
  targetDate: string | null;
  adjustmentReason: string;
}

export interface ProjectSummary {
  year: number;
  total: number;
  onSchedule: number;
  delayed: number;
  adjusted: number;
  completed: number;
  accepted: number;
}

export const yuan = (n: number) => `${(n / 10_000).toLocaleString()} 万元`;
