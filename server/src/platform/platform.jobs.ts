// The platform's own recurring work: sealing the audit chain, and pruning finished jobs and expired sessions.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { sealAllAudit } from './audit';
import { defineJob, type Schedule } from './jobs';

export const sealAuditJob = defineJob({
  name: 'audit.seal',
  payload: z.object({}).passthrough(),
  async handle(app) {
    await sealAllAudit(app.db, app.config.keys.audit);
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
    await app.db.execute(sql`DELETE FROM idempotency_keys WHERE created_at < now() - interval '1 day'`);
  },
});

export const platformJobs = [sealAuditJob, pruneJob];
export const platformSchedules: Schedule[] = [
  { job: sealAuditJob.name, everyMs: 10_000 },
  { job: pruneJob.name, everyMs: 3_600_000 },
  { job: 'notifications.daily-digest', everyMs: 86_400_000 },
];
