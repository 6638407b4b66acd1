// What every command and query receives: the services, who is acting, and where the request came from.
// `transact` is the one way to change state: the audit row and the side-effect jobs commit with the change.
import type { Role } from '@minyi/domain';
import type { Config } from '../config';
import type { Database, Db } from '../db/client';
import { writeAudit, type AuditEntry } from './audit';
import { enqueueJob, type EnqueueOptions, type JobQueue } from './jobs';
import type { Pii } from './pii';
import type { FileStorage } from './files';
import type { Notifier } from './notifications';
import type { Calendar } from './calendar';

export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  roles: Role[];
  congressId: string;
  deputyId: string | null;
  handlingUnitId: string | null;
  /** How the request authenticated. */
  via: 'session' | 'token';
}

export interface RequestMeta {
  ip: string;
  requestId: string;
}

export interface AppServices {
  config: Config;
  database: Database;
  db: Db;
  pii: Pii;
  jobs: JobQueue;
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

/** A transaction with the platform's write-side helpers bound to it. */
export interface Work {
  db: Db;
  /** The services, for use cases called from another module with only a Work in hand. */
  app: AppServices;
  /** Records the change; congressId defaults to the actor's. */
  audit(entry: AuditEntry): Promise<void>;
  /** Runs `name` after commit (never if the transaction rolls back). */
  enqueue(name: string, payload: unknown, opts?: EnqueueOptions): Promise<void>;
}

export async function transact<T>(ctx: Ctx, fn: (work: Work) => Promise<T>): Promise<T> {
  let enqueued = false;
  const result = await ctx.app.db.transaction(async (tx) => {
    const work: Work = {
      db: tx,
      app: ctx.app,
      audit: (entry) => writeAudit(tx, ctx, entry),
      enqueue: async (name, payload, opts) => {
        enqueued = true;
        await enqueueJob(tx, name, payload, {
          congressId: opts?.congressId ?? ctx.actor?.congressId ?? null,
          ...opts,
        });
      },
    };
    return fn(work);
  });
  if (enqueued) ctx.app.jobs.nudge();
  return result;
}

/** A context for work the system does by itself (jobs, seeding, CLI). */
export function systemCtx(app: AppServices, meta: Partial<RequestMeta> = {}): Ctx {
  return { app, actor: null, meta: { ip: meta.ip ?? 'system', requestId: meta.requestId ?? 'system' } };
}
