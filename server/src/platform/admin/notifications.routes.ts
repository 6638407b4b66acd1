// /notifications: every signed-in user's inbox and delivery preferences.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { localizedTextSchema, pageQuerySchema } from '@minyi/domain';
import { ctxOf, typed } from '../http';
import { unauthorized } from '../errors';
import { findNotifications, getNotificationPreferences } from './queries/find-notifications';
import { readAllNotifications, readNotification } from './commands/read-notifications';
import { setNotificationPreferences } from './commands/set-notification-preferences';

const item = z.object({
  id: z.string(),
  kind: z.string(),
  title: localizedTextSchema,
  body: localizedTextSchema,
  link: z.string().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
const preferences = z.strictObject({ email: z.boolean(), sms: z.boolean(), dailyDigest: z.boolean() });
const tags = ['notifications'];

const signedIn = (actor: { accountId: string } | null) => {
  if (!actor) throw unauthorized();
  return actor;
};

export async function notificationRoutes(app: FastifyInstance) {
  const r = typed(app);
  r.get(
    '/notifications',
    {
      schema: {
        operationId: 'findMyNotifications',
        tags,
        summary: 'My inbox, newest first, with the unread count',
        querystring: pageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() }),
        response: {
          200: z.object({ items: z.array(item), nextCursor: z.string().nullable(), unreadCount: z.number() }),
        },
      },
    },
    async (req) => {
      const actor = signedIn(req.actor);
      return findNotifications(app.services.db, actor.accountId, {
        ...req.query,
        unread: req.query.unread === 'true',
      });
    },
  );

  r.post(
    '/notifications/:id/read',
    {
      schema: {
        operationId: 'markNotificationRead',
        tags,
        summary: 'Mark one of my notifications read',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ id: z.string(), readAt: z.date() }) },
      },
    },
    async (req) => {
      signedIn(req.actor);
      return readNotification(ctxOf(req), req.params.id);
    },
  );

  r.post(
    '/notifications/read-all',
    {
      schema: {
        operationId: 'markAllNotificationsRead',
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: z.object({ updated: z.number() }) },
      },
    },
    async (req) => {
      signedIn(req.actor);
      return readAllNotifications(ctxOf(req));
    },
  );

  r.get(
    '/notifications/preferences',
    {
      schema: {
        operationId: 'getNotificationPreferences',
        tags,
        summary: 'How I receive notifications',
        response: { 200: preferences },
      },
    },
    async (req) => getNotificationPreferences(app.services.db, signedIn(req.actor).accountId),
  );

  r.put(
    '/notifications/preferences',
    {
      schema: {
        operationId: 'setNotificationPreferences',
        tags,
        summary: 'Set how I receive notifications',
        body: preferences,
        response: { 200: preferences },
      },
    },
    async (req) => {
      signedIn(req.actor);
      return setNotificationPreferences(ctxOf(req), req.body);
    },
  );
}
