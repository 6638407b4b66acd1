// HTTP for the budget's review before the sitting: the draft before deputies (consultation rounds by area, the
// opinions given and the finance department's feedback, printable as .docx) and the preliminary review (findings
// per Art. 48 focus point, the Art. 49 conclusion, the review report as .docx). Thin: parse → one use case → answer.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  budgetAreaQuerySchema,
  createConsultationOpinionSchema,
  createConsultationRoundSchema,
  giveOpinionFeedbackSchema,
  recordReviewConclusionSchema,
  recordReviewFindingsSchema,
  reviewPointSchema,
} from '@minyi/domain/budget';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { createConsultationRound } from './commands/create-consultation-round';
import { recordConsultationOpinion } from './commands/record-consultation-opinion';
import { giveOpinionFeedback } from './commands/give-opinion-feedback';
import { recordReviewFindings } from './commands/record-review-findings';
import { recordReviewConclusion } from './commands/record-review-conclusion';
import { getConsultation } from './queries/get-consultation';
import { getAreaView } from './queries/get-area-view';
import { renderConsultationOpinions } from './queries/render-consultation-opinions';
import { getReview } from './queries/get-review';
import { renderReviewReport } from './queries/render-review-report';

const tags = ['budget'];
const idParams = z.object({ id: idSchema });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const download = (reply: FastifyReply, name: string, data: Buffer) =>
  reply
    .type(DOCX)
    .header(
      'content-disposition',
      `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(data);

export async function budgetReviewRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post(
    '/budgets/:id/consultation-rounds',
    {
      schema: {
        operationId: 'createConsultationRound',
        tags,
        summary:
          'Hold a consultation round on the draft in one area, with the deputies and voter representatives invited',
        params: idParams,
        body: createConsultationRoundSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) =>
      reply.code(201).send(await createConsultationRound(ctxOf(req), req.params.id, req.body)),
  );

  r.get(
    '/budgets/:id/area',
    {
      schema: {
        operationId: 'getBudgetAreaView',
        tags,
        summary:
          'One area’s view: its consultation rounds with opinions and feedback, and the warnings that concern it (a deputy: own areas only)',
        params: idParams,
        querystring: budgetAreaQuerySchema,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getAreaView(req.server.services, req.actor, req.params.id, req.query);
    },
  );

  r.get(
    '/budgets/:id/consultation',
    {
      schema: {
        operationId: 'getBudgetConsultation',
        tags,
        summary: 'The consultation rounds on the draft with their invitees, opinions and feedback',
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getConsultation(req.server.services.db, req.actor, req.params.id);
    },
  );

  r.get(
    '/budgets/:id/consultation/opinions.docx',
    {
      schema: {
        operationId: 'renderConsultationOpinions',
        tags,
        summary:
          'The opinions on the draft and the finance department’s feedback, printable for the sitting (.docx)',
        params: idParams,
      },
    },
    async (req, reply) => {
      if (!req.actor) throw unauthorized();
      const { fileName, data } = await renderConsultationOpinions(
        req.server.services.db,
        req.actor,
        req.params.id,
      );
      return download(reply, fileName, data);
    },
  );

  r.post(
    '/budget-consultation-rounds/:id/opinions',
    {
      schema: {
        operationId: 'recordConsultationOpinion',
        tags,
        summary:
          'Record an opinion on a line or a topic of the draft (staff for an invitee, or an invited deputy)',
        params: idParams,
        body: createConsultationOpinionSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) =>
      reply.code(201).send(await recordConsultationOpinion(ctxOf(req), req.params.id, req.body)),
  );

  r.post(
    '/budget-consultation-opinions/:id/feedback',
    {
      schema: {
        operationId: 'giveOpinionFeedback',
        tags,
        summary: 'The finance department’s feedback on an opinion about the draft',
        params: idParams,
        body: giveOpinionFeedbackSchema,
      },
    },
    async (req) => giveOpinionFeedback(ctxOf(req), req.params.id, req.body),
  );

  r.get(
    '/budgets/:id/review',
    {
      schema: {
        operationId: 'getBudgetReview',
        tags,
        summary:
          'The preliminary review: the draft’s timeliness, findings per Art. 48 point, conclusion, figures',
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getReview(req.server.services.db, req.actor, req.params.id);
    },
  );

  r.put(
    '/budgets/:id/review/points/:point',
    {
      schema: {
        operationId: 'recordReviewFindings',
        tags,
        summary: 'Record the reviewers’ findings on one focus point of Art. 48',
        params: idParams.extend({ point: reviewPointSchema }),
        body: recordReviewFindingsSchema,
      },
    },
    async (req) => recordReviewFindings(ctxOf(req), req.params.id, req.params.point, req.body),
  );

  r.put(
    '/budgets/:id/review/conclusion',
    {
      schema: {
        operationId: 'recordReviewConclusion',
        tags,
        summary: 'Record the review report’s recommendation on approval and its suggestions (Art. 49)',
        params: idParams,
        body: recordReviewConclusionSchema,
      },
    },
    async (req) => recordReviewConclusion(ctxOf(req), req.params.id, req.body),
  );

  r.get(
    '/budgets/:id/review/report.docx',
    {
      schema: {
        operationId: 'renderReviewReport',
        tags,
        summary: 'The review report to the presidium drafted from the review (.docx)',
        params: idParams,
      },
    },
    async (req, reply) => {
      if (!req.actor) throw unauthorized();
      const { fileName, data } = await renderReviewReport(req.server.services.db, req.actor, req.params.id);
      return download(reply, fileName, data);
    },
  );
}
