// HTTP for pledges (承诺践诺): a deputy publishes a year's pledges and records what they did about each; the
// public reads a deputy's pledges and their fulfilment.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import { createPledgesSchema, pledgeProgressSchema, pledgeQuerySchema } from '@minyi/domain/activities';
import { ctxOf, typed } from '../../platform/http';
import { resolvePublicCongress } from '../registry';
import { createPledges } from './commands/create-pledges';
import { recordPledgeProgress } from './commands/record-pledge-progress';
import { findPledges } from './queries/find-pledges';

const tags = ['activities'];
const idParams = z.object({ id: idSchema });

export async function pledgeRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post(
    '/pledges',
    {
      schema: {
        operationId: 'createPledges',
        tags,
        summary: "Publish a deputy's pledges of a year (the deputy, or staff for a deputy)",
        body: createPledgesSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await createPledges(ctxOf(req), req.body)),
  );

  r.post(
    '/pledges/:id/progress',
    {
      schema: {
        operationId: 'recordPledgeProgress',
        tags,
        summary: 'Record what was done about a pledge: in progress, or fulfilled',
        params: idParams,
        body: pledgeProgressSchema,
      },
    },
    async (req) => recordPledgeProgress(ctxOf(req), req.params.id, req.body),
  );

  r.get(
    '/deputies/:id/pledges',
    {
      schema: {
        operationId: 'findDeputyPledges',
        access: 'public',
        tags,
        summary: "A deputy's pledges of a year with what they did about each (public)",
        params: idParams,
        querystring: pledgeQuerySchema,
      },
    },
    async (req) =>
      findPledges(req.server.services.db, await resolvePublicCongress(req), req.params.id, req.query.year),
  );
}
