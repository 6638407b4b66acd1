// HTTP routes of motions (议案): put one, list them, the rules they follow, the decision on one.
import { createMotionSchema, decideMotionSchema } from '@minyi/domain/suggestions';
import { ctxOf, typed, type App } from '../../platform/http';
import { createMotion } from './commands/create-motion';
import { decideMotion } from './commands/decide-motion';
import { findMotions } from './queries/find-motions';
import { getMotionRules } from './queries/get-motion-rules';
import { idParams, tags } from './suggestions.routes';

export async function motionRoutes(app: App) {
  const r = typed(app);

  r.post(
    '/motions',
    {
      schema: {
        operationId: 'createMotion',
        summary: 'Put a motion (议案) to the congress',
        tags,
        body: createMotionSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const m = await createMotion(ctxOf(req), req.body);
      return reply.code(201).send({ id: m.id, number: m.number, status: m.status });
    },
  );
  r.get(
    '/motions',
    { schema: { operationId: 'findMotions', summary: 'Motions, newest first', tags } },
    async (req) => findMotions(ctxOf(req)),
  );
  r.get(
    '/motion-rules',
    {
      schema: {
        operationId: 'getMotionRules',
        tags,
        summary:
          "What a motion needs now: co-signers by the congress's level, bodies, deciding body (地方组织法 Art. 22, 52)",
      },
    },
    async (req) => getMotionRules(ctxOf(req)),
  );
  r.post(
    '/motions/:id/decision',
    {
      schema: {
        operationId: 'decideMotion',
        summary: 'Decide a motion: put it on the agenda, or handle it as a suggestion',
        tags,
        params: idParams,
        body: decideMotionSchema,
      },
    },
    async (req) => {
      const m = await decideMotion(ctxOf(req), req.params.id, req.body);
      return { id: m.id, number: m.number, status: m.status, suggestionId: m.suggestionId };
    },
  );
}
