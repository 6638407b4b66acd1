// My inbox, newest first, in cursor pages, with my unread count; and my delivery preferences.
import { and, count, desc, eq, isNull, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { decodeCursor, page } from '../../http';
import { notificationPreferences, notifications } from '../../platform.table';

export async function findNotifications(
  db: Db,
  accountId: string,
  q: { unread?: boolean; cursor?: string; limit: number },
) {
  const where: SQL[] = [eq(notifications.accountId, accountId)];
  if (q.unread) where.push(isNull(notifications.readAt));
  // Ids are UUIDv7, so id order is creation order (created_at may tie within one transaction).
  const after = decodeCursor(q.cursor, ['uuid']);
  if (after) where.push(lt(notifications.id, after[0]));
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.id))
    .limit(q.limit + 1);
  const [{ n }] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return { ...page(rows, q.limit, (r) => [r.id]), unreadCount: Number(n) };
}

export const DEFAULT_PREFERENCES = { email: true, sms: false, dailyDigest: false };

export async function getNotificationPreferences(db: Db, accountId: string) {
  const [row] = await db
    .select({
      email: notificationPreferences.email,
      sms: notificationPreferences.sms,
      dailyDigest: notificationPreferences.dailyDigest,
    })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.accountId, accountId));
  return row ?? DEFAULT_PREFERENCES;
}
