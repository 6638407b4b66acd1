// Drizzle definitions of opinions and receptions (0300_opinions.sql is the truth; the drift test compares them).
import {
  boolean,
  customType,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { OpinionStatus, Rating, ReplyOutcome } from '@minyi/domain/opinions';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const receptions = pgTable('receptions', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  liaisonPlaceId: uuid('liaison_place_id').notNull(),
  streetId: uuid('street_id').notNull(),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  topic: text('topic').notNull().default(''),
  status: text('status').$type<'scheduled' | 'held' | 'cancelled'>().notNull().default('scheduled'),
  peopleReceived: integer('people_received'),
  notes: text('notes').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const receptionDeputies = pgTable(
  'reception_deputies',
  {
    congressId: uuid('congress_id').notNull(),
    receptionId: uuid('reception_id').notNull(),
    deputyId: uuid('deputy_id').notNull(),
    checkedInAt: ts('checked_in_at'),
  },
  (t) => [primaryKey({ columns: [t.receptionId, t.deputyId] })],
);

export const opinions = pgTable('opinions', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  trackingCode: text('tracking_code').notNull().unique(),
  content: text('content').notNull(),
  publicContent: text('public_content').notNull(),
  category: text('category').notNull(),
  streetId: uuid('street_id').notNull(),
  communityId: uuid('community_id'),
  location: text('location'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  channel: text('channel').notNull(),
  deputyId: uuid('deputy_id'),
  liaisonPlaceId: uuid('liaison_place_id'),
  receptionId: uuid('reception_id'),
  nameEnc: text('name_enc'),
  phoneEnc: text('phone_enc').notNull(),
  phoneIndex: text('phone_index').notNull(),
  /** Keyed hash of tracking code + last four digits of the phone: the tracking page's second factor. */
  phoneCheck: text('phone_check').notNull(),
  isPublic: boolean('is_public').notNull().default(false),
  hidden: boolean('hidden').notNull().default(false),
  hiddenReason: text('hidden_reason'),
  status: text('status').$type<OpinionStatus>().notNull().default('submitted'),
  claimedBy: uuid('claimed_by'),
  decisionNote: text('decision_note'),
  mergedIntoId: uuid('merged_into_id'),
  suggestionId: uuid('suggestion_id'),
  projectIdeaId: uuid('project_idea_id'),
  leadUnitId: uuid('lead_unit_id'),
  assignedAt: ts('assigned_at'),
  deadlineAt: ts('deadline_at'),
  handBackUntil: ts('hand_back_until'),
  replyOutcome: text('reply_outcome').$type<ReplyOutcome>(),
  replyContent: text('reply_content'),
  repliedAt: ts('replied_at'),
  verifiedBy: uuid('verified_by'),
  rating: text('rating').$type<Rating>(),
  ratedAt: ts('rated_at'),
  reopenCount: integer('reopen_count').notNull().default(0),
  closedAt: ts('closed_at'),
  searchText: text('search_text').notNull().default(''),
  /** Generated in SQL from search_text; never written. */
  searchTsv: tsvector('search_tsv'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  /**
   * A unit queue's JSON item of this row, less "role", "due" and the closing brace: built by a trigger on
   * every change (migration 0301), never written by the application.
   */
  listItem: text('list_item').notNull().default(''),
});

export const opinionAssignments = pgTable(
  'opinion_assignments',
  {
    congressId: uuid('congress_id').notNull(),
    opinionId: uuid('opinion_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    role: text('role').$type<'lead' | 'assisting'>().notNull(),
    active: boolean('active').notNull().default(true),
    assignedAt: ts('assigned_at').notNull().defaultNow(),
    endedAt: ts('ended_at'),
    endReason: text('end_reason'),
    /** Copies of the opinion's list item, status and deadline for the unit's queue (migration 0303, triggers). */
    opinionItem: text('opinion_item').notNull().default(''),
    opinionStatus: text('opinion_status').notNull().default(''),
    opinionDeadline: ts('opinion_deadline'),
  },
  (t) => [primaryKey({ columns: [t.opinionId, t.unitId, t.assignedAt] })],
);

export const opinionEvents = pgTable('opinion_events', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  opinionId: uuid('opinion_id').notNull(),
  kind: text('kind').notNull(),
  isPublic: boolean('is_public').notNull().default(true),
  note: text('note'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  accountId: uuid('account_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const opinionPhotos = pgTable(
  'opinion_photos',
  {
    congressId: uuid('congress_id').notNull(),
    opinionId: uuid('opinion_id').notNull(),
    fileId: uuid('file_id').notNull().unique(),
  },
  (t) => [primaryKey({ columns: [t.opinionId, t.fileId] })],
);

export const opinionRoutes = pgTable('opinion_routes', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  category: text('category').notNull(),
  streetId: uuid('street_id'),
  leadUnitId: uuid('lead_unit_id').notNull(),
  assistingUnitIds: uuid('assisting_unit_ids').array().notNull().default([]),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const opinionBlocks = pgTable('opinion_blocks', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  kind: text('kind').$type<'phone' | 'ip'>().notNull(),
  valueIndex: text('value_index').notNull(),
  reason: text('reason').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const opinionRateCounters = pgTable(
  'opinion_rate_counters',
  {
    congressId: uuid('congress_id').notNull(),
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Wrong phone suffixes on a tracking code and the lock they set (0308_opinion_tracking_guards.sql). */
export const opinionTrackingGuards = pgTable('opinion_tracking_guards', {
  opinionId: uuid('opinion_id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: ts('locked_until'),
  ratingLockedAt: ts('rating_locked_at'),
});

/** The public form's Idempotency-Keys (migration 0309), written with the opinion they answer. */
export const opinionSubmissionKeys = pgTable(
  'opinion_submission_keys',
  {
    congressId: uuid('congress_id').notNull(),
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    opinionId: uuid('opinion_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
