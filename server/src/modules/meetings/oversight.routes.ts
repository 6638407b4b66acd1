// HTTP for the oversight of work reports (监督法 Art. 17): the list and one report, opening the loop from a heard
// report, the opinions, the handling report, the satisfaction vote, follow-up. Thin: parse → one use case.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  followUpSchema,
  handlingReportSchema,
  openOversightSchema,
  oversightQuerySchema,
  satisfactionVoteSchema,
  sendOpinionsSchema,
} from '@minyi/domain/meetings';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { READERS } from './meetings.policy';
import {
  openFollowUp,
  openOversightReport,
  putSatisfactionVote,
  recordHandlingReport,
  sendOpinions,
} from './commands/oversight-report';
import { findOversightReports, getOversightReport } from './queries/oversight-reports';

const tags = ['meetings'];
const idParams = z.object({ id: idSchema });

export async function oversightRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/oversight-reports',
    {
      schema: {
        operationId: 'findOversightReports',
        tags,
        summary: 'Work reports under oversight, newest heard first, with a late handling report flagged',
        querystring: oversightQuerySchema,
      },
    },
    async (req) => findOversightReports(req.server.services.db, requireRole(req.actor, READERS), req.query),
  );

  r.get(
    '/oversight-reports/:id',
    {
      schema: {
        operationId: 'getOversightReport',
        tags,
        summary: 'One report’s oversight: opinions, handling report, satisfaction vote, follow-up',
        params: idParams,
      },
    },
    async (req) => getOversightReport(req.server.services.db, requireRole(req.actor, READERS), req.params.id),
  );

  r.post(
    '/oversight-reports',
    {
      schema: {
        operationId: 'openOversightReport',
        tags,
        summary: 'Follow a work report heard at a meeting (its agenda item) through the oversight loop',
        body: openOversightSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await openOversightReport(ctxOf(req), req.body)),
  );

  r.post(
    '/oversight-reports/:id/opinions',
    {
      schema: {
        operationId: 'sendOversightOpinions',
        tags,
        summary: 'Send the deliberation opinions to the organ; its handling report falls due',
        params: idParams,
        body: sendOpinionsSchema,
      },
    },
    async (req) => sendOpinions(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/oversight-reports/:id/handling-report',
    {
      schema: {
        operationId: 'recordOversightHandlingReport',
        tags,
        summary: 'Record the organ’s handling report (a late one is flagged)',
        params: idParams,
        body: handlingReportSchema,
      },
    },
    async (req) => recordHandlingReport(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/oversight-reports/:id/satisfaction-vote',
    {
      schema: {
        operationId: 'putOversightSatisfactionVote',
        tags,
        summary: 'Put a satisfaction vote on the handling report on a standing-committee meeting’s agenda',
        params: idParams,
        body: satisfactionVoteSchema,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await putSatisfactionVote(ctxOf(req), req.params.id, req.body.meetingId)),
  );

  r.post(
    '/oversight-reports/:id/follow-up',
    {
      schema: {
        operationId: 'openOversightFollowUp',
        tags,
        summary: 'Open follow-up supervision of the report',
        params: idParams,
        body: followUpSchema,
      },
    },
    async (req) => openFollowUp(ctxOf(req), req.params.id, req.body.plan),
  );
}
