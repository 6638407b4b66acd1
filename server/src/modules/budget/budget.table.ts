// Drizzle definitions of the budget module (0800_budget.sql is the truth; the drift test compares them).
// Money columns are bigint fen read as JavaScript bigint: never a float.
import {
  bigint,
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
import type {
  BudgetInquiryStatus,
  BudgetKind,
  AdjustmentGround,
  AdjustmentStatus,
  AuditFindingStatus,
  FinalAccountsPoint,
  InviteeKind,
  ReleaseBasis,
  TransferKind,
  ReviewPoint,
  ReviewRecommendation,
} from '@minyi/domain/budget';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const fen = (name: string) => bigint(name, { mode: 'bigint' });

export const budgets = pgTable('budgets', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  year: integer('year').notNull(),
  sittingDate: day('sitting_date').notNull(),
  financeUnitId: uuid('finance_unit_id'),
  draftSubmittedOn: day('draft_submitted_on'),
  approvedOn: day('approved_on'),
  publishedOn: day('published_on'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const budgetLines = pgTable('budget_lines', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  budgetId: uuid('budget_id').notNull(),
  kind: text('kind').$type<BudgetKind>().notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  amountFen: fen('amount_fen').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const budgetExecution = pgTable(
  'budget_execution',
  {
    congressId: uuid('congress_id').notNull(),
    budgetId: uuid('budget_id').notNull(),
    code: text('code').notNull(),
    month: integer('month').notNull(),
    amountFen: fen('amount_fen').notNull(),
    importedAt: ts('imported_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.budgetId, t.code, t.month] })],
);

export const budgetInquiries = pgTable('budget_inquiries', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  budgetId: uuid('budget_id').notNull(),
  rule: text('rule').notNull(),
  code: text('code').notNull().default(''),
  evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default({}),
  unitId: uuid('unit_id').notNull(),
  question: text('question').notNull(),
  deadline: day('deadline').notNull(),
  status: text('status').$type<BudgetInquiryStatus>().notNull().default('open'),
  answer: text('answer').notNull().default(''),
  answeredAt: ts('answered_at'),
  answeredBy: uuid('answered_by'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const budgetInvestmentProjects = pgTable('investment_plan_items', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  budgetId: uuid('budget_id').notNull(),
  name: text('name').notNull(),
  unit: text('unit').notNull(),
  amountFen: fen('amount_fen').notNull(),
  urgent: boolean('urgent').notNull(),
  category: text('category').notNull().default(''),
  street: text('street').notNull().default(''),
  fundingSource: text('funding_source').notNull().default(''),
  stage: text('stage').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
  releasedOn: day('released_on'),
  releaseBasis: text('release_basis').$type<ReleaseBasis>(),
  releaseNote: text('release_note').notNull().default(''),
});

// 0801_budget_consultation_review.sql: the draft before deputies and the preliminary review.
export const budgetConsultationRounds = pgTable('budget_consultation_rounds', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  budgetId: uuid('budget_id').notNull(),
  area: text('area').notNull(),
  streetIds: uuid('street_ids').array().notNull().default([]),
  heldOn: day('held_on').notNull(),
  place: text('place').notNull().default(''),
  material: text('material').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const budgetConsultationInvitees = pgTable('budget_consultation_invitees', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  roundId: uuid('round_id').notNull(),
  kind: text('kind').$type<InviteeKind>().notNull(),
  deputyId: uuid('deputy_id'),
  name: text('name').notNull(),
  organization: text('organization').notNull().default(''),
});

export const budgetConsultationOpinions = pgTable('budget_consultation_opinions', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  budgetId: uuid('budget_id').notNull(),
  roundId: uuid('round_id').notNull(),
  inviteeId: uuid('invitee_id').notNull(),
  code: text('code').notNull().default(''),
  topic: text('topic').notNull().default(''),
  content: text('content').notNull(),
  status: text('status').$type<'open' | 'answered'>().notNull().default('open'),
  feedback: text('feedback').notNull().default(''),
  feedbackAt: ts('feedback_at'),
  feedbackBy: uuid('feedback_by'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const budgetReviewPoints = pgTable(
  'budget_review_points',
  {
    budgetId: uuid('budget_id').notNull(),
    congressId: uuid('congress_id').notNull(),
    point: text('point').$type<ReviewPoint>().notNull(),
    findings: text('findings').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.budgetId, t.point] })],
);

export const budgetReviewConclusions = pgTable('budget_review_conclusions', {
  budgetId: uuid('budget_id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  recommendation: text('recommendation').$type<ReviewRecommendation>().notNull(),
  suggestions: text('suggestions').notNull().default(''),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

// 0802_budget_transfers_adjustments.sql: transfers, carry-overs, adjustments.
export const budgetTransfers = pgTable('budget_transfers', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  budgetId: uuid('budget_id').notNull(),
  code: text('code').notNull(),
  recipient: text('recipient').notNull(),
  kind: text('kind').$type<TransferKind>().notNull(),
  purpose: text('purpose').notNull().default(''),
  amountFen: fen('amount_fen').notNull(),
  issuedOn: day('issued_on'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const budgetCarryOvers = pgTable('budget_carry_overs', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  budgetId: uuid('budget_id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  fromYear: integer('from_year').notNull(),
  amountFen: fen('amount_fen').notNull(),
  unusedFen: fen('unused_fen').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const budgetAdjustments = pgTable('budget_adjustments', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  budgetId: uuid('budget_id').notNull(),
  title: text('title').notNull(),
  grounds: text('grounds').array().$type<AdjustmentGround[]>().notNull(),
  reason: text('reason').notNull().default(''),
  meetingDate: day('meeting_date').notNull(),
  planSubmittedOn: day('plan_submitted_on'),
  status: text('status').$type<AdjustmentStatus>().notNull().default('submitted'),
  decidedOn: day('decided_on'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const budgetAdjustmentLines = pgTable(
  'budget_adjustment_lines',
  {
    congressId: uuid('congress_id').notNull(),
    adjustmentId: uuid('adjustment_id').notNull(),
    kind: text('kind').$type<BudgetKind>().notNull(),
    code: text('code').notNull(),
    changeFen: fen('change_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.adjustmentId, t.kind, t.code] })],
);

// 0803_budget_final_accounts_audit.sql: final accounts and audit rectification.
export const budgetFinalAccounts = pgTable('budget_final_accounts', {
  budgetId: uuid('budget_id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  submittedOn: day('submitted_on'),
  auditReportOn: day('audit_report_on'),
  rectificationHeardOn: day('rectification_heard_on'),
  approvedOn: day('approved_on'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const budgetFinalAccountPoints = pgTable(
  'budget_final_account_points',
  {
    budgetId: uuid('budget_id').notNull(),
    congressId: uuid('congress_id').notNull(),
    point: text('point').$type<FinalAccountsPoint>().notNull(),
    findings: text('findings').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.budgetId, t.point] })],
);

export const budgetAuditFindings = pgTable('budget_audit_findings', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  budgetId: uuid('budget_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  finding: text('finding').notNull(),
  amountFen: fen('amount_fen').notNull().default(0n),
  measures: text('measures').notNull().default(''),
  status: text('status').$type<AuditFindingStatus>().notNull().default('open'),
  rectifiedOn: day('rectified_on'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
