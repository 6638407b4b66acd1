// HTTP for the rules register (议事规则与工作制度): staff record, revise and publish rules; staff and leaders read
// every rule; the public reads the published ones with their history, and the resolutions of closed meetings. Thin: parse → one use case → answer.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  createProceduralRuleSchema,
  proceduralRuleVersionSchema,
  publishProceduralRuleSchema,
} from '@minyi/domain/meetings';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { resolvePublicCongress } from '../registry';
import { READERS } from './meetings.policy';
import {
  createProceduralRule,
  publishProceduralRule,
  reviseProceduralRule,
} from './commands/procedural-rule';
import { findProceduralRules, getProceduralRule } from './queries/procedural-rules';
import { findPublicResolutions } from './queries/public-resolutions';

const tags = ['meetings'];
const idParams = z.object({ id: idSchema });
const publicScope = z.object({ congressId: z.uuid().optional() });

export async function proceduralRuleRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/procedural-rules',
    {
      schema: {
        operationId: 'findProceduralRules',
        tags,
        summary:
          'The rules register (议事规则与工作制度): every rule with its current version (staff, leaders)',
      },
    },
    async (req) => findProceduralRules(app.services.db, requireRole(req.actor, READERS).congressId, false),
  );

  r.get(
    '/procedural-rules/:id',
    {
      schema: {
        operationId: 'getProceduralRule',
        tags,
        summary: 'One rule with its version history, published or not (staff, leaders)',
        params: idParams,
      },
    },
    async (req) =>
      getProceduralRule(app.services.db, requireRole(req.actor, READERS).congressId, req.params.id, false),
  );

  r.post(
    '/procedural-rules',
    {
      schema: {
        operationId: 'createProceduralRule',
        tags,
        summary: 'Record a rule with its first version (congress staff)',
        body: createProceduralRuleSchema,
      },
    },
    async (req, reply) => reply.code(201).send(await createProceduralRule(ctxOf(req), req.body)),
  );

  r.post(
    '/procedural-rules/:id/versions',
    {
      schema: {
        operationId: 'reviseProceduralRule',
        tags,
        summary:
          'Revise a rule: a new version adopted after the current one becomes current (congress staff)',
        params: idParams,
        body: proceduralRuleVersionSchema,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await reviseProceduralRule(ctxOf(req), req.params.id, req.body)),
  );

  r.post(
    '/procedural-rules/:id/publish',
    {
      schema: {
        operationId: 'publishProceduralRule',
        tags,
        summary: 'Publish a rule or withdraw it from the public (congress staff)',
        params: idParams,
        body: publishProceduralRuleSchema,
      },
    },
    async (req) => publishProceduralRule(ctxOf(req), req.params.id, req.body.published),
  );

  r.get(
    '/public/procedural-rules',
    {
      schema: {
        operationId: 'findPublicProceduralRules',
        access: 'public',
        tags,
        summary: 'The published rules of procedure and working rules with their current version (public)',
        querystring: publicScope,
      },
    },
    async (req) => findProceduralRules(app.services.db, await resolvePublicCongress(req), true),
  );

  r.get(
    '/public/procedural-rules/:id',
    {
      schema: {
        operationId: 'getPublicProceduralRule',
        access: 'public',
        tags,
        summary: 'One published rule with its version history (public)',
        params: idParams,
        querystring: publicScope,
      },
    },
    async (req) => getProceduralRule(app.services.db, await resolvePublicCongress(req), req.params.id, true),
  );

  r.get(
    '/public/meeting-resolutions',
    {
      schema: {
        operationId: 'findPublicResolutions',
        access: 'public',
        tags,
        summary:
          'Motions voted at closed meetings: title, meeting number and date, totals and result (public; no names)',
        querystring: publicScope,
      },
    },
    async (req) => findPublicResolutions(app.services.db, await resolvePublicCongress(req)),
  );
}
