// HTTP for the shortlist: the government's candidate projects and the delegations' deliberation.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import { createCandidateSchema, deliberationCommentSchema } from '@minyi/domain/livelihood';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { candidatePolicy, READERS, STAFF } from './livelihood.policy';
import { createCandidate } from './commands/create-candidate';
import { deliberateCandidate } from './commands/deliberate-candidate';
import { findCandidates } from './queries/find-candidates';
import { findDeliberations } from './queries/find-deliberations';

const tags = ['livelihood'];
const yearQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  congressId: idSchema.optional(),
});
const idParams = z.object({ id: idSchema });

export async function candidateRoutes(app: FastifyInstance) {
  const r = typed(app);

  // ---------- shortlist and deliberation ----------
  r.get(
    '/livelihood/candidates',
    {
      schema: {
        operationId: 'findLivelihoodCandidates',
        summary: 'Candidate projects of a year',
        tags,
        querystring: yearQuery,
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, READERS);
      const out = await findCandidates(req.server.services.db, actor.congressId, req.query.year);
      return {
        ...out,
        items: out.items.map((c) => ({ ...c, abilities: candidatePolicy.abilities(actor, c) })),
      };
    },
  );

  r.post(
    '/livelihood/candidates',
    {
      schema: {
        operationId: 'proposeLivelihoodCandidate',
        tags,
        summary: "The government's candidate project",
        body: createCandidateSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = requireRole(req.actor, STAFF);
      return reply.code(201).send(await createCandidate(ctxOf(req), actor.congressId, req.body));
    },
  );

  r.get(
    '/livelihood/candidates/:id/deliberations',
    {
      schema: {
        operationId: 'findDeliberations',
        summary: "Deputies' comments on a candidate project, by delegation",
        tags,
        params: idParams,
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, READERS);
      candidatePolicy.authorize(actor, 'readDeliberation', { congressId: actor.congressId });
      return findDeliberations(req.server.services.db, actor.congressId, req.params.id);
    },
  );

  r.post(
    '/livelihood/candidates/:id/deliberations',
    {
      schema: {
        operationId: 'addDeliberation',
        tags,
        summary: "A deputy's comment, by delegation",
        params: idParams,
        body: deliberationCommentSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = requireRole(req.actor, ['deputy']);
      candidatePolicy.authorize(actor, 'deliberate', { congressId: actor.congressId });
      return reply
        .code(201)
        .send(await deliberateCandidate(ctxOf(req), actor.congressId, req.params.id, req.body));
    },
  );
}
