// HTTP for an election's register: the voters by name (ID numbers masked) and the proxy entrustments the
// election committee consented to (at most 3 accepted by one voter, 选举法 Art. 42). The import is in
// elections.routes.ts (the Contract's voters:import). Thin: parse → one use case → answer.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import { approveProxySchema, voterQuerySchema } from '@minyi/domain/elections';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { approveProxy } from './commands/approve-proxy';
import { findVoters } from './queries/find-voters';
import { tags } from './elections.routes';

const idParams = z.object({ id: idSchema });

export async function voterRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/elections/:id/voters',
    {
      schema: {
        operationId: 'findElectionVoters',
        tags,
        summary: "An election's register by name and district (ID numbers masked)",
        params: idParams,
        querystring: voterQuerySchema,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findVoters(req.server.services.db, req.server.services.pii, req.actor, req.params.id, req.query);
    },
  );

  r.post(
    '/elections/:id/proxies',
    {
      schema: {
        operationId: 'approveElectionProxy',
        tags,
        summary: 'Record a proxy entrustment the election committee consented to (409 on a 4th, Art. 42)',
        params: idParams,
        body: approveProxySchema,
      },
    },
    async (req, reply) => reply.code(201).send(await approveProxy(ctxOf(req), req.params.id, req.body)),
  );
}
