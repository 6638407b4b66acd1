// Each November and December, while next year has no confirmed notice, the system administrators of each
// congress are reminded once a week to enter the State Council's notice (published each November); until
// they do, next year's deadlines are provisional.
import { shanghaiDate } from '@minyi/domain/calendar';
import { and, eq, gte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { systemCtx, transact } from './context';
import { defineJob } from './jobs';
import { accountRoles, congresses, notifications } from './platform.table';

export const NOTICE_REMINDER_KIND = 'calendar.noticeDue';
/** The month from which next year's notice is awaited (the State Council publishes it in November). */
export const NOTICE_REMINDER_FROM_MONTH = 11;
const REMIND_EVERY_DAYS = 7;

export const calendarNoticeReminderJob = defineJob({
  name: 'calendar.notice-reminder',
  payload: z.object({ today: z.iso.date().optional() }).passthrough(),
  async handle(app, { today = shanghaiDate(new Date()) }) {
    if (Number(today.slice(5, 7)) < NOTICE_REMINDER_FROM_MONTH) return;
    const next = Number(today.slice(0, 4)) + 1;
    // Half a day short of the week, so a daily run that starts a little earlier still sends the seventh day.
    const since = new Date(Date.now() - (REMIND_EVERY_DAYS - 0.5) * 86_400_000);
    for (const { id: congressId } of await app.db.select({ id: congresses.id }).from(congresses)) {
      if (!(await app.calendar.year(congressId, next)).provisional) continue;
      const [recent] = await app.db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(
          and(
            eq(notifications.congressId, congressId),
            eq(notifications.kind, NOTICE_REMINDER_KIND),
            gte(notifications.createdAt, since),
          ),
        );
      if (recent.n > 0) continue;
      const admins = await app.db
        .select({ id: accountRoles.accountId })
        .from(accountRoles)
        .where(and(eq(accountRoles.congressId, congressId), eq(accountRoles.role, 'systemAdmin')));
      if (admins.length === 0) continue;
      await transact(systemCtx(app), async (w) => {
        await app.notifier.notify(w.db, {
          congressId,
          accountIds: admins.map((a) => a.id),
          kind: NOTICE_REMINDER_KIND,
          title: {
            zh: `请录入 ${next} 年节假日安排通知`,
            en: `Enter the ${next} public-holiday notice`,
          },
          body: {
            zh: `${next} 年的国务院节假日安排通知尚未录入，落在该年的办理期限暂按法定节假日计算，仅为暂定。通知发布后请及时录入。`,
            en: `The State Council's holiday notice for ${next} has not been entered. Deadlines that fall in ${next} count the statutory holidays only and are provisional until it is.`,
          },
          link: `/admin/calendar?year=${next}`,
        });
        await w.audit({
          action: 'calendar.noticeReminder',
          entityType: 'calendar',
          entityId: String(next),
          congressId,
          after: { year: next, recipients: admins.length },
        });
      });
    }
  },
});
