// Drizzle definitions of the activities module (0900_activities.sql is the truth; the drift test compares them).
import {
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  AttendanceVia,
  CampaignKind,
  FirmSize,
  OrganiserKind,
  PledgeStatus,
  Question,
  Responses,
  RsvpAnswer,
} from '@minyi/domain/activities';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const campaigns = pgTable('campaigns', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  kind: text('kind').$type<CampaignKind>().notNull(),
  title: text('title').notNull(),
  fromDate: day('from_date').notNull(),
  toDate: day('to_date').notNull(),
  goal: text('goal').notNull().default(''),
  questionnaire: jsonb('questionnaire').$type<Question[]>().notNull().default([]),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const activities = pgTable('activities', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  topic: text('topic').notNull().default(''),
  organiserKind: text('organiser_kind').$type<OrganiserKind>().notNull().default('standingCommittee'),
  organiserName: text('organiser_name').notNull().default(''),
  placeId: uuid('place_id'),
  streetId: uuid('street_id'),
  address: text('address').notNull().default(''),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  campaignId: uuid('campaign_id'),
  outsideParticipants: text('outside_participants').array().notNull().default([]),
  checkInToken: text('check_in_token').notNull(),
  summary: text('summary').notNull().default(''),
  recordedAt: ts('recorded_at'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const activityParticipants = pgTable(
  'activity_participants',
  {
    congressId: uuid('congress_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    deputyId: uuid('deputy_id').notNull(),
    invited: boolean('invited').notNull().default(false),
    rsvp: text('rsvp').$type<RsvpAnswer>().notNull().default('pending'),
    leaveReason: text('leave_reason').notNull().default(''),
    attendedAt: ts('attended_at'),
    attendedVia: text('attended_via').$type<AttendanceVia>(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.deputyId] })],
);

export const activityFindings = pgTable('activity_findings', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  activityId: uuid('activity_id').notNull(),
  content: text('content').notNull(),
  unitId: uuid('unit_id').notNull(),
  streetId: uuid('street_id').notNull(),
  opinionId: uuid('opinion_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

// 0901_enterprise_visits_pledges.sql

export const firms = pgTable(
  'firms',
  {
    id: uuid('id').primaryKey(),
    congressId: uuid('congress_id').notNull(),
    name: text('name').notNull(),
    uscc: text('uscc').notNull(),
    industry: text('industry').notNull().default(''),
    streetId: uuid('street_id').notNull(),
    size: text('size').$type<FirmSize>().notNull().default('small'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.congressId, t.uscc)],
);

export const campaignFirms = pgTable(
  'campaign_firms',
  {
    congressId: uuid('congress_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    firmId: uuid('firm_id').notNull(),
    deputyId: uuid('deputy_id'),
    plannedOn: day('planned_on'),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.firmId] })],
);

export const firmVisits = pgTable('firm_visits', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  firmId: uuid('firm_id').notNull(),
  deputyId: uuid('deputy_id').notNull(),
  visitedOn: day('visited_on').notNull(),
  peopleMet: text('people_met').notNull().default(''),
  responses: jsonb('responses').$type<Responses>().notNull().default({}),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const firmVisitIssues = pgTable('firm_visit_issues', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  visitId: uuid('visit_id').notNull(),
  content: text('content').notNull(),
  unitId: uuid('unit_id').notNull(),
  streetId: uuid('street_id').notNull(),
  opinionId: uuid('opinion_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const pledges = pgTable('pledges', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  deputyId: uuid('deputy_id').notNull(),
  year: integer('year').notNull(),
  content: text('content').notNull(),
  status: text('status').$type<PledgeStatus>().notNull().default('pledged'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const pledgeProgress = pgTable('pledge_progress', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  pledgeId: uuid('pledge_id').notNull(),
  note: text('note').notNull(),
  status: text('status').$type<'inProgress' | 'fulfilled'>().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
