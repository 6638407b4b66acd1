// HTTP for the solicitation: the public's ideas, their support, and the merging of duplicates (staff).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import { mergeIdeasSchema, submitIdeaSchema } from '@minyi/domain/livelihood';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { hmacSm3 } from '../../platform/crypto';
import { resolvePublicCongress } from '../registry';
import { STAFF } from './livelihood.policy';
import { submitIdeaAsUseCase } from './commands/submit-idea';
import { supportIdea } from './commands/support-idea';
import { mergeIdeas } from './commands/merge-ideas';
import { findIdeas } from './queries/find-ideas';

const tags = ['livelihood'];
const yearQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  congressId: idSchema.optional(),
});
const idParams = z.object({ id: idSchema });

/** One "+1" per person: the account, or for the public a keyed hash of address and browser (not stored in clear). */
export const supporterKey = (req: FastifyRequest) =>
  req.actor
    ? `account:${req.actor.accountId}`
    : `public:${hmacSm3(req.server.services.config.keys.piiIndex, `${req.ip}|${req.headers['user-agent'] ?? ''}`)}`;

export async function ideaRoutes(app: FastifyInstance) {
  const r = typed(app);

  // ---------- solicitation (public) ----------
  r.get(
    '/public/livelihood/ideas',
    {
      schema: {
        operationId: 'findLivelihoodIdeas',
        summary: 'Livelihood project ideas of a year, with their support',
        access: 'public',
        tags,
        querystring: yearQuery,
      },
    },
    async (req) => findIdeas(req.server.services.db, await resolvePublicCongress(req), req.query.year),
  );

  r.post(
    '/public/livelihood/ideas',
    {
      schema: {
        operationId: 'submitLivelihoodIdea',
        access: 'public',
        tags,
        summary: 'Propose a livelihood project idea',
        body: submitIdeaSchema,
        querystring: z.object({ congressId: idSchema.optional() }),
      },
      config: { idempotent: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const congressId = await resolvePublicCongress(req);
      const deputyId = req.actor?.roles.includes('deputy') ? req.actor.deputyId : null;
      const out = await submitIdeaAsUseCase(ctxOf(req), congressId, req.body, {
        source: deputyId ? 'deputy' : 'public',
        deputyId,
      });
      return reply.code(201).send(out);
    },
  );

  r.post(
    '/public/livelihood/ideas/:id/support',
    {
      schema: {
        operationId: 'supportLivelihoodIdea',
        access: 'public',
        tags,
        summary: 'Support (+1) an idea',
        params: idParams,
        querystring: z.object({ congressId: idSchema.optional() }),
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) =>
      supportIdea(ctxOf(req), await resolvePublicCongress(req), req.params.id, supporterKey(req)),
  );

  r.post(
    '/livelihood/ideas/:id/merge',
    {
      schema: {
        operationId: 'mergeLivelihoodIdeas',
        tags,
        summary: 'Merge duplicate ideas into this one',
        params: idParams,
        body: mergeIdeasSchema,
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, STAFF);
      return mergeIdeas(ctxOf(req), actor.congressId, req.params.id, req.body.duplicateIds);
    },
  );
}
