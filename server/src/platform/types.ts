// The platform's shared contracts: the services every use case receives (`AppServices`, `Ctx`), the write
// side of a transaction (`Writes`, `Work`), and the interfaces of the services that refer back to them (the
// job queue, the event bus, the notifier, the audit entry). They sit in this leaf, which imports only types
// from leaves, so that the files implementing them (jobs.ts, events.ts, notifications.ts, audit.ts) and
// context.ts import them without an import cycle, type-only imports included (`dpdm` without `--transform`).
// Each implementing file re-exports its own, and context.ts re-exports `Ctx`, `Work` and the rest, so
// callers keep importing them from where they always did.
import type { z } from 'zod';
import type { LocalizedText } from '@minyi/domain';
import type { Config } from '../config';
import type { Database, Db } from '../db/client';
import type { Actor, RequestMeta } from './actor';
import type { Pii } from './pii';
import type { FileStorage } from './files';
import type { Calendar } from './calendar';
import type { PgTable } from 'drizzle-orm/pg-core';

export type { Actor, RequestMeta } from './actor';

// ---------- the services and the context of a use case ----------

export interface AppServices {
  config: Config;
  database: Database;
  db: Db;
  pii: Pii;
  jobs: JobQueue;
  /** Who listens to which module event (filled at boot from the modules' subscriptions). */
  events: EventBus;
  files: FileStorage;
  notifier: Notifier;
  calendar: Calendar;
}

export interface Ctx {
  app: AppServices;
  /** Null for a member of the public with no account. */
  actor: Actor | null;
  meta: RequestMeta;
}

/**
 * The write side of a use case without the transaction's connection: rows that nobody reads back before
 * commit, recorded as data (table and values). They are written together, in one statement, when the use
 * case returns (`transact`, `writeAtOnce`), or with other requests' rows (`collectWrites`).
 */
export interface Writes {
  /** The services, for use cases called from another module with only a Work in hand. */
  app: AppServices;
  /** Records the change; congressId defaults to the actor's. The row is written with the deferred writes. */
  audit(entry: AuditEntry): Promise<void>;
  /** Runs `name` after commit (never if the transaction rolls back). Written with the deferred writes. */
  enqueue(name: string, payload: unknown, opts?: EnqueueOptions): Promise<void>;
  /**
   * Announces what happened to the modules that subscribe (platform/events.ts): one job per subscriber,
   * written with the change, run after commit.
   */
  publish<S extends z.ZodType>(
    event: EventDefinition<S>,
    payload: z.infer<S>,
    opts?: EnqueueOptions,
  ): Promise<void>;
  /** Adds rows to insert (nothing read back) to the writes made in one statement at commit. */
  insert<T extends PgTable>(table: T, rows: T['$inferInsert'] | T['$inferInsert'][]): void;
}

/** A transaction with the platform's write-side helpers bound to it. */
export interface Work extends Writes {
  db: Db;
}

// ---------- audit (audit.ts) ----------

export interface AuditEntry {
  /** `<entity>.<verb>`, e.g. `opinion.submit`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the actor's congress; required for the public (no account). */
  congressId?: string;
  /** The role the actor acted in, when one of several; defaults to all their roles. */
  role?: string;
  /**
   * Record the time to the hour only, under an id carrying that hour and random bits (no millisecond, no
   * sequence): for a secret ballot, whose audit row must not order the ballots by when they were cast.
   */
  coarseTime?: boolean;
}

// ---------- jobs (jobs.ts) ----------

/** The run of one claimed job, as its handler sees it. */
export interface JobRun {
  id: string;
  /** This run's attempt, counting from 1 (a run cut short by a crash counts too). */
  attempts: number;
  congressId: string | null;
  /**
   * Runs `send` (an external effect: a text, an email) unless an earlier run of this job recorded it under
   * `key`, and records it right after `send` returns; resolves whether it sent. The send cannot share a
   * transaction with its record: a crash between the two repeats that one send, never the ones before it.
   */
  once(key: string, send: () => Promise<void>): Promise<boolean>;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  handle(app: AppServices, payload: z.infer<S>, job: JobRun): Promise<void>;
  /** Attempts before the job is marked failed (default 5). */
  maxAttempts?: number;
}

export interface Schedule {
  /** The job to enqueue; its payload is `{}` unless given. */
  job: string;
  everyMs: number;
  payload?: unknown;
}

export interface EnqueueOptions {
  congressId?: string | null;
  runAt?: Date;
  /** A second enqueue with the same key is ignored (e.g. one reminder per item per day). */
  dedupeKey?: string;
  maxAttempts?: number;
}

export interface JobQueue {
  register(def: JobDefinition<any>): void;
  schedule(s: Schedule): void;
  /** Wakes the worker now (called after a commit that enqueued work). */
  nudge(): void;
  /**
   * Claims and runs due jobs; returns how many ran. Tests call this directly: by default until none is left;
   * with `chase` false, as the worker's pass, until a claim finds less than a full batch.
   */
  drain(limit?: number, chase?: boolean): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

// ---------- events (events.ts) ----------

export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  /** `<entity>.<pastTense>`, e.g. `opinion.submitted`. */
  name: string;
  payload: S;
}

export interface Subscription<S extends z.ZodType = z.ZodType> {
  event: EventDefinition<S>;
  /** The subscriber's name, unique per event, e.g. `livelihood.ideaFromOpinion`. */
  name: string;
  handle(app: AppServices, payload: z.infer<S>, job: JobRun): Promise<void>;
  /**
   * Which announcements the subscriber reacts to (a pure test of the payload, no I/O); no delivery job is
   * written for the others. Without it, every one.
   */
  wants?(payload: z.infer<S>): boolean;
  maxAttempts?: number;
}

/** Who listens to which event (the class `EventBus` of events.ts). */
export interface EventBus {
  /** The subscription's delivery job, for the job queue; remembers it as a listener of its event. */
  subscribe(sub: Subscription<any>): JobDefinition<any>;
  /** The delivery jobs of one announcement of an event (none when nobody listens or wants it). */
  deliveries(eventName: string, payload: unknown): string[];
}

// ---------- notifications (notifications.ts) ----------

export interface NotificationInput {
  congressId: string;
  accountIds: readonly string[];
  kind: string;
  title: LocalizedText;
  body: LocalizedText;
  link?: string | null;
}

export interface SmsGateway {
  send(phone: string, text: string): Promise<void>;
}
export interface MailSender {
  send(to: string, subject: string, text: string): Promise<void>;
}

export interface Notifier {
  /** Writes the inbox rows and queues delivery in the caller's transaction. */
  notify(db: Db, input: NotificationInput): Promise<void>;
  /** Texts a phone number that has no account (a citizen following an opinion), after commit. */
  sms(w: Pick<Writes, 'enqueue'>, congressId: string, phoneEnc: string, text: LocalizedText): Promise<void>;
  readonly smsGateway: SmsGateway;
  readonly mail: MailSender | null;
}
