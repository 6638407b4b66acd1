// The shapes of the meetings API the pages read.
import type { CurveName } from '@minyi/domain/ballots/crypto';
import type { Abilities } from '../../api';

export type Body = 'congress' | 'standingCommittee' | 'chairpersonsMeeting';
export type Attendance = 'absent' | 'present' | 'onLeave';
export type Choice = 'yes' | 'no' | 'abstain';

export interface MeetingSummary {
  id: string;
  number: number;
  body: Body;
  date: string;
  title: string;
  status: 'planned' | 'inSession' | 'closed';
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  notVoting: number;
  members: number;
  passed: boolean;
}

export interface AgendaItem {
  id: string;
  position: number;
  kind: string;
  title: string;
  secret: boolean;
  voted: boolean;
  documents: { id: string; stage: string; title: string; doneOn: string; deadline: string; late: boolean }[];
  vote:
    | (Partial<Tally> & {
        id: string;
        status: MeetingVoteStatus;
        members: number;
        ballotsCast: number;
        myChoice: Choice | null;
      })
    | null;
}

export interface MeetingDetail extends MeetingSummary {
  endDate: string;
  venue: string;
  rollFrozen: boolean;
  members: number;
  present: number;
  onLeave: number;
  quorum: boolean;
  quorumNeeded: number;
  yesNeeded: number;
  roll: { deputyId: string; name: string; position: string; attendance: Attendance; leaveReason: string }[];
  nonVotingAttendees: { name: string; organization: string }[];
  agenda: AgendaItem[];
  me: { deputyId: string; attendance: Attendance } | null;
  abilities: Abilities;
}

export type MeetingVoteStatus = 'preparing' | 'open' | 'counting' | 'closed';

/** A secret vote's tellers and how far each is in the key ceremony and the count. */
export interface VoteTeller {
  index: number;
  accountId: string;
  name: string;
  ceremonyKey: boolean;
  deal: boolean;
  partialDecryption: boolean;
}

/** What a secret vote adds: the key and the options in ballot order, the tellers, whether I have voted. */
export interface SecretVote {
  encryption: { scheme: string; curve: CurveName; publicKey: string } | null;
  options: { id: string; choice: Choice }[];
  maxChoices: number;
  tellers: VoteTeller[];
  hasVoted: boolean;
  tellerIndex: number | null;
}

export interface MeetingVote {
  id: string;
  status: MeetingVoteStatus;
  secret: SecretVote | null;
  meetingId: string;
  meeting: { title: string; body: Body; number: number; date: string };
  item: { id: string; title: string; kind: string };
  members: number;
  yesNeeded: number;
  ballotsCast: number;
  me: { deputyId: string; attendance: Attendance; choice: Choice | null } | null;
  result: Tally | null;
  ballots: { deputyId: string; name: string | null; choice: Choice }[];
  abilities: Abilities;
}

export interface MyVote {
  id: string;
  status: MeetingVoteStatus;
  meetingId: string;
  meetingTitle: string;
  meetingDate: string;
  itemTitle: string;
  itemKind: string;
  members: number;
  passed: boolean | null;
  onRoll: boolean;
  voted: boolean;
}

export const APPOINTMENT_KINDS = ['appoint', 'remove', 'dismiss'] as const;
export const NOMINATING_ORGANS = [
  'districtHead',
  'supervisionCommissionDirector',
  'courtPresident',
  'procuratorGeneral',
  'chairpersonsMeeting',
] as const;
export const APPOINTMENT_STATUS_COLOR = {
  filed: 'gold',
  onAgenda: 'blue',
  appointed: 'green',
  notAppointed: 'red',
  removed: 'green',
  notRemoved: 'red',
  withdrawn: 'default',
} as const;
export type AppointmentStatus = keyof typeof APPOINTMENT_STATUS_COLOR;

export interface AppointmentSummary {
  id: string;
  kind: (typeof APPOINTMENT_KINDS)[number];
  post: string;
  organization: string;
  nomineeName: string;
  nominatingOrgan: (typeof NOMINATING_ORGANS)[number];
  acting: boolean;
  status: AppointmentStatus;
  filedOn: string;
  deadlineOn: string | null;
  filedLate: boolean;
  decidedOn: string | null;
  oathOn: string | null;
  meeting: { id: string; title: string; date: string } | null;
}

export interface AppointmentDetail extends AppointmentSummary {
  reasons: string;
  cv: string;
  electedOn: string | null;
  oathWitness: string | null;
  /** The nominee's statement (供职发言) before the vote. */
  statement: string | null;
  statementOn: string | null;
  agendaItemId: string | null;
  vote: {
    id: string;
    status: 'open' | 'closed';
    members: number;
    yes: number | null;
    no: number | null;
    abstain: number | null;
    notVoting: number | null;
    passed: boolean | null;
  } | null;
  holding: {
    id: string;
    holderName: string;
    startedOn: string;
    endedOn: string | null;
    endReason: string | null;
  } | null;
  abilities: { putOnAgenda: boolean; withdraw: boolean; recordOath: boolean; recordStatement: boolean };
}

export const OVERSIGHT_STATUS_COLOR = {
  heard: 'default',
  opinionsSent: 'gold',
  handled: 'blue',
  satisfied: 'green',
  notSatisfied: 'red',
  followUp: 'purple',
} as const;
export type OversightStatus = keyof typeof OVERSIGHT_STATUS_COLOR;

export interface OversightSummary {
  id: string;
  title: string;
  organ: string;
  status: OversightStatus;
  heardOn: string;
  opinionsSentOn: string | null;
  handlingDueOn: string | null;
  handlingReceivedOn: string | null;
  handlingLate: boolean;
  meetingId: string;
  meetingTitle: string;
}

export interface OversightDetail {
  id: string;
  title: string;
  organ: string;
  status: OversightStatus;
  meeting: { id: string; title: string };
  heardOn: string;
  opinions: string | null;
  opinionsSentOn: string | null;
  handlingDueOn: string | null;
  handlingSummary: string | null;
  handlingReceivedOn: string | null;
  handlingLate: boolean;
  satisfactionVote: {
    id: string;
    meetingId: string;
    status: 'open' | 'closed';
    members: number;
    yes: number | null;
    no: number | null;
    abstain: number | null;
    notVoting: number | null;
    passed: boolean | null;
  } | null;
  satisfactionItemId: string | null;
  followUpPlan: string | null;
  abilities: {
    sendOpinions: boolean;
    recordHandlingReport: boolean;
    putSatisfactionVote: boolean;
    followUp: boolean;
  };
}

export type InquiryStatus = 'filed' | 'toAnswer' | 'answered' | 'furtherAnswerDue' | 'closed' | 'declined';
export const INQUIRY_STATUS_COLOR: Record<InquiryStatus, string> = {
  filed: 'default',
  toAnswer: 'processing',
  answered: 'blue',
  furtherAnswerDue: 'orange',
  closed: 'green',
  declined: 'default',
};

export interface InquirySummary {
  id: string;
  meetingId: string;
  meetingTitle: string;
  organ: string;
  subject: string;
  status: InquiryStatus;
  mode: 'oral' | 'written' | null;
  round: number;
  filedOn: string;
  filers: number;
}

export interface Inquiry {
  id: string;
  meetingId: string;
  organ: string;
  subject: string;
  content: string;
  status: InquiryStatus;
  mode: 'oral' | 'written' | null;
  decidedOn: string | null;
  decisionNote: string;
  round: number;
  filedOn: string;
  filers: { deputyId: string; name: string; satisfied: boolean | null }[];
  answers: {
    round: number;
    mode: 'oral' | 'written';
    answeredBy: string;
    summary: string;
    answeredOn: string;
    satisfied: number | null;
    dissatisfied: number | null;
  }[];
  abilities: Abilities;
}
