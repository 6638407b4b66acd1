// HTTP routes of the handling reports of suggestions and of the published replies (答复公开).
import { z } from 'zod';
import { publicReplyQuerySchema } from '@minyi/domain/suggestions';
import { ctxOf, typed, type App } from '../../platform/http';
import { resolvePublicCongress } from '../registry';
import { exportHandlingReportDocx, exportHandlingReportXlsx } from './queries/export-handling-report';
import { findPublicReplies, getPublicReply } from './queries/find-public-replies';
import { getHandlingReport } from './queries/get-handling-report';
import { DOCX, download, idParams, tags } from './suggestions.routes';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const reportQuery = z.object({
  sittingId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export async function suggestionReportRoutes(app: App) {
  const r = typed(app);

  r.get(
    '/suggestion-report',
    {
      schema: {
        operationId: 'getHandlingReport',
        summary: 'Handling report of suggestions for a sitting or year',
        tags,
        querystring: reportQuery,
      },
    },
    async (req) => getHandlingReport(ctxOf(req), req.query),
  );
  r.get(
    '/suggestion-report.xlsx',
    {
      schema: {
        operationId: 'exportHandlingReportXlsx',
        summary: 'Handling report of suggestions (.xlsx)',
        tags,
        querystring: reportQuery,
      },
    },
    async (req, reply) =>
      download(reply, XLSX, 'suggestion-report.xlsx', await exportHandlingReportXlsx(ctxOf(req), req.query)),
  );
  r.get(
    '/suggestion-report.docx',
    {
      schema: {
        operationId: 'exportHandlingReportDocx',
        summary: 'Handling report of suggestions (.docx)',
        tags,
        querystring: reportQuery,
      },
    },
    async (req, reply) =>
      download(reply, DOCX, 'suggestion-report.docx', await exportHandlingReportDocx(ctxOf(req), req.query)),
  );

  // ---------- public (答复公开) ----------
  r.get(
    '/public/suggestion-replies',
    {
      schema: {
        operationId: 'findPublicReplies',
        access: 'public',
        tags,
        summary:
          'Published replies to suggestions, newest first (public; one item per suggestion, its latest reply)',
        querystring: publicReplyQuerySchema,
      },
    },
    async (req) => findPublicReplies(req.server.services.db, await resolvePublicCongress(req), req.query),
  );
  r.get(
    '/public/suggestion-replies/:id',
    {
      schema: {
        operationId: 'getPublicReply',
        access: 'public',
        tags,
        summary: 'One published suggestion with every reply round (public; the id is the suggestion id)',
        params: idParams,
        querystring: z.object({ congressId: z.uuid().optional() }),
      },
    },
    async (req) => getPublicReply(req.server.services.db, await resolvePublicCongress(req), req.params.id),
  );
}
