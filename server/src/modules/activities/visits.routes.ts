// HTTP for enterprise visits (走访调研企业) within a campaign: the campaign with its questionnaire, the
// questionnaire builder's save, the firms' import (.xlsx/.csv) and plan, giving firms to deputies, the visit
// record from the deputy's phone, the responses as .xlsx and the campaign's report as .docx.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  assignFirmsSchema,
  firmIssueQuerySchema,
  questionnaireSchema,
  rateFirmIssueSchema,
  recordVisitSchema,
} from '@minyi/domain/activities';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { AppError, invalidField, unauthorized } from '../../platform/errors';
import { STAFF, READERS } from './activities.policy';
import { importFirms } from './commands/import-firms';
import { assignFirms } from './commands/assign-firms';
import { setQuestionnaire } from './commands/set-questionnaire';
import { recordVisit } from './commands/record-visit';
import { rateFirmIssue } from './commands/rate-firm-issue';
import { getCampaign } from './queries/get-campaign';
import { findCampaignFirms } from './queries/find-campaign-firms';
import { findFirmIssues } from './queries/find-firm-issues';
import { exportCampaignReportDocx, exportResponsesXlsx } from './queries/export-campaign';

const tags = ['activities'];
const idParams = z.object({ id: idSchema });
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const download = (
  reply: { type(t: string): { header(k: string, v: string): { send(d: Buffer): unknown } } },
  type: string,
  name: string,
  data: Buffer,
) =>
  reply
    .type(type)
    .header(
      'content-disposition',
      `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(data);

/** The multipart field `file` (400 without it, 413 over the limit). */
async function uploadedFile(req: FastifyRequest): Promise<{ data: Buffer; filename: string }> {
  if (!req.isMultipart())
    throw invalidField(
      'file',
      '请以 multipart/form-data 上传文件',
      'upload the file as multipart/form-data',
      'required',
    );
  const part = await req.file();
  if (!part || part.fieldname !== 'file')
    throw invalidField('file', '缺少文件字段 file', 'the multipart field "file" is missing', 'required');
  try {
    return { data: await part.toBuffer(), filename: part.filename };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'file_too_large', {
        zh: '文件过大，上限为 10 MB',
        en: 'The file is too large; the limit is 10 MB',
      });
    throw err;
  }
}

export async function visitRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/campaigns/:id',
    {
      schema: {
        operationId: 'getCampaign',
        tags,
        summary:
          'One campaign with its questionnaire (staff, leaders, and deputies with firms to visit in it)',
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getCampaign(req.server.services.db, req.actor, req.params.id);
    },
  );

  r.put(
    '/campaigns/:id/questionnaire',
    {
      schema: {
        operationId: 'setCampaignQuestionnaire',
        tags,
        summary: "Save the campaign's questionnaire (fixed once a visit has answered it)",
        params: idParams,
        body: questionnaireSchema,
      },
    },
    async (req) => setQuestionnaire(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/campaigns/:id/firms::import',
    {
      schema: {
        operationId: 'importCampaignFirms',
        problems: [413],
        tags,
        summary: 'Import the firms to visit (.xlsx or .csv); a row-level report of the rows refused',
        params: idParams,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      // The role before the upload is read (the step checks the campaign's policy again).
      requireRole(ctx.actor, STAFF);
      const { data, filename } = await uploadedFile(req);
      return importFirms(ctx, req.params.id, data, filename);
    },
  );

  r.get(
    '/campaigns/:id/firms',
    {
      schema: {
        operationId: 'findCampaignFirms',
        tags,
        summary: "The campaign's firms with their deputy, planned day and visits (a deputy: their own)",
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findCampaignFirms(req.server.services.db, req.actor, req.params.id);
    },
  );

  r.post(
    '/campaigns/:id/assignments',
    {
      schema: {
        operationId: 'assignCampaignFirms',
        tags,
        summary: 'Give firms to deputies to visit, each with the planned day',
        params: idParams,
        body: assignFirmsSchema,
      },
    },
    async (req) => assignFirms(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/campaigns/:id/visits',
    {
      schema: {
        operationId: 'recordFirmVisit',
        tags,
        summary:
          "Record a visit to a firm: the questionnaire's responses and the problems raised, each sent to a unit",
        params: idParams,
        body: recordVisitSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await recordVisit(ctxOf(req), req.params.id, req.body)),
  );

  r.get(
    '/campaigns/:id/issues',
    {
      schema: {
        operationId: 'findFirmIssues',
        tags,
        summary:
          "The problems raised in the campaign's visits with the unit, the opinion's status, the reply and the firm's rating (a deputy: their own visits)",
        params: idParams,
        querystring: firmIssueQuerySchema,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findFirmIssues(req.server.services.db, req.actor, req.params.id, req.query);
    },
  );

  r.post(
    '/firm-issues/:id/rating',
    {
      schema: {
        operationId: 'rateFirmIssue',
        tags,
        summary:
          "Record the firm's rating of the unit's answer to a problem it raised (the opinion's rating: dissatisfied reopens it)",
        params: idParams,
        body: rateFirmIssueSchema,
      },
    },
    async (req) => rateFirmIssue(ctxOf(req), req.params.id, req.body),
  );

  r.get(
    '/campaigns/:id/responses.xlsx',
    {
      schema: {
        operationId: 'exportCampaignResponses',
        tags,
        summary: "The visits' questionnaire responses and their tally (.xlsx)",
        params: idParams,
      },
    },
    async (req, reply) => {
      const actor = requireRole(req.actor, READERS);
      return download(
        reply,
        XLSX,
        'responses.xlsx',
        await exportResponsesXlsx(req.server.services.db, actor, req.params.id),
      );
    },
  );

  r.get(
    '/campaigns/:id/report.docx',
    {
      schema: {
        operationId: 'exportCampaignReport',
        tags,
        summary: "The campaign's report computed from the records (.docx)",
        params: idParams,
      },
    },
    async (req, reply) => {
      const actor = requireRole(req.actor, READERS);
      return download(
        reply,
        DOCX,
        'campaign-report.docx',
        await exportCampaignReportDocx(req.server.services.db, actor, req.params.id),
      );
    },
  );
}
