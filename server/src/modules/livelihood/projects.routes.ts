// HTTP for implementation and evaluation: the public progress page, the plan, monthly progress, adjustment,
// acceptance, inspections, the deputies' evaluation and the public survey. The commands authorize.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  adjustProjectSchema,
  evaluationSchema,
  inspectionSchema,
  planProjectSchema,
  progressReportSchema,
  surveyResponseSchema,
} from '@minyi/domain/livelihood';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { notFound } from '../../platform/errors';
import { resolvePublicCongress } from '../registry';
import { projectPolicy, READERS } from './livelihood.policy';
import { planProject } from './commands/plan-project';
import { reportProgress } from './commands/report-progress';
import { adjustProject } from './commands/adjust-project';
import { acceptProject } from './commands/accept-project';
import { recordInspection } from './commands/record-inspection';
import { evaluateProject } from './commands/evaluate-project';
import { answerSurvey } from './commands/answer-survey';
import { findProjects } from './queries/find-projects';
import { getProject } from './queries/get-project';
import { isProjectPhoto } from './queries/is-project-photo';
import { getEvaluationSummary } from './queries/get-evaluation-summary';
import { supporterKey } from './ideas.routes';

const tags = ['livelihood'];
const yearQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  congressId: idSchema.optional(),
});
const idParams = z.object({ id: idSchema });

export async function projectRoutes(app: FastifyInstance) {
  const r = typed(app);

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
      await planProject(ctxOf(req), req.params.id, req.body);
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
      return reply.code(201).send(await reportProgress(ctxOf(req), req.params.id, req.body));
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
      await adjustProject(ctxOf(req), req.params.id, req.body);
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
      await acceptProject(ctxOf(req), req.params.id);
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
      return reply.code(201).send(await recordInspection(ctxOf(req), req.params.id, req.body));
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
      return reply.code(201).send(await evaluateProject(ctxOf(req), req.params.id, req.body));
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
