// /api/v1/auth/tokens: the caller's personal API tokens (listed, created once shown, revoked).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf, typed } from '../http';
import { unauthorized } from '../errors';
import { requireSession } from './session';
import { findMyApiTokens } from './queries/find-my-api-tokens';
import { createApiToken } from './commands/create-api-token';
import { revokeApiToken } from './commands/revoke-api-token';

const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
});

export async function tokenRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/auth/tokens',
    {
      schema: {
        operationId: 'findMyApiTokens',
        tags: ['auth'],
        summary: 'My API tokens',
        response: { 200: z.object({ items: z.array(tokenSchema) }) },
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return { items: await findMyApiTokens(app.services.db, req.actor.accountId) };
    },
  );

  r.post(
    '/auth/tokens',
    {
      schema: {
        operationId: 'createApiToken',
        access: 'session',
        tags: ['auth'],
        summary: 'Create a personal API token (shown once)',
        body: z.strictObject({
          name: z.string().min(1).max(100),
          expiresInDays: z.number().int().min(1).max(366).default(90),
        }),
        response: {
          201: z.object({ id: z.string(), name: z.string(), token: z.string(), expiresAt: z.date() }),
        },
      },
    },
    async (req, reply) => {
      requireSession(req);
      return reply.code(201).send(await createApiToken(ctxOf(req), req.body));
    },
  );

  r.delete(
    '/auth/tokens/:id',
    {
      schema: {
        operationId: 'revokeApiToken',
        tags: ['auth'],
        summary: 'Revoke an API token',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      if (!req.actor) throw unauthorized();
      await revokeApiToken(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
