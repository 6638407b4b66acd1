// What the activities API answers (server/src/modules/activities).
import type { Abilities } from '../../api';

export interface MyLine {
  invited: boolean;
  rsvp: 'pending' | 'accepted' | 'onLeave';
  attendedAt: string | null;
}

export interface ActivitySummary {
  id: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  placeId: string | null;
  placeName: string | null;
  address: string;
  campaignId: string | null;
  organiserKind: string;
  organiserName: string;
  recorded: boolean;
  invited: number;
  attended: number;
  my: MyLine | null;
}

export interface Participant {
  deputyId: string;
  name: string;
  invited: boolean;
  rsvp: 'pending' | 'accepted' | 'onLeave';
  leaveReason: string;
  attendedAt: string | null;
  attendedVia: 'sheet' | 'checkIn' | null;
}

export interface Finding {
  id: string;
  content: string;
  unitId: string;
  unitName: string;
  opinionId: string;
  opinion: { status: string; trackingCode: string; deadlineAt: string | null } | null;
}

export interface ActivityDetail {
  id: string;
  kind: string;
  title: string;
  topic: string;
  organiserKind: string;
  organiserName: string;
  address: string;
  startsAt: string;
  endsAt: string;
  summary: string;
  recordedAt: string | null;
  outsideParticipants: string[];
  checkInToken?: string;
  place: { id: string; name: string; address: string } | null;
  campaign: { id: string; title: string; kind: string } | null;
  invited: number;
  attended: number;
  participants: Participant[];
  me: Participant | null;
  findings: Finding[];
  checkInOpen: boolean;
  abilities: Abilities;
}

export interface Campaign {
  id: string;
  kind: 'activityMonth' | 'enterpriseVisits' | 'other';
  title: string;
  from: string;
  to: string;
  goal: string;
  activities: number;
  /** The firms given to the caller's deputy in it. */
  mine: number;
}

export interface MonthReport {
  kind: 'activityMonth' | 'other';
  title: string;
  from: string;
  to: string;
  activities: number;
  attendances: number;
  received: number;
  opinions: number;
  solved: number;
  inProgress: number;
  deputies: number;
  byStreet: {
    streetId: string;
    name: string;
    nameEn: string;
    activities: number;
    attendances: number;
    received: number;
    opinions: number;
    solved: number;
  }[];
  byKind: { kind: string; activities: number; attendances: number }[];
  byLevel: { level: string; attendances: number }[];
  sentence: { zh: string; en: string };
}

export interface FigureLine {
  planned: number;
  visited: number;
  issues: number;
  solved: number;
}

export type QuestionKind = 'single' | 'multiple' | 'text' | 'number' | 'scale';

export interface Question {
  id: string;
  kind: QuestionKind;
  label: string;
  options: string[];
  required: boolean;
  max?: number;
  showIf?: { questionId: string; option: string };
}

export interface QuestionTally {
  questionId: string;
  kind: QuestionKind;
  label: string;
  answered: number;
  options: { option: string; count: number }[];
  mean: number | null;
}

export interface VisitsReport {
  kind: 'enterpriseVisits';
  title: string;
  from: string;
  to: string;
  activities: number;
  firmsPlanned: number;
  firmsVisited: number;
  visits: number;
  questionnaires: number;
  issues: number;
  issuesSolved: number;
  issuesInProgress: number;
  byStreet: (FigureLine & { streetId: string; name: string; nameEn: string })[];
  byIndustry: (FigureLine & { industry: string })[];
  questions: QuestionTally[];
  sentence: { zh: string; en: string };
}

export interface CampaignDetail {
  id: string;
  kind: 'activityMonth' | 'enterpriseVisits' | 'other';
  title: string;
  from: string;
  to: string;
  goal: string;
  questionnaire: Question[];
  /** The handling units a firm's problem may be sent to (for whoever may record a visit). */
  units: { id: string; name: string }[];
  abilities: Record<string, boolean>;
}

export interface CampaignFirm {
  firmId: string;
  name: string;
  uscc: string;
  industry: string;
  size: 'large' | 'medium' | 'small' | 'micro';
  streetId: string;
  streetName: string;
  streetNameEn: string;
  deputyId: string | null;
  deputyName: string | null;
  plannedOn: string | null;
  visits: number;
  lastVisitedOn: string | null;
  issues: number;
}

export interface FirmImportReport {
  imported: number;
  created: number;
  updated: number;
  planned: number;
  rejected: { row: number; reason: string; message: { zh: string; en: string } }[];
}

export interface Pledge {
  id: string;
  content: string;
  status: 'pledged' | 'inProgress' | 'fulfilled';
  createdAt: string;
  progress: { note: string; status: 'inProgress' | 'fulfilled'; at: string }[];
}

export interface TermRecord {
  deputy: { id: string; name: string };
  term: { id: string; number: number; startDate: string; endDate: string; until: string };
  points: number;
  suggestions: number;
  receptions: number;
  activities: number;
  meetingsAttended: number;
  firmVisits: number;
  pledgesFulfilled: number;
  years: { year: number; points: number }[];
}

export interface RankingLine {
  rank: number;
  deputyId: string;
  name: string;
  points: number;
  suggestions: number;
  receptions: number;
  activities: number;
  meetingsAttended: number;
  firmVisits: number;
  pledgesFulfilled: number;
}

export interface DeputyRecord {
  deputy: { id: string; name: string; levels: string[] };
  year: number;
  suggestions: number;
  suggestionsCosigned: number;
  receptions: number;
  activities: number;
  meetingsAttended: number;
  meetingsExcused: number;
  firmVisits: number;
  firmsVisited: number;
  pledgesMade: number;
  pledgesFulfilled: number;
  activitiesByKind: { kind: string; count: number }[];
  points: number;
  pointsRules: { kind: string; count: number; perUnit: number; points: number }[];
}

export const FIRM_ISSUE_RATINGS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type FirmIssueRating = (typeof FIRM_ISSUE_RATINGS)[number];

/** A problem a firm raised in a visit, with where the opinion it became stands. */
export interface FirmIssue {
  id: string;
  content: string;
  opinionId: string;
  visitId: string;
  visitedOn: string;
  firmId: string;
  firmName: string;
  deputyId: string;
  deputyName: string;
  unitId: string;
  unitName: string;
  status: string;
  deadlineAt: string | null;
  replyOutcome: string | null;
  reply: string | null;
  repliedAt: string | null;
  rating: FirmIssueRating | null;
  ratedAt: string | null;
  reopenCount: number;
  canRate: boolean;
}
