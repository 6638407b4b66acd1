// A lead unit's daily digest of its items overdue and due soon.
import { and, asc, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs';
import { systemCtx, transact } from '../../../platform/context';
import { dueSoonBound } from '../queries/due';
import { opinions } from '../opinions.table';
import { findAccountIdsForUnit } from '../../registry';
import { listDue } from '../queries/due';

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
          zh: `办理期限：${listDue(items)}`,
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
