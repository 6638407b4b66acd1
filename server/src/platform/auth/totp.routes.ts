// /api/v1/auth/totp: enrolling the second factor (start, then confirm with a code). Session callers only.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf, typed } from '../http';
import { requireSession } from './session';
import { startTotpEnrollment } from './commands/start-totp-enrollment';
import { confirmTotpEnrollment } from './commands/confirm-totp-enrollment';

export async function totpRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post(
    '/auth/totp/setup',
    {
      schema: {
        operationId: 'startTotpEnrollment',
        access: 'session',
        tags: ['auth'],
        summary: 'Start TOTP enrolment',
        response: { 200: z.object({ secret: z.string(), otpauthUri: z.string() }) },
      },
    },
    async (req) => {
      requireSession(req);
      return startTotpEnrollment(ctxOf(req));
    },
  );

  r.post(
    '/auth/totp/enable',
    {
      schema: {
        operationId: 'confirmTotpEnrollment',
        access: 'session',
        tags: ['auth'],
        summary: 'Confirm TOTP enrolment with a code',
        body: z.strictObject({ code: z.string().regex(/^\d{6}$/) }),
      },
    },
    async (req, reply) => {
      const { sessionId } = requireSession(req);
      await confirmTotpEnrollment(ctxOf(req), sessionId, req.body.code);
      return reply.code(204).send();
    },
  );
}
