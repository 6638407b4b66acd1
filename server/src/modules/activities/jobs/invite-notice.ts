// Tells the deputies invited to an activity about it, in the app (after the invitation was committed).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs';
import { findAccountIdsForDeputies } from '../../registry';
import { activities } from '../activities.table';

export const INVITE_NOTICE_JOB = 'activities.inviteNotice';

export const inviteNoticeJob = defineJob({
  name: INVITE_NOTICE_JOB,
  payload: z.object({ activityId: z.string(), deputyIds: z.array(z.string()) }),
  async handle(app, { activityId, deputyIds }) {
    const [a] = await app.db.select().from(activities).where(eq(activities.id, activityId));
    if (!a || deputyIds.length === 0) return;
    const accountIds = await findAccountIdsForDeputies(app.db, a.congressId, deputyIds);
    if (accountIds.length === 0) return;
    const when = a.startsAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });
    await app.db.transaction(async (tx) => {
      await app.notifier.notify(tx as never, {
        congressId: a.congressId,
        accountIds,
        kind: 'activity.invited',
        title: { zh: '代表活动通知', en: 'You are invited to an activity' },
        body: { zh: `${when}：${a.title}`, en: `${a.startsAt.toISOString()}: ${a.title}` },
        link: `/activities/${a.id}`,
      });
    });
  },
});
