// What every command and query receives: the services, who is acting, and where the request came from.
// `transact` is the one way to change state: the audit row and the side-effect jobs commit with the change.
import type { Database } from '../db/client';
import { auditRows } from './audit';
import { jobWrite } from './jobs';
import type { AppError } from './errors';
import {
  asCtes,
  asOne,
  insertOf,
  join,
  prepared,
  stmt,
  toDrizzle,
  type RowWrite,
  type Statement,
} from './statement';
import type { AppServices, Ctx, EnqueueOptions, RequestMeta, Work, Writes } from './types';

// The shared types live in the leaf types.ts (no import cycle, type-only ones included); re-exported here,
// where use cases have always imported them.
export type { Actor, AppServices, Ctx, RequestMeta, Work, Writes } from './types';

/** A job enqueued by a use case, not yet written (see collectWrites). */
export interface QueuedJob {
  name: string;
  payload: unknown;
  /** With congressId always set (the actor's congress when the caller gave none). */
  opts: EnqueueOptions & { congressId: string | null };
}

/** Collects the rows to insert and writes them as one statement (data-modifying CTEs): one round trip. */
function writeBuffer(ctx: Ctx) {
  const pending: RowWrite[] = [];
  const queued: QueuedJob[] = [];
  const enqueue = (name: string, payload: unknown, opts?: EnqueueOptions) => {
    queued.push({
      name,
      payload,
      opts: { ...opts, congressId: opts?.congressId ?? ctx.actor?.congressId ?? null },
    });
    return Promise.resolve();
  };
  const writes: Writes = {
    app: ctx.app,
    audit: (entry) => {
      pending.push(...auditRows(ctx, entry));
      return Promise.resolve();
    },
    enqueue,
    publish: async (event, payload, opts) => {
      const checked = event.payload.parse(payload);
      for (const job of ctx.app.events.deliveries(event.name, checked)) await enqueue(job, checked, opts);
    },
    insert: (table, rows) => void pending.push({ table, rows: Array.isArray(rows) ? rows : [rows] }),
  };
  return {
    writes,
    get enqueued() {
      return queued.length > 0;
    },
    /** The pending rows and the queued jobs, as they are; empties the buffer. */
    drain: () => ({ rows: pending.splice(0), jobs: queued.splice(0) }),
    /** The pending rows with the jobs' as one statement, or null when there are none; empties the buffer. */
    take(guard?: Guard): Statement | null {
      const jobs = queued.splice(0).map((j) => jobWrite(j.name, j.payload, j.opts));
      return writtenAtOnce([...pending.splice(0), ...jobs].map(insertOf), guard);
    },
  };
}

/** Deferred INSERTs (and a guard) as one statement, or null when there is nothing to write. */
function writtenAtOnce(writes: readonly Statement[], guard?: Guard): Statement | null {
  if (guard) {
    const ctes = writes.length > 0 ? join([guard.ctes, asCtes(writes)], ', ') : guard.ctes;
    return stmt`WITH ${ctes} ${guard.check}`;
  }
  return writes.length === 0 ? null : asOne(writes);
}

/**
 * Runs a use case whose writes are all INSERTs made through `insert`, `audit` and `enqueue`, and returns its
 * result with the rows and the queued jobs as data, unwritten: for a caller that writes them with other
 * requests' (see opinions/commands/submit-public-opinion.ts; `jobWrite` makes a job's row). `writeAtOnce`
 * writes them at once.
 */
export async function collectWrites<T>(
  ctx: Ctx,
  fn: (writes: Writes) => T | Promise<T>,
): Promise<{ out: T; rows: RowWrite[]; jobs: QueuedJob[] }> {
  const buffer = writeBuffer(ctx);
  const out = await fn(buffer.writes);
  return { out, ...buffer.drain() };
}

export async function transact<T>(ctx: Ctx, fn: (work: Work) => Promise<T>): Promise<T> {
  const buffer = writeBuffer(ctx);
  const result = await ctx.app.db.transaction(async (tx) => {
    const out = await fn({ ...buffer.writes, db: tx });
    const statement = buffer.take();
    if (statement) await tx.execute(toDrizzle(statement));
    return out;
  });
  if (buffer.enqueued) ctx.app.jobs.nudge();
  return result;
}

/**
 * For a use case whose writes are all INSERTs made through `insert`, `audit` and `enqueue` (its checks
 * done before): the writes go to the database as one statement, atomic without BEGIN and COMMIT. Used
 * where a request's round trips are its cost (the public opinion form).
 */
export async function writeAtOnce<T>(
  ctx: Ctx,
  fn: (writes: Writes) => T | Promise<T>,
  guard?: Guard,
): Promise<T> {
  const buffer = writeBuffer(ctx);
  const out = await fn(buffer.writes);
  const statement = buffer.take(guard);
  if (statement) await runGuarded(ctx.app.database, statement, guard);
  if (buffer.enqueued) ctx.app.jobs.nudge();
  return out;
}

/**
 * A condition checked inside the writing statement itself: `ctes` (e.g. a counter upsert) and `check`, a
 * SELECT that calls `minyi_refuse('<code>')` (migration 0003) to abort the statement; the code maps to
 * the error the client gets. Nothing in the statement is written when it refuses.
 */
export interface Guard {
  ctes: Statement;
  check: Statement;
  /** The error for a refusal code (undefined: not this guard's, the database error stands). */
  refusal(code: string): AppError | undefined;
}

/** Runs a statement on the pool (prepared), turning a guard's `minyi_refused:<code>` into that guard's error. */
export async function runGuarded(database: Database, statement: Statement, guard?: Guard) {
  try {
    return await database.query(...prepared(statement));
  } catch (err) {
    const code = refusedCode(err);
    const refusal = code && guard?.refusal(code);
    if (refusal) throw refusal;
    throw err;
  }
}

function refusedCode(err: unknown): string | null {
  for (let e = err as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    const m = /minyi_refused:([\w.-]+)/.exec(e.message ?? '');
    if (m) return m[1];
  }
  return null;
}

/** A context for work the system does by itself (jobs, seeding, CLI). */
export function systemCtx(app: AppServices, meta: Partial<RequestMeta> = {}): Ctx {
  return { app, actor: null, meta: { ip: meta.ip ?? 'system', requestId: meta.requestId ?? 'system' } };
}
