// Drizzle definitions of the platform tables (server/src/db/migrations/0001_platform.sql is the truth;
// server/test/schema-drift.test.ts fails when the two disagree).
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

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const congresses = pgTable('congresses', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  jurisdictionId: uuid('jurisdiction_id'),
  parentCongressId: uuid('parent_congress_id'),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull().default(''),
  level: text('level').$type<'national' | 'province' | 'city' | 'district' | 'township'>().notNull(),
  hasStandingCommittee: boolean('has_standing_committee').notNull().default(true),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  status: text('status').$type<'active' | 'disabled'>().notNull().default('active'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: ts('locked_until'),
  /** Set by an administrator's password reset: the one-time password must be changed first (0008). */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  totpSecretEnc: text('totp_secret_enc'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  deputyId: uuid('deputy_id'),
  handlingUnitId: uuid('handling_unit_id'),
  phoneEnc: text('phone_enc'),
  phoneIndex: text('phone_index'),
  email: text('email'),
  locale: text('locale').notNull().default('zh-CN'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const accountRoles = pgTable(
  'account_roles',
  {
    accountId: uuid('account_id').notNull(),
    role: text('role').notNull(),
    congressId: uuid('congress_id').notNull(),
    grantedBy: uuid('granted_by'),
    grantedAt: ts('granted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.role] })],
);

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  accountId: uuid('account_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  restricted: boolean('restricted').notNull().default(false),
  ip: text('ip').notNull().default(''),
  userAgent: text('user_agent').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  accountId: uuid('account_id').notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at'),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
});

export const auditEvents = pgTable('audit_events', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  accountId: uuid('account_id'),
  role: text('role'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  ip: text('ip'),
  requestId: text('request_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  rowHash: text('row_hash').notNull(),
});

/** Audit rows not yet chained: the sealer's queue (migration 0306). */
export const auditUnsealed = pgTable(
  'audit_unsealed',
  {
    congressId: uuid('congress_id').notNull(),
    id: uuid('id').notNull(),
    rowHash: text('row_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.congressId, t.id] })],
);

/** The chain of a congress's audit rows, a link per row, append-only (migration 0306). */
export const auditChain = pgTable(
  'audit_chain',
  {
    congressId: uuid('congress_id').notNull(),
    chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
    eventId: uuid('event_id').notNull().unique(),
    chainHash: text('chain_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.congressId, t.chainSeq] })],
);

export const auditChainHeads = pgTable('audit_chain_heads', {
  congressId: uuid('congress_id').primaryKey(),
  chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
  chainHash: text('chain_hash').notNull(),
  sealedAt: ts('sealed_at').notNull().defaultNow(),
});

export const jobs = pgTable('jobs', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id'),
  name: text('name').notNull(),
  payload: jsonb('payload').notNull().default({}),
  status: text('status').$type<'pending' | 'running' | 'done' | 'failed'>().notNull().default('pending'),
  runAt: ts('run_at').notNull().defaultNow(),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull().default(5),
  lockedUntil: ts('locked_until'),
  lastError: text('last_error'),
  dedupeKey: text('dedupe_key'),
  createdAt: ts('created_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
});

/** A message a job has sent, recorded right after the send (migration 0006). */
export const jobDeliveries = pgTable(
  'job_deliveries',
  {
    jobId: uuid('job_id').notNull(),
    congressId: uuid('congress_id'),
    key: text('key').notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.key] })],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    congressId: uuid('congress_id'),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  accountId: uuid('account_id').notNull(),
  kind: text('kind').notNull(),
  title: jsonb('title').$type<{ zh: string; en: string }>().notNull(),
  body: jsonb('body').$type<{ zh: string; en: string }>().notNull(),
  link: text('link'),
  readAt: ts('read_at'),
  deliveredChannels: text('delivered_channels').array().notNull().default([]),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const notificationPreferences = pgTable('notification_preferences', {
  accountId: uuid('account_id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  email: boolean('email').notNull().default(true),
  sms: boolean('sms').notNull().default(false),
  dailyDigest: boolean('daily_digest').notNull().default(false),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const files = pgTable('files', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  storageKey: text('storage_key').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  originalName: text('original_name').notNull().default(''),
  purpose: text('purpose').notNull(),
  uploadedBy: uuid('uploaded_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const calendarDays = pgTable(
  'calendar_days',
  {
    congressId: uuid('congress_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').$type<'holiday' | 'workday'>().notNull(),
    name: text('name').notNull().default(''),
    /** 'notice': a day of a year's State Council notice as the congress entered it; 'staff': its own arrangement. */
    source: text('source').$type<'notice' | 'staff'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.congressId, t.date, t.source] })],
);

/** The years whose notice a congress entered: confirmed, no longer provisional. */
export const calendarNotices = pgTable(
  'calendar_notices',
  {
    congressId: uuid('congress_id').notNull(),
    year: integer('year').notNull(),
    reference: text('reference').notNull().default(''),
    enteredBy: uuid('entered_by'),
    enteredAt: ts('entered_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.congressId, t.year] })],
);
