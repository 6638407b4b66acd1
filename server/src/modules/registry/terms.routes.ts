// Terms (届) and sittings (次会议): list, add, edit, and open or close a sitting.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createSittingSchema, createTermSchema, updateTermSchema } from '@minyi/domain/registry';
import { findSittings } from './queries/find-sittings';
import { findTerms } from './queries/find-terms';
import { createTerm } from './commands/create-term';
import { editTerm } from './commands/edit-term';
import { scheduleSitting } from './commands/schedule-sitting';
import { moveSitting } from './commands/move-sitting';
import { idParams, reader, writer, tags } from './registry.routes';
import { ctxOf, typed } from '../../platform/http';

export async function termRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/terms', { schema: { operationId: 'findTerms', tags, summary: 'Terms (届)' } }, async (req) =>
    findTerms(app.services.db, reader(req).congressId),
  );

  r.post(
    '/terms',
    {
      schema: { operationId: 'createTerm', tags, summary: 'Add a term', body: createTermSchema },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createTerm(ctxOf(req), actor.congressId, req.body);
      return reply
        .code(201)
        .send((await findTerms(app.services.db, actor.congressId)).items.find((t) => t.id === id));
    },
  );

  const editTermRoute = async (
    req: FastifyRequest<{ Params: { id: string }; Body: z.infer<typeof updateTermSchema> }>,
  ) => {
    const actor = writer(req);
    await editTerm(ctxOf(req), actor.congressId, req.params.id, req.body);
    return (await findTerms(app.services.db, actor.congressId)).items.find((t) => t.id === req.params.id);
  };
  r.patch(
    '/terms/:id',
    {
      schema: {
        operationId: 'editTerm',
        tags,
        summary: 'Edit a term',
        params: idParams,
        body: updateTermSchema,
      },
    },
    editTermRoute,
  );
  r.post(
    '/terms/:id/edit',
    {
      schema: {
        operationId: 'editTermByForm',
        tags,
        summary: 'Edit a term (POST form)',
        params: idParams,
        body: updateTermSchema,
      },
    },
    editTermRoute,
  );

  r.get(
    '/sittings',
    {
      schema: {
        operationId: 'findSittings',
        tags,
        summary: 'Sittings (次会议)',
        querystring: z.object({ termId: z.uuid().optional() }),
      },
    },
    async (req) => findSittings(app.services.db, reader(req).congressId, req.query.termId),
  );

  r.post(
    '/sittings',
    {
      schema: {
        operationId: 'scheduleSitting',
        tags,
        summary: 'Schedule a sitting',
        body: createSittingSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await scheduleSitting(ctxOf(req), actor.congressId, req.body);
      return reply
        .code(201)
        .send((await findSittings(app.services.db, actor.congressId)).items.find((s) => s.id === id));
    },
  );

  for (const step of ['open', 'close'] as const) {
    r.post(
      `/sittings/:id/${step}`,
      {
        schema: {
          operationId: `${step}Sitting`,
          tags,
          summary: `${step === 'open' ? 'Open' : 'Close'} a sitting`,
          params: idParams,
        },
      },
      async (req) => {
        const actor = writer(req);
        await moveSitting(ctxOf(req), actor.congressId, req.params.id, step);
        return (await findSittings(app.services.db, actor.congressId)).items.find(
          (s) => s.id === req.params.id,
        );
      },
    );
  }
}
