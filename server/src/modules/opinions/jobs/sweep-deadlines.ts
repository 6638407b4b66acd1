// The hourly deadline sweep: per congress, a digest job for each lead unit with items due soon or overdue,
// and an escalation job for each street with overdue items (each at most once a day).
import { and, eq, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { shanghaiDate } from '@minyi/domain/calendar';
import { defineJob, enqueueJobs } from '../../../platform/jobs';
import { dueSoonBound } from '../queries/due';
import { opinions } from '../opinions.table';
import { remindUnitJob } from './remind-unit';
import { escalateStreetJob } from './escalate-street';

export const sweepDeadlinesJob = defineJob({
  name: 'opinions.sweepDeadlines',
  payload: z.object({}).passthrough(),
  async handle(app) {
    const now = new Date();
    const day = shanghaiDate(now);
    const congresses = await app.db
      .selectDistinct({ id: opinions.congressId })
      .from(opinions)
      .where(eq(opinions.status, 'forwarded'));
    for (const { id: congressId } of congresses) {
      const dueSoonFrom = await dueSoonBound(app, congressId, now);
      const due = await app.db
        .selectDistinct({
          unitId: opinions.leadUnitId,
          streetId: opinions.streetId,
          overdue: sql<boolean>`${opinions.deadlineAt} < ${now}`,
        })
        .from(opinions)
        .where(
          and(
            eq(opinions.congressId, congressId),
            eq(opinions.status, 'forwarded'),
            lte(opinions.deadlineAt, dueSoonFrom),
          ),
        );
      const units = new Set(due.flatMap((d) => (d.unitId ? [d.unitId] : [])));
      const streets = new Set(due.filter((d) => d.overdue).map((d) => d.streetId));
      await enqueueJobs(app.db, [
        ...[...units].map((unitId) => ({
          name: remindUnitJob.name,
          payload: { unitId, day },
          opts: { congressId, dedupeKey: `opinion-remind:${unitId}:${day}` },
        })),
        // No key: the job escalates only the items not yet escalated today, under their row locks.
        ...[...streets].map((streetId) => ({
          name: escalateStreetJob.name,
          payload: { streetId, day },
          opts: { congressId },
        })),
      ]);
    }
  },
});
