// Staff administration of the jurisdiction tree: add a street or community, rename one.
import type { FastifyInstance } from 'fastify';
import { createJurisdictionSchema, updateJurisdictionSchema } from '@minyi/domain/registry';
import { findJurisdictions } from './queries/find-jurisdictions';
import { createJurisdiction } from './commands/create-jurisdiction';
import { editJurisdiction } from './commands/edit-jurisdiction';
import { idParams, writer, tags } from './registry.routes';
import { ctxOf, typed } from '../../platform/http';

export async function jurisdictionRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post(
    '/jurisdictions',
    {
      schema: {
        operationId: 'createJurisdiction',
        tags,
        summary: 'Add a street or community',
        body: createJurisdictionSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createJurisdiction(ctxOf(req), actor.congressId, req.body);
      const { items } = await findJurisdictions(app.services.db, actor.congressId, {});
      return reply.code(201).send(items.find((j) => j.id === id));
    },
  );

  r.patch(
    '/jurisdictions/:id',
    {
      schema: {
        operationId: 'renameJurisdiction',
        tags,
        summary: 'Rename a jurisdiction',
        params: idParams,
        body: updateJurisdictionSchema,
      },
    },
    async (req) => {
      const actor = writer(req);
      await editJurisdiction(ctxOf(req), actor.congressId, req.params.id, req.body);
      const { items } = await findJurisdictions(app.services.db, actor.congressId, {});
      return items.find((j) => j.id === req.params.id);
    },
  );
}
