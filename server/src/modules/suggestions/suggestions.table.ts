// Drizzle definitions of the suggestions module (0400_suggestions.sql is the truth; the drift test compares them).
import {
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MotionSource, MotionStatus, SuggestionStatus } from '@minyi/domain/suggestions';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const suggestionHandlingCases = pgTable('suggestion_handling_cases', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  title: text('title').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const suggestions = pgTable('suggestions', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  termId: uuid('term_id'),
  sittingId: uuid('sitting_id'),
  number: text('number'),
  seq: integer('seq'),
  proposerDeputyId: uuid('proposer_deputy_id').notNull(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  category: text('category').notNull(),
  searchText: text('search_text').notNull().default(''),
  status: text('status').$type<SuggestionStatus>().notNull().default('draft'),
  submittedAt: ts('submitted_at'),
  assignDueAt: ts('assign_due_at'),
  reviewComment: text('review_comment').notNull().default(''),
  reviewChecks: jsonb('review_checks').$type<{
    oneMatter: boolean;
    notPersonal: boolean;
    specific: boolean;
  } | null>(),
  reviewedAt: ts('reviewed_at'),
  reviewedBy: uuid('reviewed_by'),
  referralReason: text('referral_reason').notNull().default(''),
  handlingCaseId: uuid('handling_case_id'),
  leadUnitId: uuid('lead_unit_id'),
  assignedAt: ts('assigned_at'),
  /** The first assignment (交办); a re-assignment after a hand-back moves assignedAt, never this. */
  firstAssignedAt: ts('first_assigned_at'),
  deadline: ts('deadline'),
  handBackDueAt: ts('hand_back_due_at'),
  extended: boolean('extended').notNull().default(false),
  extensionReason: text('extension_reason').notNull().default(''),
  rehandlingRound: integer('rehandling_round').notNull().default(0),
  replyCategory: text('reply_category'),
  repliedAt: ts('replied_at'),
  rating: text('rating'),
  followUpSolvedAt: ts('follow_up_solved_at'),
  closedAt: ts('closed_at'),
  isKey: boolean('is_key').notNull().default(false),
  /** The first leading leader of a key suggestion; all of them in keyLeaderAccountIds. */
  leaderAccountId: uuid('leader_account_id'),
  keyLeaderAccountIds: uuid('key_leader_account_ids').array().notNull().default([]),
  keyDecidedBy: text('key_decided_by'),
  published: boolean('published').notNull().default(false),
  opinionId: uuid('opinion_id'),
  motionId: uuid('motion_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  /**
   * The lists' JSON item of this row, less "overdue" and the closing brace: built by a trigger on every
   * change (migration 0402), never written by the application.
   */
  listItem: text('list_item').notNull().default(''),
});
export type SuggestionRow = typeof suggestions.$inferSelect;

export const suggestionCounters = pgTable(
  'suggestion_counters',
  {
    congressId: uuid('congress_id').notNull(),
    scope: text('scope').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.congressId, t.scope] })],
);

export const suggestionCosigners = pgTable(
  'suggestion_cosigners',
  {
    congressId: uuid('congress_id').notNull(),
    suggestionId: uuid('suggestion_id').notNull(),
    deputyId: uuid('deputy_id').notNull(),
    status: text('status').$type<'pending' | 'confirmed' | 'declined'>().notNull().default('pending'),
    decidedAt: ts('decided_at'),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.deputyId] })],
);

export const suggestionAttachments = pgTable(
  'suggestion_attachments',
  {
    congressId: uuid('congress_id').notNull(),
    suggestionId: uuid('suggestion_id').notNull(),
    fileId: uuid('file_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.fileId] })],
);

export const suggestionAssignments = pgTable('suggestion_assignments', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  suggestionId: uuid('suggestion_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  role: text('role').$type<'lead' | 'assisting'>().notNull(),
  assignedAt: ts('assigned_at').notNull(),
  endedAt: ts('ended_at'),
  endedReason: text('ended_reason'),
  /**
   * The suggestion's status and deadline, copied by triggers (migration 0401) for a unit's filtered list:
   * never written by the application (an insert leaves them to the trigger).
   */
  suggestionStatus: text('suggestion_status').notNull().default(''),
  suggestionDeadline: ts('suggestion_deadline'),
});

export const suggestionHandBacks = pgTable('suggestion_hand_backs', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  suggestionId: uuid('suggestion_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  reason: text('reason').notNull(),
  requestedBy: uuid('requested_by'),
  requestedAt: ts('requested_at').notNull().defaultNow(),
  status: text('status').$type<'pending' | 'disputed' | 'reassigned' | 'kept'>().notNull().default('pending'),
  decisionComment: text('decision_comment').notNull().default(''),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
});

export const suggestionExtensions = pgTable('suggestion_extensions', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  suggestionId: uuid('suggestion_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  reason: text('reason').notNull(),
  requestedBy: uuid('requested_by'),
  requestedAt: ts('requested_at').notNull().defaultNow(),
  deadlineBefore: ts('deadline_before'),
  status: text('status')
    .$type<'pending' | 'approved' | 'refused' | 'superseded'>()
    .notNull()
    .default('pending'),
  decisionComment: text('decision_comment').notNull().default(''),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  deadlineAfter: ts('deadline_after'),
});

export const suggestionRehandlingReviews = pgTable('suggestion_rehandling_reviews', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  suggestionId: uuid('suggestion_id').notNull(),
  round: integer('round').notNull(),
  decision: text('decision').$type<'rehandle' | 'decline'>().notNull(),
  comment: text('comment').notNull().default(''),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at').notNull().defaultNow(),
});

export const suggestionContacts = pgTable('suggestion_contacts', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  suggestionId: uuid('suggestion_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  method: text('method').$type<'phone' | 'visit' | 'meeting'>().notNull(),
  summary: text('summary').notNull(),
  contactedOn: day('contacted_on').notNull(),
  round: integer('round').notNull().default(0),
  accountId: uuid('account_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const suggestionUnitOpinions = pgTable('suggestion_unit_opinions', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  suggestionId: uuid('suggestion_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  content: text('content').notNull(),
  accountId: uuid('account_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const suggestionReplies = pgTable('suggestion_replies', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  suggestionId: uuid('suggestion_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  round: integer('round').notNull(),
  category: text('category').notNull(),
  content: text('content').notNull(),
  plannedBy: day('planned_by'),
  accountId: uuid('account_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const suggestionRatings = pgTable('suggestion_ratings', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  suggestionId: uuid('suggestion_id').notNull(),
  replyId: uuid('reply_id').notNull(),
  deputyId: uuid('deputy_id').notNull(),
  rating: text('rating').$type<'satisfied' | 'basicallySatisfied' | 'dissatisfied'>().notNull(),
  comment: text('comment').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const suggestionSupervisions = pgTable('suggestion_supervisions', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  suggestionId: uuid('suggestion_id').notNull(),
  accountId: uuid('account_id'),
  kind: text('kind').$type<'meeting' | 'siteVisit' | 'progress'>().notNull(),
  note: text('note').notNull(),
  occurredOn: day('occurred_on').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const suggestionReminders = pgTable(
  'suggestion_reminders',
  {
    congressId: uuid('congress_id').notNull(),
    suggestionId: uuid('suggestion_id').notNull(),
    kind: text('kind').notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.kind] })],
);

export const motions = pgTable('motions', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  termId: uuid('term_id'),
  sittingId: uuid('sitting_id'),
  number: text('number'),
  /** Null for a body's motion (presidium, standing committee, …). */
  proposerDeputyId: uuid('proposer_deputy_id'),
  source: text('source').$type<MotionSource>().notNull().default('deputies'),
  /** The staff account that entered a body's motion. */
  enteredBy: uuid('entered_by'),
  title: text('title').notNull(),
  content: text('content').notNull(),
  category: text('category').notNull(),
  status: text('status').$type<MotionStatus>().notNull().default('submitted'),
  decisionBody: text('decision_body'),
  decisionNote: text('decision_note').notNull().default(''),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  suggestionId: uuid('suggestion_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const motionSigners = pgTable(
  'motion_signers',
  {
    congressId: uuid('congress_id').notNull(),
    motionId: uuid('motion_id').notNull(),
    deputyId: uuid('deputy_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.motionId, t.deputyId] })],
);
