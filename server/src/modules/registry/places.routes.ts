// Liaison places (家、站、点) for staff: list, add, read, edit, and set their deputies.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageQuerySchema } from '@minyi/domain';
import {
  LIAISON_PLACE_KINDS,
  createLiaisonPlaceSchema,
  updateLiaisonPlaceSchema,
} from '@minyi/domain/registry';
import type { Actor } from '../../platform/context';
import { findLiaisonPlaces } from './queries/find-liaison-places';
import { getLiaisonPlaceRecord } from './queries/get-liaison-place-record';
import { createLiaisonPlace } from './commands/create-liaison-place';
import { editLiaisonPlace } from './commands/edit-liaison-place';
import { assignLiaisonDeputies } from './commands/assign-liaison-deputies';
import { registryPolicy } from './registry.policy';
import { idParams, reader, writer, tags } from './registry.routes';
import { ctxOf, typed } from '../../platform/http';

export async function placeRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/liaison-places',
    {
      schema: {
        operationId: 'findLiaisonPlaces',
        tags,
        summary: 'Liaison places (staff)',
        querystring: pageQuerySchema.extend({
          streetId: z.uuid().optional(),
          kind: z.enum(LIAISON_PLACE_KINDS).optional(),
          q: z.string().trim().max(50).optional(),
        }),
      },
    },
    async (req) => findLiaisonPlaces(app.services.db, reader(req).congressId, req.query),
  );

  const placeOut = async (actor: Actor, id: string) => ({
    ...(await getLiaisonPlaceRecord(app.services.db, actor.congressId, id)),
    abilities: registryPolicy.abilities(actor, { congressId: actor.congressId }),
  });

  r.post(
    '/liaison-places',
    {
      schema: {
        operationId: 'createLiaisonPlace',
        tags,
        summary: 'Add a liaison place',
        body: createLiaisonPlaceSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createLiaisonPlace(ctxOf(req), actor.congressId, req.body);
      return reply.code(201).send(await placeOut(actor, id));
    },
  );

  r.get(
    '/liaison-places/:id',
    {
      schema: {
        operationId: 'getLiaisonPlace',
        tags,
        summary: 'One liaison place (staff)',
        params: idParams,
      },
    },
    async (req) => placeOut(reader(req), req.params.id),
  );

  r.patch(
    '/liaison-places/:id',
    {
      schema: {
        operationId: 'editLiaisonPlace',
        tags,
        summary: 'Edit a liaison place',
        params: idParams,
        body: updateLiaisonPlaceSchema,
      },
    },
    async (req) => {
      const actor = writer(req);
      await editLiaisonPlace(ctxOf(req), actor.congressId, req.params.id, req.body);
      return placeOut(actor, req.params.id);
    },
  );

  r.put(
    '/liaison-places/:id/deputies',
    {
      schema: {
        operationId: 'setLiaisonPlaceDeputies',
        tags,
        summary: 'Set the deputies assigned to a liaison place',
        params: idParams,
        body: z.strictObject({ deputyIds: z.array(z.uuid()).max(500) }),
      },
    },
    async (req) => {
      const actor = writer(req);
      registryPolicy.authorize(actor, 'assignDeputies', { congressId: actor.congressId });
      await assignLiaisonDeputies(ctxOf(req), actor.congressId, req.params.id, req.body.deputyIds);
      return placeOut(actor, req.params.id);
    },
  );
}
