import type { CloseForecast } from '@minyi/domain/livelihood';
import type { CurveName } from '@minyi/domain/ballots/crypto';
// Shapes of the livelihood API answers the pages read.
import type { Abilities } from '../../api';

export interface VoteSummary {
  id: string;
  year: number;
  title: string;
  status: 'draft' | 'signingIn' | 'open' | 'counting' | 'closed';
  maxChoices: number;
  advisory: boolean;
  candidates: { id: string; title: string }[];
  me: { onRoll: boolean; signedIn: boolean; hasVoted: boolean; tellerIndex?: number | null };
  /** Once the vote is open: what the deputy's device encrypts the ballot to. */
  encryption: { scheme: string; curve: CurveName; publicKey: string } | null;
}

/** The vote's tellers and how far each is in the key ceremony and the count. */
export interface VoteTeller {
  index: number;
  accountId: string;
  name: string;
  ceremonyKey: boolean;
  deal: boolean;
  partialDecryption: boolean;
}

export type VoteKind = 'main' | 'runoff' | 'shortfall';

export interface VoteRules {
  quorumNumerator: number;
  quorumDenominator: number;
  thresholdBase: 'roll' | 'present';
  candidateRatio: number;
  advisory: boolean;
  runoffRule: 'mostVotes' | 'threshold';
  shortfallVote: boolean;
}

export interface VoteDetail extends Omit<VoteSummary, 'candidates'> {
  kind: VoteKind;
  parentVoteId: string | null;
  /** The congress sitting a binding vote is taken at. */
  sittingId: string | null;
  scope: 'district' | 'street';
  streetId: string | null;
  rules: VoteRules;
  candidates: {
    id: string;
    title: string;
    description: string;
    budget: number;
    leadUnitName: string | null;
    feasibilityNote: string;
  }[];
  /** The runoff or second vote made from this one. */
  children: { id: string; kind: VoteKind; status: VoteSummary['status'] }[];
  outcome: {
    valid: boolean;
    chosen: string[];
    runoff: { candidateIds: string[]; seats: number } | null;
    shortfall: number;
  } | null;
  /** How many tellers entered a statement of the paper ballots, and whether I did (never their figures). */
  paperEntries: { count: number; mine: boolean };
  turnout: {
    rollSize: number;
    signedIn: number;
    electronicBallots: number;
    quorumNeeded: number;
    paperBallots: number | null;
  };
  /** While open: what closing now would mean, from the number of ballots only (never per project). */
  closeForecast: CloseForecast | null;
  abilities: Abilities;
  tellers: VoteTeller[];
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
  kind?: VoteKind;
  turnout: { signedIn: number; ballotsCast: number; voidBallots?: number; rate: number };
  threshold: {
    base: 'roll' | 'present';
    baseSize: number;
    votesNeeded: number;
    rule?: 'majority' | 'mostVotes';
  };
  candidates: { id: string; title: string; votes: number; passed: boolean; chosen: boolean }[];
  chosen: string[];
  runoff: { candidateIds: string[]; seats: number } | null;
  shortfall: number;
  electronicBallots: number;
  paperBallots: number;
  paperStatement?: {
    issued: number | null;
    returned: number;
    valid: number | null;
    void: number;
    blank: number | null;
  } | null;
}

/** The tellers' statement of the paper ballots, as one teller enters it. */
export interface PaperStatement {
  issued: number;
  returned: number;
  valid: number;
  void: number;
  blank: number;
  counts: Record<string, number>;
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
