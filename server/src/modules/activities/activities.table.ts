// Drizzle definitions of the activities module (0900_activities.sql is the truth; the drift test compares them).
import { boolean, date, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AttendanceVia, CampaignKind, OrganiserKind, RsvpAnswer } from '@minyi/domain/activities';

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
