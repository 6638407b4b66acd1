// A database-backed job queue (transactional outbox). Jobs are inserted in the transaction of the change
// that causes them, so they exist exactly when the change committed; workers claim them with
// FOR UPDATE SKIP LOCKED, so any number of instances share the queue. Handlers must be idempotent:
// a job whose worker died is retried after its lock expires. Each job is marked done as it finishes, so a
// worker that dies mid-batch leaves only the job under way and those after it to run again; a job that
// sends several messages sends each through `job.once`, so the retry sends only what was not sent.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/client';
import type { AppServices, EnqueueOptions, JobDefinition, JobQueue, JobRun, Schedule } from './types';
import { newId } from './ids';
import { insertOf, insertRows, prepared, stmt, toDrizzle, type RowWrite } from './statement';
import { jobs } from './platform.table';

export type { EnqueueOptions, JobDefinition, JobQueue, JobRun, Schedule } from './types';

export const defineJob = <S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> => def;

/** The row of one job (a second with the same dedupe key is ignored: see jobWrite). */
export const jobRow = (name: string, payload: unknown, opts: EnqueueOptions) => ({
  id: newId(),
  congressId: opts.congressId ?? null,
  name,
  payload: payload ?? {},
  runAt: opts.runAt ?? new Date(),
  dedupeKey: opts.dedupeKey ?? null,
  maxAttempts: opts.maxAttempts ?? 5,
});

/** One job as data (a second with the same dedupe key is ignored); written by the caller. */
export const jobWrite = (name: string, payload: unknown, opts: EnqueueOptions = {}): RowWrite => ({
  table: jobs,
  rows: [jobRow(name, payload, opts)],
  ignoreConflicts: true,
});

/** The INSERT of one job (a second with the same dedupe key is ignored); executed by the caller. */
export const jobInsert = (name: string, payload: unknown, opts: EnqueueOptions = {}) =>
  insertOf(jobWrite(name, payload, opts));

/** Rows per statement of `enqueueJobs` (seven parameters each, well under PostgreSQL's 65,535). */
const ENQUEUE_CHUNK = 500;

/**
 * Many jobs in a few statements, outside any transaction of the caller's (a sweep's reminders): a job whose
 * dedupe key is taken is skipped, as `enqueueJob` skips it.
 */
export async function enqueueJobs(
  db: Db,
  list: readonly { name: string; payload: unknown; opts?: EnqueueOptions }[],
): Promise<void> {
  for (let from = 0; from < list.length; from += ENQUEUE_CHUNK) {
    const rows = list.slice(from, from + ENQUEUE_CHUNK).map((j) => jobRow(j.name, j.payload, j.opts ?? {}));
    await db.execute(toDrizzle(insertRows(jobs, rows, stmt`ON CONFLICT DO NOTHING`)));
  }
}

export async function enqueueJob(
  db: Db,
  name: string,
  payload: unknown,
  opts: EnqueueOptions = {},
): Promise<void> {
  await db.execute(toDrizzle(jobInsert(name, payload, opts)));
}

/** A claimed job's view of itself, with the deliveries of its earlier runs read once, when first needed. */
function jobRun(app: AppServices, row: Record<string, unknown>): JobRun {
  const id = row.id as string;
  const attempts = Number(row.attempts);
  const congressId = (row.congress_id as string | null) ?? null;
  let recorded: Promise<Set<string>> | null = null;
  return {
    id,
    attempts,
    congressId,
    async once(key, send) {
      // A first run has sent nothing yet: only a retry reads what was sent.
      if (attempts > 1) {
        recorded ??= app.database
          .query<{ key: string }>(...prepared(stmt`SELECT key FROM job_deliveries WHERE job_id = ${id}`))
          .then((rows) => new Set(rows.map((r) => r.key)));
        if ((await recorded).has(key)) return false;
      }
      await send();
      await app.database.queryUnsynced(
        ...prepared(stmt`INSERT INTO job_deliveries (job_id, congress_id, key) VALUES (${id}, ${congressId}, ${key})
          ON CONFLICT DO NOTHING`),
      );
      return true;
    },
  };
}

const LOCK_SECONDS = 300;
/** Jobs claimed by one statement. */
const CLAIM_BATCH = 50;
/**
 * How long a nudged worker waits for more commits before its pass: under load, each pass costs its
 * statements once for every job committed meanwhile (the public form commits a few hundred batches a
 * second; bench/opinions.bench.ts).
 */
const NUDGE_DELAY_MS = 100;

export function createJobQueue(
  getApp: () => AppServices,
  pollMs: number,
  log: (msg: string, err?: unknown) => void,
): JobQueue {
  const handlers = new Map<string, JobDefinition<any>>();
  const schedules: Schedule[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;
  /** Set by stop(): a pass under way finishes the batch it claimed and claims no more. */
  let stopping = false;
  let wake = false;
  let nudged = false;

  /** The slot each schedule was last enqueued for by this instance (the dedupe key covers the others). */
  const enqueuedSlots = new Map<Schedule, number>();

  async function enqueueSchedules(db: Db) {
    const now = Date.now();
    for (const s of schedules) {
      const slot = Math.floor(now / s.everyMs);
      if (enqueuedSlots.get(s) === slot) continue;
      await enqueueJob(db, s.job, s.payload ?? {}, { dedupeKey: `schedule:${s.job}:${slot}` });
      enqueuedSlots.set(s, slot);
    }
  }

  /**
   * Claims due jobs, and returns them in the order they are to run: oldest first (RETURNING alone gives them
   * in whatever order the rows were updated). A named statement: PostgreSQL plans it once per connection.
   */
  async function claim(app: AppServices, batch: number) {
    return app.database.query<Record<string, unknown>>(
      ...prepared(stmt`
      WITH claimed AS (
        UPDATE jobs SET status = 'running', attempts = attempts + 1,
          locked_until = now() + make_interval(secs => ${LOCK_SECONDS})
        WHERE id IN (
          SELECT id FROM jobs
          WHERE (status = 'pending' AND run_at <= now()) OR (status = 'running' AND locked_until < now())
          ORDER BY run_at
          LIMIT ${batch}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, name, payload, attempts, max_attempts, congress_id, run_at)
      SELECT id, name, payload, attempts, max_attempts, congress_id FROM claimed ORDER BY run_at`),
    );
  }

  /** Runs one claimed job and marks it done, or reschedules it (or marks it failed) when it threw. */
  async function runOne(app: AppServices, row: Record<string, unknown>): Promise<void> {
    const id = row.id as string;
    const def = handlers.get(row.name as string);
    try {
      if (!def) throw new Error(`no handler for job ${String(row.name)}`);
      const payload = def.payload.parse(row.payload);
      await def.handle(app, payload, jobRun(app, row));
    } catch (err) {
      const attempts = Number(row.attempts);
      const failed = attempts >= Number(row.max_attempts);
      log(`job ${String(row.name)} ${id} failed (attempt ${attempts})`, err);
      // Exponential backoff: 2, 4, 8 … seconds.
      await app.db.execute(sql`
        UPDATE jobs SET status = ${failed ? 'failed' : 'pending'}, last_error = ${String(err instanceof Error ? (err.stack ?? err.message) : err)},
          locked_until = NULL, run_at = now() + make_interval(secs => ${2 ** attempts}),
          finished_at = ${failed ? sql`now()` : sql`NULL`}
        WHERE id = ${id}`);
      return;
    }
    // Done as soon as it finished, not with the rest of its batch: a worker that dies later in the batch
    // leaves this job done. What it sent no longer matters: its deliveries go in the same statement (a
    // named one, planned once per connection).
    await app.database.queryUnsynced(
      ...prepared(stmt`WITH sent AS (DELETE FROM job_deliveries WHERE job_id = ${id})
        UPDATE jobs SET status = 'done', finished_at = now(), locked_until = NULL WHERE id = ${id}`),
    );
  }

  /**
   * Claims and runs batches of due jobs. `chase` (tests, the default): until a claim finds none, so jobs
   * the handlers queue run too. The worker's pass ends after a claim that found less than a full batch:
   * under a steady stream of commits, chasing them made a claim and a closing statement for every two or
   * three jobs (docs/PERFORMANCE.md, eighth pass); what arrives meanwhile nudges the next pass.
   */
  async function drain(limit = Infinity, chase = true): Promise<number> {
    const app = getApp();
    await enqueueSchedules(app.db);
    let ran = 0;
    let full = true;
    while (ran < limit && !stopping && (chase || full)) {
      const want = Math.min(CLAIM_BATCH, limit - ran);
      const rows = await claim(app, want);
      if (rows.length === 0) break;
      full = rows.length === want;
      for (const row of rows) await runOne(app, row);
      ran += rows.length;
    }
    return ran;
  }

  function loop() {
    if (stopped) return;
    wake = false;
    nudged = false;
    running = drain(Infinity, false)
      .catch((err) => log('job worker pass failed', err))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(loop, wake ? NUDGE_DELAY_MS : pollMs);
      });
  }

  return {
    register: (def) => void handlers.set(def.name, def),
    schedule: (s) => void schedules.push(s),
    nudge() {
      if (stopped) return;
      if (running) wake = true;
      else if (timer && !nudged) {
        // Coalesce: commits within NUDGE_DELAY_MS share one pass (one claim for a batch of jobs).
        clearTimeout(timer);
        nudged = true;
        timer = setTimeout(loop, NUDGE_DELAY_MS);
      }
    },
    drain,
    start() {
      if (pollMs <= 0 || !stopped) return;
      stopped = false;
      timer = setTimeout(loop, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      // A long queue (a day's reminders, say) must not hold up shutdown: the pass ends after its batch, and
      // what is left stays pending for the next start or another instance.
      stopping = true;
      try {
        await running;
      } finally {
        stopping = false;
      }
    },
  };
}
