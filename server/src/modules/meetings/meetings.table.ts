// Drizzle definitions of the meetings module (0600_meetings.sql is the truth; the drift test compares them).
import { boolean, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  AgendaItemKind,
  AppointmentKind,
  AppointmentStatus,
  NominatingOrgan,
  OversightStatus,
  DocumentStage,
  MeetingBody,
  ProceduralRuleKind,
  MeetingStatus,
  MeetingVoteStatus,
  VoteChoice,
  InquiryAnswerMode,
  InquiryStatus,
} from '@minyi/domain/meetings';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const meetings = pgTable('meetings', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  body: text('body').$type<MeetingBody>().notNull(),
  termId: uuid('term_id'),
  number: integer('number').notNull(),
  title: text('title').notNull(),
  startDate: day('start_date').notNull(),
  endDate: day('end_date').notNull(),
  venue: text('venue').notNull().default(''),
  status: text('status').$type<MeetingStatus>().notNull().default('planned'),
  rollFrozenAt: ts('roll_frozen_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const meetingMembers = pgTable(
  'meeting_members',
  {
    congressId: uuid('congress_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    deputyId: uuid('deputy_id').notNull(),
    name: text('name').notNull(),
    position: text('position').notNull().default('member'),
    attendance: text('attendance').$type<'absent' | 'present' | 'onLeave'>().notNull().default('absent'),
    leaveReason: text('leave_reason').notNull().default(''),
    signedInAt: ts('signed_in_at'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.deputyId] })],
);

export const meetingNonVotingAttendees = pgTable('meeting_non_voting_attendees', {
  congressId: uuid('congress_id').notNull(),
  id: uuid('id').primaryKey(),
  meetingId: uuid('meeting_id').notNull(),
  name: text('name').notNull(),
  organization: text('organization').notNull().default(''),
});

export const meetingAgendaItems = pgTable('meeting_agenda_items', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  meetingId: uuid('meeting_id').notNull(),
  position: integer('position').notNull(),
  kind: text('kind').$type<AgendaItemKind>().notNull(),
  title: text('title').notNull(),
  secret: boolean('secret').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const meetingAgendaDocuments = pgTable('meeting_agenda_documents', {
  congressId: uuid('congress_id').notNull(),
  id: uuid('id').primaryKey(),
  itemId: uuid('item_id').notNull(),
  stage: text('stage').$type<DocumentStage>().notNull(),
  title: text('title').notNull(),
  doneOn: day('done_on').notNull(),
});

export const meetingVotes = pgTable('meeting_votes', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  meetingId: uuid('meeting_id').notNull(),
  itemId: uuid('item_id').notNull(),
  status: text('status').$type<MeetingVoteStatus>().notNull().default('open'),
  members: integer('members').notNull(),
  /** By secret ballot on the encrypted-ballot engine (migration 0606): the engine's vote has this id. */
  secret: boolean('secret').notNull().default(false),
  yes: integer('yes'),
  no: integer('no'),
  abstain: integer('abstain'),
  notVoting: integer('not_voting'),
  passed: boolean('passed'),
  openedAt: ts('opened_at').notNull().defaultNow(),
  closedAt: ts('closed_at'),
});

export const meetingBallots = pgTable(
  'meeting_ballots',
  {
    congressId: uuid('congress_id').notNull(),
    voteId: uuid('vote_id').notNull(),
    deputyId: uuid('deputy_id').notNull(),
    choice: text('choice').$type<VoteChoice>().notNull(),
    castAt: ts('cast_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.deputyId] })],
);

export const appointmentCases = pgTable('appointment_cases', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  kind: text('kind').$type<AppointmentKind>().notNull(),
  post: text('post').notNull(),
  organization: text('organization').notNull(),
  handlingUnitId: uuid('handling_unit_id'),
  nomineeName: text('nominee_name').notNull(),
  nominatingOrgan: text('nominating_organ').$type<NominatingOrgan>().notNull(),
  meetingId: uuid('meeting_id'),
  agendaItemId: uuid('agenda_item_id'),
  status: text('status').$type<AppointmentStatus>().notNull().default('filed'),
  filedOn: day('filed_on').notNull(),
  decidedOn: day('decided_on'),
  oathOn: day('oath_on'),
  createdAt: ts('created_at').notNull().defaultNow(),
  reasons: text('reasons').notNull().default(''),
  cv: text('cv').notNull().default(''),
  acting: boolean('acting').notNull().default(false),
  electedOn: day('elected_on'),
  deadlineOn: day('deadline_on'),
  voteId: uuid('vote_id'),
  oathWitness: text('oath_witness'),
  /** The nominee's statement before the vote (供职发言, migration 0608). */
  statement: text('statement'),
  statementOn: day('statement_on'),
});

export const officeHoldings = pgTable('office_holdings', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  post: text('post').notNull(),
  organization: text('organization').notNull(),
  handlingUnitId: uuid('handling_unit_id'),
  holderName: text('holder_name').notNull(),
  acting: boolean('acting').notNull().default(false),
  startedOn: day('started_on').notNull(),
  endedOn: day('ended_on'),
  endReason: text('end_reason').$type<'removed' | 'resigned' | 'dismissed' | 'termEnded' | 'other'>(),
  appointmentId: uuid('appointment_id'),
  endedById: uuid('ended_by_id'),
});

export const oversightReports = pgTable('oversight_reports', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  meetingId: uuid('meeting_id').notNull(),
  agendaItemId: uuid('agenda_item_id').notNull(),
  organ: text('organ').notNull(),
  title: text('title').notNull(),
  status: text('status').$type<OversightStatus>().notNull().default('heard'),
  heardOn: day('heard_on').notNull(),
  opinions: text('opinions'),
  opinionsSentOn: day('opinions_sent_on'),
  handlingDueOn: day('handling_due_on'),
  handlingSummary: text('handling_summary'),
  handlingReceivedOn: day('handling_received_on'),
  satisfactionItemId: uuid('satisfaction_item_id'),
  satisfactionVoteId: uuid('satisfaction_vote_id'),
  followUpPlan: text('follow_up_plan'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const meetingVoteRoomTotals = pgTable(
  'meeting_vote_room_totals',
  {
    congressId: uuid('congress_id').notNull(),
    voteId: uuid('vote_id').notNull(),
    accountId: uuid('account_id').notNull(),
    yes: integer('yes').notNull(),
    no: integer('no').notNull(),
    abstain: integer('abstain').notNull(),
    enteredAt: ts('entered_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.accountId] })],
);

export const inquiries = pgTable('inquiries', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  meetingId: uuid('meeting_id').notNull(),
  organ: text('organ').notNull(),
  subject: text('subject').notNull(),
  content: text('content').notNull(),
  status: text('status').$type<InquiryStatus>().notNull().default('filed'),
  mode: text('mode').$type<InquiryAnswerMode>(),
  decidedOn: day('decided_on'),
  decisionNote: text('decision_note').notNull().default(''),
  round: integer('round').notNull().default(0),
  filedOn: day('filed_on').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const inquiryFilers = pgTable(
  'inquiry_filers',
  {
    congressId: uuid('congress_id').notNull(),
    inquiryId: uuid('inquiry_id').notNull(),
    deputyId: uuid('deputy_id').notNull(),
    name: text('name').notNull(),
    satisfied: boolean('satisfied'),
  },
  (t) => [primaryKey({ columns: [t.inquiryId, t.deputyId] })],
);

export const inquiryAnswers = pgTable(
  'inquiry_answers',
  {
    congressId: uuid('congress_id').notNull(),
    inquiryId: uuid('inquiry_id').notNull(),
    round: integer('round').notNull(),
    mode: text('mode').$type<InquiryAnswerMode>().notNull(),
    answeredBy: text('answered_by').notNull(),
    summary: text('summary').notNull(),
    answeredOn: day('answered_on').notNull(),
    satisfied: integer('satisfied'),
    dissatisfied: integer('dissatisfied'),
  },
  (t) => [primaryKey({ columns: [t.inquiryId, t.round] })],
);

export const proceduralRules = pgTable('procedural_rules', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  title: text('title').notNull(),
  body: text('body').$type<MeetingBody>().notNull(),
  kind: text('kind').$type<ProceduralRuleKind>().notNull(),
  currentVersion: integer('current_version').notNull().default(1),
  published: boolean('published').notNull().default(false),
  publishedAt: ts('published_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const proceduralRuleVersions = pgTable(
  'procedural_rule_versions',
  {
    congressId: uuid('congress_id').notNull(),
    ruleId: uuid('rule_id').notNull(),
    version: integer('version').notNull(),
    adoptedOn: day('adopted_on').notNull(),
    content: text('content').notNull(),
    note: text('note').notNull().default(''),
    meetingId: uuid('meeting_id'),
    agendaItemId: uuid('agenda_item_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.version] })],
);
