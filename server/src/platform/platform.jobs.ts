// The platform's own recurring work: sealing the audit chain, pruning finished jobs and expired sessions, and
// vacuuming the tables rewritten all day where PostgreSQL's autovacuum does not run.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { pruneBackups, takeBackup } from '../db/backup';
import type { Database } from '../db/client';
import { sealAllAudit } from './audit';
import { checkpointLogOf } from './audit-checkpoints';
import { calendarNoticeReminderJob } from './calendar.jobs';
import { defineJob, type Schedule } from './jobs';

export const sealAuditJob = defineJob({
  name: 'audit.seal',
  payload: z.object({}).passthrough(),
  async handle(app) {
    await sealAllAudit(app.db, app.config.keys.audit);
    // Each congress's new head, signed, to the log outside the database (audit-checkpoints.ts).
    await checkpointLogOf(app.config.checkpoint)?.record(app.db);
  },
});

export const pruneJob = defineJob({
  name: 'platform.prune',
  payload: z.object({}).passthrough(),
  async handle(app) {
    const idleMinutes = app.config.security.sessionIdleMinutes;
    await app.db.execute(
      sql`DELETE FROM sessions WHERE last_seen_at < now() - make_interval(mins => ${idleMinutes})`,
    );
    await app.db.execute(
      sql`DELETE FROM jobs WHERE status = 'done' AND finished_at < now() - interval '7 days'`,
    );
    // What a job sent matters only while it may run again; a job done took its deliveries with it, and a
    // failed one keeps them until here.
    await app.db.execute(sql`DELETE FROM job_deliveries d WHERE NOT EXISTS (
      SELECT 1 FROM jobs j WHERE j.id = d.job_id AND j.status IN ('pending', 'running'))`);
    await app.db.execute(sql`DELETE FROM idempotency_keys WHERE created_at < now() - interval '1 day'`);
  },
});

/**
 * The platform's tables whose rows are updated or deleted all day: each job is claimed and closed, each audit
 * row's queue entry taken off at sealing, each session touched. Modules add theirs (`Module.churnedTables`).
 */
export const PLATFORM_CHURNED_TABLES = [
  'jobs',
  'job_deliveries',
  'audit_unsealed',
  'audit_chain_heads',
  'sessions',
  'idempotency_keys',
];

/**
 * Whether this database leaves dead rows to us: PGlite runs PostgreSQL in single-user mode, which has no
 * autovacuum, and a server may have it switched off (`autovacuum = off`).
 */
export async function lacksAutovacuum(database: Database): Promise<boolean> {
  if (database.kind === 'pglite') return true;
  const [row] = await database.query<{ on: boolean }>(
    "SELECT current_setting('autovacuum')::boolean AND current_setting('track_counts')::boolean AS on",
    [],
  );
  return !row.on;
}

/**
 * Autovacuum's rule, applied to the churned tables where nothing else applies it: VACUUM a table whose dead
 * rows exceed 50 + 20% of its live ones (PostgreSQL's defaults). Without it every update leaves its old row
 * and index entries behind: on a server with autovacuum off the job worker's claim read a thousand pages of
 * dead queue entries to find the next job, and marking three jobs done took a millisecond
 * (docs/PERFORMANCE.md, seventh pass); in PGlite the files would only grow.
 *
 * ANALYZE has a rule of its own: once the rows changed since the last one outnumber the live rows (50 + 100%).
 * It samples 30,000 rows whatever a table's size, and on the audit trail, with its two jsonb columns, that
 * took 370–460 ms against 155 ms for the VACUUM (eighth pass); run with every VACUUM, it was most of the
 * job's cost. These tables' plans go by keys and times, and VACUUM itself keeps their row counts current.
 */
export const vacuumJob = (tables: readonly string[]) =>
  defineJob({
    name: 'platform.vacuum',
    payload: z.object({}).passthrough(),
    async handle(app) {
      if (!(await lacksAutovacuum(app.database))) return;
      const due = await app.database.query<{ name: string; vacuum: boolean; analyze: boolean }>(
        // The names resolved as the migrations created them, through the connection's search_path.
        `SELECT relname AS name, n_dead_tup > 50 + 0.2 * n_live_tup AS vacuum,
           n_mod_since_analyze > 50 + n_live_tup AS analyze
         FROM pg_stat_user_tables
         WHERE relid IN (SELECT to_regclass(t) FROM unnest($1::text[]) AS t)
           AND (n_dead_tup > 50 + 0.2 * n_live_tup OR n_mod_since_analyze > 50 + n_live_tup)`,
        [tables],
      );
      // VACUUM runs outside a transaction; the names are the platform's and the modules' own constants.
      const list = (rows: typeof due) => rows.map((t) => `"${t.name}"`).join(', ');
      const both = due.filter((t) => t.vacuum && t.analyze);
      const vacuum = due.filter((t) => t.vacuum && !t.analyze);
      const analyze = due.filter((t) => !t.vacuum && t.analyze);
      await app.database.withConnection(async (conn) => {
        if (both.length) await conn.exec(`VACUUM (ANALYZE) ${list(both)}`);
        if (vacuum.length) await conn.exec(`VACUUM ${list(vacuum)}`);
        if (analyze.length) await conn.exec(`ANALYZE ${list(analyze)}`);
      });
    },
  });

/**
 * The scheduled backup (MINYI_BACKUP_*): taken inside the server, which holds PGlite open, then the oldest
 * beyond the number kept are removed. A failure fails the job (retried, then left failed for the operator).
 */
export const backupJob = defineJob({
  name: 'platform.backup',
  payload: z.object({}).passthrough(),
  async handle(app) {
    const { dir, keep } = app.config.backup;
    if (!dir) return;
    await takeBackup(app.database, dir);
    await pruneBackups(dir, keep);
  },
});

export const platformJobs = [sealAuditJob, pruneJob, calendarNoticeReminderJob, backupJob];
export const platformSchedules: Schedule[] = [
  { job: sealAuditJob.name, everyMs: 10_000 },
  { job: pruneJob.name, everyMs: 3_600_000 },
  { job: 'platform.vacuum', everyMs: 10_000 },
  { job: 'notifications.daily-digest', everyMs: 86_400_000 },
  { job: calendarNoticeReminderJob.name, everyMs: 86_400_000 },
];
