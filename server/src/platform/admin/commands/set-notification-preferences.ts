// Sets how I receive notifications: email, SMS, or a daily digest instead of single messages.
import { transact, type Ctx } from '../../context';
import { notificationPreferences } from '../../platform.table';
import { getNotificationPreferences } from '../queries/find-notifications';

export interface NotificationPreferences {
  email: boolean;
  sms: boolean;
  dailyDigest: boolean;
}

export async function setNotificationPreferences(ctx: Ctx, prefs: NotificationPreferences) {
  const actor = ctx.actor!;
  return transact(ctx, async (w) => {
    const before = await getNotificationPreferences(w.db, actor.accountId);
    await w.db
      .insert(notificationPreferences)
      .values({ accountId: actor.accountId, congressId: actor.congressId, ...prefs })
      .onConflictDoUpdate({
        target: notificationPreferences.accountId,
        set: { ...prefs, updatedAt: new Date() },
      });
    await w.audit({
      action: 'notificationPreferences.set',
      entityType: 'account',
      entityId: actor.accountId,
      before,
      after: prefs,
    });
    return prefs;
  });
}
