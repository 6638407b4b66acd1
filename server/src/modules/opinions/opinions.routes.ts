// The opinions' workbench (staff, deputies, units): the queue, one opinion, its workflow steps, imports and
// the period report. Each route: parse, one use case, answer; the commands open their own transactions.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  closeOpinionSchema,
  decideOpinionSchema,
  handBackOpinionSchema,
  hideOpinionSchema,
  noteOpinionSchema,
  opinionQueueQuerySchema,
  periodQuerySchema,
  replyOpinionSchema,
} from '@minyi/domain/opinions';
import { requireRole } from '../../platform/access';
import { ctxOf, JsonPage, sendJsonPage, typed } from '../../platform/http';
import { MANAGE_ROLES, QUEUE_ROLES } from './opinions.policy';
import { readUpload } from './opinions-public.routes';
import { claimOpinion } from './commands/claim-opinion';
import { decideOpinion } from './commands/decide-opinion';
import { handBackOpinion } from './commands/hand-back-opinion';
import { addOpinionNote } from './commands/add-opinion-note';
import { replyOpinion } from './commands/reply-opinion';
import { verifyOpinion } from './commands/verify-opinion';
import { closeOpinion } from './commands/close-opinion';
import { hideOpinion } from './commands/hide-opinion';
import { importOpinions } from './commands/import-opinions';
import { getOpinion } from './queries/get-opinion';
import { findOpinions } from './queries/find-opinions';
import { findSimilarToOpinion } from './queries/find-similar-opinions';
import { getOpinionRouteProposal } from './queries/propose-route';
import { getImportTemplate } from './queries/get-import-template';
import { periodReport } from './queries/opinion-statistics';
import { exportOpinionPeriodReport } from './queries/export-opinions';

const idParams = z.object({ id: z.uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['opinions'];
const REPORT_ROLES = ['congressStaff', 'liaisonStaff', 'leader'] as const;

export async function opinionRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/opinions',
    {
      schema: {
        operationId: 'findOpinions',
        tags,
        summary: 'The workbench queue',
        querystring: opinionQueueQuerySchema,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      requireRole(ctx.actor, QUEUE_ROLES);
      const result = await findOpinions(ctx, req.query);
      return result instanceof JsonPage ? sendJsonPage(reply, result) : result;
    },
  );

  r.get(
    '/opinions/import-template.xlsx',
    {
      schema: {
        operationId: 'getOpinionImportTemplate',
        tags,
        summary: 'Template for importing hotline or petition exports',
      },
    },
    async (req, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="opinions-import-template.xlsx"')
        .send(await getImportTemplate(ctxOf(req))),
  );

  r.post(
    '/opinions/import',
    {
      schema: {
        operationId: 'importOpinions',
        problems: [413, 415],
        tags,
        summary: 'Import a hotline/petition export (all or nothing)',
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      requireRole(ctx.actor, MANAGE_ROLES);
      const { data } = await readUpload(req);
      return reply.code(201).send(await importOpinions(ctx, data));
    },
  );

  r.get(
    '/opinions/:id',
    {
      schema: {
        operationId: 'getOpinion',
        tags,
        summary: 'One opinion with its timeline and abilities',
        params: idParams,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      requireRole(ctx.actor, QUEUE_ROLES);
      return getOpinion(ctx, req.params.id);
    },
  );

  r.get(
    '/opinions/:id/similar',
    {
      schema: {
        operationId: 'findSimilarOpinions',
        tags,
        summary: 'Similar open opinions (triage)',
        params: idParams,
      },
    },
    async (req) => findSimilarToOpinion(ctxOf(req), req.params.id),
  );

  r.get(
    '/opinions/:id/route-proposal',
    {
      schema: {
        operationId: 'getOpinionRouteProposal',
        tags,
        summary: 'Units the routing table proposes',
        params: idParams,
      },
    },
    async (req) => getOpinionRouteProposal(ctxOf(req), req.params.id),
  );

  r.post(
    '/opinions/:id/claim',
    {
      schema: { operationId: 'claimOpinion', summary: 'Claim an opinion for triage', tags, params: idParams },
    },
    async (req) => claimOpinion(ctxOf(req), req.params.id),
  );
  r.post(
    '/opinions/:id/decide',
    {
      schema: {
        operationId: 'decideOpinion',
        summary:
          'Decide an opinion at triage: answer it on the spot, forward it to units, merge it, raise it as a suggestion, or declare it inadmissible',
        tags,
        params: idParams,
        body: decideOpinionSchema,
      },
    },
    async (req) => decideOpinion(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/opinions/:id/hand-back',
    {
      schema: {
        operationId: 'handBackOpinion',
        summary: 'Hand an opinion back to triage with the reason (a handling unit)',
        tags,
        params: idParams,
        body: handBackOpinionSchema,
      },
    },
    async (req) => handBackOpinion(ctxOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/opinions/:id/notes',
    {
      schema: {
        operationId: 'addOpinionNote',
        summary: "Add a note to an opinion's timeline, public or internal",
        tags,
        params: idParams,
        body: noteOpinionSchema,
      },
    },
    async (req) => addOpinionNote(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/opinions/:id/reply',
    {
      schema: {
        operationId: 'replyOpinion',
        summary: 'Reply to an opinion with its outcome (the lead unit)',
        tags,
        params: idParams,
        body: replyOpinionSchema,
      },
    },
    async (req) => replyOpinion(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/opinions/:id/verify',
    {
      schema: {
        operationId: 'verifyOpinion',
        summary: 'Verify the reply to an opinion',
        tags,
        params: idParams,
        body: z.strictObject({ note: z.string().trim().max(1000).optional() }),
      },
    },
    async (req) => verifyOpinion(ctxOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/opinions/:id/close',
    {
      schema: {
        operationId: 'closeOpinion',
        summary: 'Close an opinion with the reason',
        tags,
        params: idParams,
        body: closeOpinionSchema,
      },
    },
    async (req) => closeOpinion(ctxOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/opinions/:id/hide',
    {
      schema: {
        operationId: 'hideOpinion',
        summary: 'Hide an opinion from the public list, with the reason',
        tags,
        params: idParams,
        body: hideOpinionSchema,
      },
    },
    async (req) => hideOpinion(ctxOf(req), req.params.id, req.body.reason, true),
  );
  r.post(
    '/opinions/:id/unhide',
    {
      schema: {
        operationId: 'unhideOpinion',
        summary: 'Show a hidden opinion in the public list again, with the reason',
        tags,
        params: idParams,
        body: hideOpinionSchema,
      },
    },
    async (req) => hideOpinion(ctxOf(req), req.params.id, req.body.reason, false),
  );

  r.get(
    '/opinion-reports/period',
    {
      schema: {
        operationId: 'getOpinionPeriodReport',
        summary: 'Opinions and receptions of a period, per street and in total',
        tags,
        querystring: periodQuerySchema,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const actor = requireRole(ctx.actor, REPORT_ROLES);
      return periodReport(ctx.app.db, { congressId: actor.congressId, ...req.query });
    },
  );
  r.get(
    '/opinion-reports/period.xlsx',
    {
      schema: {
        operationId: 'exportOpinionPeriodReport',
        summary: 'The period report of opinions and receptions (.xlsx)',
        tags,
        querystring: periodQuerySchema,
      },
    },
    async (req, reply) => {
      const file = await exportOpinionPeriodReport(ctxOf(req), req.query);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.data);
    },
  );
}
