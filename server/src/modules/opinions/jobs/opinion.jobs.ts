// Side effects of the opinion loop, run after commit (texts to the citizen go straight to the SMS job): notices
// of receptions to their deputies, and the deadline sweep: a daily digest to each lead unit of its items due
// soon or overdue, and the escalation of overdue items to their street's working committee, once a day each.
import { and, asc, eq, lt, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { shanghaiDate } from '@minyi/domain/calendar';
import { defineJob, enqueueJobs } from '../../../platform/jobs';
import { systemCtx, transact } from '../../../platform/context';
import { dueSoonBound } from '../queries/due';
import { opinions, receptionDeputies, receptions } from '../opinions.table';
import { findAccountIdsForDeputies, findAccountIdsForUnit } from '../../registry';
import { findEscalationAccountIds, getStreetWorkingCommittee } from '../opinions.lookups';
import { addEvent } from '../opinions.repository';

export const receptionNoticeJob = defineJob({
  name: 'opinions.receptionNotice',
  payload: z.object({ receptionId: z.string() }),
  async handle(app, { receptionId }) {
    const [r] = await app.db.select().from(receptions).where(eq(receptions.id, receptionId));
    if (!r || r.status !== 'scheduled') return;
    const ds = await app.db
      .select({ id: receptionDeputies.deputyId })
      .from(receptionDeputies)
      .where(eq(receptionDeputies.receptionId, receptionId));
    if (ds.length === 0) return;
    const accountIds = await findAccountIdsForDeputies(
      app.db,
      r.congressId,
      ds.map((d) => d.id),
    );
    const when = r.startsAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });
    await app.db.transaction(async (tx) => {
      await app.notifier.notify(tx as never, {
        congressId: r.congressId,
        accountIds,
        kind: 'reception.scheduled',
        title: { zh: '接待安排通知', en: 'You are scheduled for a reception' },
        body: {
          zh: `${when} 进站接待群众${r.topic ? `：${r.topic}` : ''}`,
          en: `Reception at ${r.startsAt.toISOString()}`,
        },
        link: `/receptions/${r.id}`,
      });
    });
  },
});

/**
 * Scheduled (hourly): finds the forwarded items due soon or overdue, and queues a digest for each lead unit
 * that has any (once a day) and an escalation for each street that has overdue ones. A unit with two hundred
 * overdue items gets one message a day listing them, not two hundred; deadlines fall at the end of a day, so
 * an item turns overdue at midnight and the first sweep of the day finds it.
 */
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

/** Items listed in a digest's text (all of them are in the linked queue). */
const DIGEST_LISTED = 5;
const listed = (items: { deadlineAt: Date | null; publicContent: string }[]) =>
  items
    .slice(0, DIGEST_LISTED)
    .map((o) => `${o.deadlineAt ? shanghaiDate(o.deadlineAt) : ''} ${o.publicContent.slice(0, 30)}`)
    .join('；') + (items.length > DIGEST_LISTED ? ` 等 ${items.length} 件` : '');

/** A lead unit's daily digest of its items overdue and due soon. */
export const remindUnitJob = defineJob({
  name: 'opinions.remindUnit',
  payload: z.object({ unitId: z.string(), day: z.string() }),
  async handle(app, { unitId, day }, job) {
    const congressId = job.congressId;
    if (!congressId) return;
    const now = new Date();
    const dueSoonFrom = await dueSoonBound(app, congressId, now);
    const items = await app.db
      .select({ id: opinions.id, deadlineAt: opinions.deadlineAt, publicContent: opinions.publicContent })
      .from(opinions)
      .where(
        and(
          eq(opinions.congressId, congressId),
          eq(opinions.leadUnitId, unitId),
          eq(opinions.status, 'forwarded'),
          lte(opinions.deadlineAt, dueSoonFrom),
        ),
      )
      .orderBy(asc(opinions.deadlineAt));
    if (items.length === 0) return;
    const overdue = items.filter((o) => o.deadlineAt! < now);
    const dueSoon = items.filter((o) => o.deadlineAt! >= now);
    await transact(systemCtx(app), async (w) => {
      await app.notifier.notify(w.db, {
        congressId,
        accountIds: await findAccountIdsForUnit(w.db, congressId, unitId),
        kind: overdue.length ? 'opinion.overdue' : 'opinion.dueSoon',
        title: overdue.length
          ? {
              zh: `${overdue.length} 件群众意见已超期${dueSoon.length ? `，${dueSoon.length} 件即将到期` : ''}`,
              en: `${overdue.length} citizen opinion(s) overdue${dueSoon.length ? `, ${dueSoon.length} due soon` : ''}`,
            }
          : {
              zh: `${dueSoon.length} 件群众意见即将到期`,
              en: `${dueSoon.length} citizen opinion(s) due soon`,
            },
        body: {
          zh: `办理期限：${listed(items)}`,
          en: `${items.length} item(s) by deadline, earliest first; open the queue to see them all.`,
        },
        link: `/opinions/workbench?due=${overdue.length ? 'overdue' : 'dueSoon'}`,
      });
      await w.audit({
        action: 'opinion.remindUnit',
        entityType: 'handlingUnit',
        entityId: unitId,
        congressId,
        after: { day, overdue: overdue.length, dueSoon: dueSoon.length },
      });
    });
  },
});

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
          zh: `${items.length} 件群众意见超过办理期限：${listed(items)}`,
          en: `${items.length} citizen opinion(s) past their deadline.`,
        },
        link: `/opinions/workbench?due=overdue&streetId=${streetId}`,
      });
    });
  },
});

export const opinionJobs = [receptionNoticeJob, sweepDeadlinesJob, remindUnitJob, escalateStreetJob];
export const opinionSchedules = [{ job: sweepDeadlinesJob.name, everyMs: 3_600_000 }];
