// Side effects of the opinion loop, run after commit (texts to the citizen go straight to the SMS job): notices of receptions to their
// deputies, and the daily deadline sweep (reminders to units, escalation of overdue items to the street
// working committee), idempotent through one dedupe key per item per day.
import { and, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import { shanghaiDate } from '@minyi/domain/calendar';
import { defineJob, enqueueJobs } from '../../../platform/jobs';
import { systemCtx, transact } from '../../../platform/context';
import { opinions, receptionDeputies, receptions } from '../opinions.table';
import { findAccountIdsForDeputies, findAccountIdsForUnit } from '../../registry';
import { findEscalationAccountIds, getStreetWorkingCommittee } from '../opinions.lookups';
import { addEvent, readOpinionSettings } from '../opinions.repository';

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

/** Scheduled: finds items due soon or overdue and queues one reminder or escalation per item per day. */
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
      const settings = await readOpinionSettings(app.db, congressId);
      const dueSoonFrom = await app.calendar.workingDaysAfter(congressId, now, settings.dueSoonWorkingDays);
      const rows = await app.db
        .select({ id: opinions.id, deadlineAt: opinions.deadlineAt })
        .from(opinions)
        .where(
          and(
            eq(opinions.congressId, congressId),
            eq(opinions.status, 'forwarded'),
            lte(opinions.deadlineAt, dueSoonFrom),
          ),
        );
      // A few statements however many are due (500 reminders each), not one per item.
      await enqueueJobs(
        app.db,
        rows.map((r) => {
          const kind = r.deadlineAt! < now ? 'overdue' : 'dueSoon';
          return {
            name: remindOpinionJob.name,
            payload: { opinionId: r.id, kind, day },
            opts: { congressId, dedupeKey: `opinion-${kind}:${r.id}:${day}` },
          };
        }),
      );
    }
  },
});

export const remindOpinionJob = defineJob({
  name: 'opinions.remind',
  payload: z.object({ opinionId: z.string(), kind: z.enum(['dueSoon', 'overdue']), day: z.string() }),
  async handle(app, { opinionId, kind, day }) {
    const [o] = await app.db.select().from(opinions).where(eq(opinions.id, opinionId));
    if (!o || o.status !== 'forwarded' || !o.leadUnitId) return;
    const ctx = systemCtx(app);
    await transact(ctx, async (w) => {
      const unitAccounts = await findAccountIdsForUnit(w.db, o.congressId, o.leadUnitId!);
      const link = `/opinions/unit/${o.id}`;
      const deadline = o.deadlineAt ? shanghaiDate(o.deadlineAt) : '';
      await app.notifier.notify(w.db, {
        congressId: o.congressId,
        accountIds: unitAccounts,
        kind: `opinion.${kind}`,
        title:
          kind === 'overdue'
            ? { zh: '群众意见已超期', en: 'A citizen opinion is overdue' }
            : { zh: '群众意见即将到期', en: 'A citizen opinion is due soon' },
        body: { zh: `办理期限 ${deadline}：${o.publicContent.slice(0, 60)}`, en: `Deadline ${deadline}` },
        link,
      });
      if (kind === 'overdue') {
        const committee = await getStreetWorkingCommittee(w.db, o.congressId, o.streetId);
        await app.notifier.notify(w.db, {
          congressId: o.congressId,
          accountIds: await findEscalationAccountIds(w.db, o.congressId, o.streetId),
          kind: 'opinion.escalated',
          title: committee
            ? {
                zh: `超期督办：${committee.name}`,
                en: 'Overdue opinion escalated to the street working committee',
              }
            : { zh: '超期督办', en: 'Overdue opinion escalated' },
          body: {
            zh: `办理期限 ${deadline} 已过：${o.publicContent.slice(0, 60)}`,
            en: `Deadline ${deadline} passed`,
          },
          link: `/opinions/triage/${o.id}`,
        });
        await addEvent(w, o, ctx, {
          kind: 'escalated',
          isPublic: false,
          data: { day, workingCommitteeId: committee?.id ?? null },
        });
      }
      await w.audit({
        action: `opinion.${kind === 'overdue' ? 'escalate' : 'remind'}`,
        entityType: 'opinion',
        entityId: o.id,
        congressId: o.congressId,
        after: { day },
      });
    });
  },
});

export const opinionJobs = [receptionNoticeJob, sweepDeadlinesJob, remindOpinionJob];
export const opinionSchedules = [{ job: sweepDeadlinesJob.name, everyMs: 3_600_000 }];
