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

export interface VisitsReport {
  kind: 'enterpriseVisits';
  title: string;
  from: string;
  to: string;
  firmsPlanned: number;
  firmsVisited: number;
  questionnaires: number;
  issues: number;
  issuesSolved: number;
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
  activitiesByKind: { kind: string; count: number }[];
  points: number;
  pointsRules: { kind: string; count: number; perUnit: number; points: number }[];
}
