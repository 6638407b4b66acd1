// Drizzle definitions of the livelihood module (0500_livelihood.sql is the truth; the drift test compares them).
// The vote tables, created by the same migration, are defined by the ballots module (ballots.table.ts).
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
import type { ProjectStatus } from '@minyi/domain/livelihood';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const money = (name: string) => bigint(name, { mode: 'number' });

export const livelihoodIdeas = pgTable('livelihood_ideas', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  streetId: uuid('street_id'),
  estimatedCost: money('estimated_cost'),
  source: text('source').$type<'public' | 'deputy' | 'opinion'>().notNull(),
  opinionId: uuid('opinion_id'),
  deputyId: uuid('deputy_id'),
  submitterName: text('submitter_name').notNull().default(''),
  supportCount: integer('support_count').notNull().default(0),
  mergedIntoId: uuid('merged_into_id'),
  status: text('status').$type<'open' | 'merged' | 'shortlisted'>().notNull().default('open'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const livelihoodIdeaSupports = pgTable(
  'livelihood_idea_supports',
  {
    congressId: uuid('congress_id').notNull(),
    ideaId: uuid('idea_id').notNull(),
    supporterKey: text('supporter_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.supporterKey] })],
);

export const livelihoodCandidates = pgTable('livelihood_candidates', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  leadUnitId: uuid('lead_unit_id').notNull(),
  budget: money('budget').notNull(),
  streetId: uuid('street_id'),
  feasibilityNote: text('feasibility_note').notNull().default(''),
  ideaIds: uuid('idea_ids').array().notNull().default([]),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const livelihoodDeliberations = pgTable('livelihood_deliberations', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  candidateId: uuid('candidate_id').notNull(),
  delegation: text('delegation').notNull(),
  accountId: uuid('account_id').notNull(),
  deputyId: uuid('deputy_id'),
  content: text('content').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const livelihoodProjects = pgTable('livelihood_projects', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  year: integer('year').notNull(),
  candidateId: uuid('candidate_id'),
  voteId: uuid('vote_id'),
  title: text('title').notNull(),
  leadUnitId: uuid('lead_unit_id').notNull(),
  budget: money('budget').notNull(),
  streetId: uuid('street_id'),
  status: text('status').$type<ProjectStatus>().notNull().default('onTrack'),
  percent: integer('percent').notNull().default(0),
  targetDate: day('target_date'),
  adjustmentReason: text('adjustment_reason').notNull().default(''),
  adjustmentApprovedOn: day('adjustment_approved_on'),
  adjustmentReference: text('adjustment_reference').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const livelihoodMilestones = pgTable('livelihood_milestones', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  projectId: uuid('project_id').notNull(),
  title: text('title').notNull(),
  targetDate: day('target_date').notNull(),
  doneOn: day('done_on'),
});

export const livelihoodProgressReports = pgTable('livelihood_progress_reports', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  projectId: uuid('project_id').notNull(),
  month: text('month').notNull(),
  percent: integer('percent').notNull(),
  narrative: text('narrative').notNull(),
  status: text('status').notNull(),
  photoFileIds: uuid('photo_file_ids').array().notNull().default([]),
  reportedBy: uuid('reported_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const livelihoodInspections = pgTable('livelihood_inspections', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  projectId: uuid('project_id').notNull(),
  inspectedOn: day('inspected_on').notNull(),
  deputyIds: uuid('deputy_ids').array().notNull(),
  findings: text('findings').notNull(),
  sentToUnit: boolean('sent_to_unit').notNull().default(false),
  opinionId: uuid('opinion_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const livelihoodEvaluations = pgTable('livelihood_evaluations', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  projectId: uuid('project_id').notNull(),
  deputyId: uuid('deputy_id').notNull(),
  scores: jsonb('scores').$type<Record<string, number>>().notNull(),
  comment: text('comment').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const livelihoodSurveyResponses = pgTable('livelihood_survey_responses', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  projectId: uuid('project_id').notNull(),
  satisfaction: text('satisfaction').$type<'satisfied' | 'basicallySatisfied' | 'dissatisfied'>().notNull(),
  respondentKey: text('respondent_key').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
