// /api/v1/auth/password: the caller changes their own password. Session callers only.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf, typed } from '../http';
import { requireSession } from './session';
import { changeMyPassword } from './commands/change-my-password';

export async function passwordRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post(
    '/auth/password',
    {
      schema: {
        operationId: 'changeMyPassword',
        access: 'session',
        tags: ['auth'],
        summary: 'Change my password',
        body: z.strictObject({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(10).max(200),
        }),
      },
    },
    async (req, reply) => {
      const { sessionId } = requireSession(req);
      await changeMyPassword(ctxOf(req), sessionId, req.body);
      return reply.code(204).send();
    },
  );
}
