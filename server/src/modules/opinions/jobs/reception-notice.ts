// Tells the deputies of a scheduled reception about it (after it was scheduled).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs';
import { receptionDeputies, receptions } from '../opinions.table';
import { findAccountIdsForDeputies } from '../../registry';

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
