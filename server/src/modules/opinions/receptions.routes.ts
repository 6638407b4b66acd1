// Receptions at liaison places: the public schedule, the staff list, scheduling, check-in and the record.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  checkInReceptionSchema,
  recordReceptionSchema,
  scheduleReceptionSchema,
} from '@minyi/domain/opinions';
import { requireRole } from '../../platform/access';
import { ctxOf, typed } from '../../platform/http';
import { resolvePublicCongress } from '../registry';
import { scheduleReception } from './commands/schedule-reception';
import { checkInReception } from './commands/check-in-reception';
import { recordReception } from './commands/record-reception';
import { findPublicReceptions, findReceptions, getReceptionForActor } from './queries/find-receptions';

const idParams = z.object({ id: z.uuid() });
const tags = ['receptions'];

export async function receptionRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/public/receptions',
    {
      schema: {
        operationId: 'findPublicReceptions',
        access: 'public',
        tags,
        summary: 'Upcoming receptions at liaison places',
        querystring: z.object({
          liaisonPlaceId: z.uuid().optional(),
          streetId: z.uuid().optional(),
          congressId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(100).default(50),
        }),
      },
    },
    async (req) => {
      const congressId = await resolvePublicCongress(req);
      return findPublicReceptions(req.server.services.db, { congressId, ...req.query });
    },
  );

  r.get(
    '/receptions',
    {
      schema: {
        operationId: 'findReceptions',
        summary: 'Receptions at liaison places, newest first',
        tags,
        querystring: z.object({
          liaisonPlaceId: z.uuid().optional(),
          streetId: z.uuid().optional(),
          status: z.enum(['scheduled', 'held', 'cancelled']).optional(),
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const actor = requireRole(ctx.actor, ['congressStaff', 'liaisonStaff', 'leader', 'deputy']);
      return findReceptions(ctx.app.db, actor, {
        congressId: actor.congressId,
        ...req.query,
      });
    },
  );

  r.post(
    '/receptions',
    {
      schema: {
        operationId: 'scheduleReception',
        summary: 'Schedule a reception at a liaison place',
        tags,
        body: scheduleReceptionSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await scheduleReception(ctxOf(req), req.body)),
  );

  r.get(
    '/receptions/:id',
    {
      schema: {
        operationId: 'getReception',
        summary: 'One reception with its deputies and abilities',
        tags,
        params: idParams,
      },
    },
    async (req) => getReceptionForActor(ctxOf(req), req.params.id),
  );

  r.post(
    '/receptions/:id/check-in',
    {
      schema: {
        operationId: 'checkInReception',
        summary: 'Check a deputy in at a reception',
        tags,
        params: idParams,
        body: checkInReceptionSchema,
      },
    },
    async (req) => checkInReception(ctxOf(req), req.params.id, req.body.deputyId),
  );

  r.post(
    '/receptions/:id/record',
    {
      schema: {
        operationId: 'recordReception',
        summary: 'Record a reception held: people received and the opinions taken',
        tags,
        params: idParams,
        body: recordReceptionSchema,
      },
    },
    async (req) => recordReception(ctxOf(req), req.params.id, req.body),
  );
}
