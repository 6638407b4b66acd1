// Escalation of a street's overdue items to its working committee (or the congress staff).
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs';
import { systemCtx, transact } from '../../../platform/context';
import { opinions } from '../opinions.table';
import { findEscalationAccountIds, getStreetWorkingCommittee } from '../opinions.repository';
import { addEvent } from '../opinions.repository';
import { listDue } from '../queries/due';

/**
 * Escalates a street's overdue items to its working committee (or the congress staff): an `escalated` event
 * on each item not yet escalated today, and one message for them all.
 */
export const escalateStreetJob = defineJob({
  name: 'opinions.escalateStreet',
  payload: z.object({ streetId: z.string(), day: z.string() }),
  async handle(app, { streetId, day }, job) {
    const congressId = job.congressId;
    if (!congressId) return;
    const ctx = systemCtx(app);
    await transact(ctx, async (w) => {
      // Locked, so that two escalations of one street (two sweeps on two instances) escalate each item once.
      const items = await w.db
        .select({ id: opinions.id, deadlineAt: opinions.deadlineAt, publicContent: opinions.publicContent })
        .from(opinions)
        .where(
          and(
            eq(opinions.congressId, congressId),
            eq(opinions.streetId, streetId),
            eq(opinions.status, 'forwarded'),
            lt(opinions.deadlineAt, new Date()),
            sql`NOT EXISTS (SELECT 1 FROM opinion_events e WHERE e.opinion_id = ${opinions.id}
              AND e.kind = 'escalated' AND e.data ->> 'day' = ${day})`,
          ),
        )
        .orderBy(asc(opinions.deadlineAt))
        .for('update');
      if (items.length === 0) return;
      const committee = await getStreetWorkingCommittee(w.db, congressId, streetId);
      for (const o of items) {
        await addEvent(w, { id: o.id, congressId }, ctx, {
          kind: 'escalated',
          isPublic: false,
          data: { day, workingCommitteeId: committee?.id ?? null },
        });
        await w.audit({
          action: 'opinion.escalate',
          entityType: 'opinion',
          entityId: o.id,
          congressId,
          after: { day },
        });
      }
      await app.notifier.notify(w.db, {
        congressId,
        accountIds: await findEscalationAccountIds(w.db, congressId, streetId),
        kind: 'opinion.escalated',
        title: committee
          ? {
              zh: `超期督办：${committee.name}`,
              en: 'Overdue opinions escalated to the street working committee',
            }
          : { zh: '超期督办', en: 'Overdue opinions escalated' },
        body: {
          zh: `${items.length} 件群众意见超过办理期限：${listDue(items)}`,
          en: `${items.length} citizen opinion(s) past their deadline.`,
        },
        link: `/opinions/workbench?due=overdue&streetId=${streetId}`,
      });
    });
  },
});
