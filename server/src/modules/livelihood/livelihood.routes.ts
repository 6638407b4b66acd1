// HTTP for the yearly cycle: solicitation (public), shortlist and deliberation, implementation, evaluation.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  adjustProjectSchema,
  createCandidateSchema,
  deliberationCommentSchema,
  evaluationSchema,
  inspectionSchema,
  mergeIdeasSchema,
  planProjectSchema,
  progressReportSchema,
  submitIdeaSchema,
  surveyResponseSchema,
} from '@minyi/domain/livelihood';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { transact } from '../../platform/context';
import { forbidden, notFound } from '../../platform/errors';
import { hmacSm3 } from '../../platform/crypto';
import { resolvePublicCongress } from '../registry';
import { candidatePolicy, projectPolicy, READERS, STAFF } from './livelihood.policy';
import { submitIdea } from './commands/submit-idea';
import { supportIdea } from './commands/support-idea';
import { mergeIdeas } from './commands/merge-ideas';
import { createCandidate } from './commands/create-candidate';
import { deliberateCandidate } from './commands/deliberate-candidate';
import { planProject } from './commands/plan-project';
import { reportProgress } from './commands/report-progress';
import { adjustProject } from './commands/adjust-project';
import { acceptProject } from './commands/accept-project';
import { loadProject } from './livelihood.repository';
import { recordInspection } from './commands/record-inspection';
import { answerSurvey, evaluateProject } from './commands/evaluate-project';
import { findCandidates } from './queries/find-candidates';
import { findDeliberations } from './queries/find-deliberations';
import { findIdeas } from './queries/find-ideas';
import { findProjects } from './queries/find-projects';
import { getEvaluationSummary } from './queries/get-evaluation-summary';
import { getProject } from './queries/get-project';
import { isProjectPhoto } from './queries/is-project-photo';
import { voteRoutes } from './votes.routes';

const tags = ['livelihood'];
const yearQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  congressId: idSchema.optional(),
});
const idParams = z.object({ id: idSchema });

/** One "+1" per person: the account, or for the public a keyed hash of address and browser (not stored in clear). */
const supporterKey = (req: FastifyRequest) =>
  req.actor
    ? `account:${req.actor.accountId}`
    : `public:${hmacSm3(req.server.services.config.keys.piiIndex, `${req.ip}|${req.headers['user-agent'] ?? ''}`)}`;

export async function livelihoodRoutes(app: FastifyInstance) {
  const r = typed(app);
  await app.register(voteRoutes);

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
      const out = await transact(ctxOf(req), (w) =>
        submitIdea(w, congressId, req.body, { source: deputyId ? 'deputy' : 'public', deputyId }),
      );
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

  // ---------- implementation (public progress page) ----------
  r.get(
    '/public/livelihood/projects',
    {
      schema: {
        operationId: 'findPublicLivelihoodProjects',
        access: 'public',
        tags,
        summary: 'Every project with status and progress, and the summary',
        querystring: yearQuery,
      },
    },
    async (req) => findProjects(req.server.services.db, await resolvePublicCongress(req), req.query.year),
  );

  r.get(
    '/public/livelihood/projects/:id',
    {
      schema: {
        operationId: 'getPublicLivelihoodProject',
        summary: 'One livelihood project with its plan, progress and abilities',
        access: 'public',
        tags,
        params: idParams,
        querystring: z.object({ congressId: idSchema.optional() }),
      },
    },
    async (req) => {
      const congressId = await resolvePublicCongress(req);
      const p = await getProject(req.server.services.db, congressId, req.params.id);
      return { ...p, abilities: projectPolicy.abilities(req.actor, p) };
    },
  );

  // Progress photos are public with their report; any other file is not found here.
  r.get(
    '/public/livelihood/projects/:id/photos/:fileId',
    {
      schema: {
        operationId: 'getLivelihoodProgressPhoto',
        access: 'public',
        tags,
        summary: 'A photo of a progress report',
        params: z.object({ id: idSchema, fileId: idSchema }),
        querystring: z.object({ congressId: idSchema.optional() }),
      },
    },
    async (req, reply) => {
      const congressId = await resolvePublicCongress(req);
      const { db, files } = req.server.services;
      const found = (await isProjectPhoto(db, congressId, req.params.id, req.params.fileId))
        ? await files.read(db, congressId, req.params.fileId)
        : null;
      if (!found) throw notFound({ zh: '照片', en: 'photo' });
      return reply
        .type(found.file.mimeType)
        .header('content-length', found.data.length)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'public, max-age=86400')
        .send(found.data);
    },
  );

  const projectAction = async (req: FastifyRequest<{ Params: { id: string } }>, action: string) => {
    if (!req.actor) requireRole(null, []);
    const p = await loadProject({ db: req.server.services.db }, req.actor!.congressId, req.params.id);
    projectPolicy.authorize(req.actor, action, p);
    return p;
  };

  r.post(
    '/livelihood/projects/:id/plan',
    {
      schema: {
        operationId: 'planLivelihoodProject',
        summary: "The lead unit's implementation plan for a project",
        tags,
        params: idParams,
        body: planProjectSchema,
      },
    },
    async (req, reply) => {
      const p = await projectAction(req, 'plan');
      await planProject(ctxOf(req), p.congressId, p.id, req.body);
      return reply.code(204).send();
    },
  );

  r.post(
    '/livelihood/projects/:id/progress',
    {
      schema: {
        operationId: 'reportLivelihoodProgress',
        tags,
        summary: "The lead unit's monthly progress",
        params: idParams,
        body: progressReportSchema,
      },
    },
    async (req, reply) => {
      const p = await projectAction(req, 'reportProgress');
      return reply.code(201).send(await reportProgress(ctxOf(req), p.congressId, p.id, req.body));
    },
  );

  r.post(
    '/livelihood/projects/:id/adjust',
    {
      schema: {
        operationId: 'adjustLivelihoodProject',
        tags,
        summary: 'Adjustment approved by the standing committee',
        params: idParams,
        body: adjustProjectSchema,
      },
    },
    async (req, reply) => {
      const p = await projectAction(req, 'adjust');
      await adjustProject(ctxOf(req), p.congressId, p.id, req.body);
      return reply.code(204).send();
    },
  );

  r.post(
    '/livelihood/projects/:id/accept',
    {
      schema: {
        operationId: 'acceptLivelihoodProject',
        summary: 'Accept a completed project',
        tags,
        params: idParams,
      },
    },
    async (req, reply) => {
      const p = await projectAction(req, 'accept');
      await acceptProject(ctxOf(req), p.congressId, p.id);
      return reply.code(204).send();
    },
  );

  r.post(
    '/livelihood/projects/:id/inspections',
    {
      schema: {
        operationId: 'recordLivelihoodInspection',
        summary: "Record deputies' inspection of a project and its findings",
        tags,
        params: idParams,
        body: inspectionSchema,
      },
    },
    async (req, reply) => {
      const p = await projectAction(req, 'recordInspection');
      return reply.code(201).send(await recordInspection(ctxOf(req), p.congressId, p.id, req.body));
    },
  );

  r.post(
    '/livelihood/projects/:id/evaluations',
    {
      schema: {
        operationId: 'evaluateLivelihoodProject',
        tags,
        summary: "A deputy's year-end evaluation",
        params: idParams,
        body: evaluationSchema,
      },
    },
    async (req, reply) => {
      const p = await projectAction(req, 'evaluate');
      if (!req.actor!.deputyId) throw forbidden();
      return reply
        .code(201)
        .send(await evaluateProject(ctxOf(req), p.congressId, p.id, req.actor!.deputyId, req.body));
    },
  );

  r.get(
    '/livelihood/evaluations',
    {
      schema: {
        operationId: 'findLivelihoodEvaluations',
        tags,
        summary: 'Evaluation rolled up per project and per unit',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, READERS);
      return getEvaluationSummary(req.server.services.db, actor.congressId, req.query.year);
    },
  );

  r.post(
    '/public/livelihood/projects/:id/survey',
    {
      schema: {
        operationId: 'answerLivelihoodSurvey',
        access: 'public',
        tags,
        summary: 'Public satisfaction survey',
        params: idParams,
        body: surveyResponseSchema,
        querystring: z.object({ congressId: idSchema.optional() }),
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await answerSurvey(
            ctxOf(req),
            await resolvePublicCongress(req),
            req.params.id,
            supporterKey(req),
            req.body.satisfaction,
          ),
        ),
  );
}
