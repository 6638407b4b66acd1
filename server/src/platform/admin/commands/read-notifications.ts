// Marks one of my notifications read, or all of them.
import { and, eq, isNull } from 'drizzle-orm';
import { transact, type Ctx } from '../../context';
import { notFound } from '../../errors';
import { notifications } from '../../platform.table';

export async function readNotification(ctx: Ctx, id: string) {
  const accountId = ctx.actor!.accountId;
  return transact(ctx, async (w) => {
    const [row] = await w.db
      .select({ id: notifications.id, readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId)));
    // Another user's notification is as absent as a missing one.
    if (!row) throw notFound({ zh: '通知', en: 'notification' });
    if (row.readAt) return { id, readAt: row.readAt };
    const readAt = new Date();
    await w.db.update(notifications).set({ readAt }).where(eq(notifications.id, id));
    await w.audit({
      action: 'notification.read',
      entityType: 'notification',
      entityId: id,
      after: { readAt },
    });
    return { id, readAt };
  });
}

export async function readAllNotifications(ctx: Ctx) {
  const accountId = ctx.actor!.accountId;
  return transact(ctx, async (w) => {
    const rows = await w.db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length > 0) {
      await w.audit({
        action: 'notification.readAll',
        entityType: 'account',
        entityId: accountId,
        after: { count: rows.length },
      });
    }
    return { updated: rows.length };
  });
}
