// HTTP for campaigns (专项活动) and the deputy's public record: the list, creating one, a campaign's report
// computed from the records, and one deputy's record of a year or term with the duty points (and as .docx),
// the staff's ranking and every deputy's summary as .xlsx.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  createCampaignSchema,
  rankingQuerySchema,
  recordQuerySchema,
  termRecordQuerySchema,
} from '@minyi/domain/activities';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { requireRole } from '../../platform/access';
import { READERS } from './activities.policy';
import { resolvePublicCongress } from '../registry';
import { createCampaign } from './commands/create-campaign';
import { findCampaigns } from './queries/find-campaigns';
import { getCampaignReport } from './queries/get-campaign-report';
import { getDeputyRecord, getDeputyTermRecord } from './queries/get-deputy-record';
import { getPointsRanking } from './queries/get-points-ranking';
import { exportDeputyRecordDocx, exportDeputyRecordsXlsx } from './queries/export-deputy-records';
import { DOCX, XLSX, download } from './visits.routes';

const tags = ['activities'];
const idParams = z.object({ id: idSchema });

export async function campaignRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/campaigns',
    {
      schema: {
        operationId: 'findCampaigns',
        tags,
        summary: 'Campaigns, newest first (staff and leaders; a deputy those with firms to visit)',
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findCampaigns(req.server.services.db, req.actor);
    },
  );

  r.post(
    '/campaigns',
    {
      schema: {
        operationId: 'createCampaign',
        tags,
        summary: 'Create a campaign: the activity month, enterprise visits, or another, for a period',
        body: createCampaignSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await createCampaign(ctxOf(req), req.body)),
  );

  r.get(
    '/campaigns/:id/report',
    {
      schema: {
        operationId: 'getCampaignReport',
        tags,
        summary:
          "A campaign's figures computed from the records (per street, kind, level) and the report's sentence",
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getCampaignReport(req.server.services.db, req.actor, req.params.id);
    },
  );

  r.get(
    '/deputies/:id/record',
    {
      schema: {
        operationId: 'getDeputyPerformanceRecord',
        access: 'public',
        tags,
        summary:
          "A deputy's record of a year: work counted per kind, and the duty points with their rules (public)",
        params: idParams,
        querystring: recordQuerySchema,
      },
    },
    async (req) =>
      getDeputyRecord(
        req.server.services.database,
        await resolvePublicCongress(req),
        req.params.id,
        req.query.year,
      ),
  );

  r.get(
    '/deputies/:id/record.docx',
    {
      schema: {
        operationId: 'exportDeputyPerformanceRecord',
        access: 'public',
        tags,
        summary: "A deputy's record of a year as .docx, for the report to voters (public)",
        params: idParams,
        querystring: recordQuerySchema,
      },
    },
    async (req, reply) =>
      download(
        reply,
        DOCX,
        `record-${req.query.year}.docx`,
        await exportDeputyRecordDocx(
          req.server.services.database,
          await resolvePublicCongress(req),
          req.params.id,
          req.query.year,
        ),
      ),
  );

  r.get(
    '/deputies/:id/term-record',
    {
      schema: {
        operationId: 'getDeputyTermRecord',
        access: 'public',
        tags,
        summary: "A deputy's record over a term (the current one by default): totals and each year's points",
        params: idParams,
        querystring: termRecordQuerySchema,
      },
    },
    async (req) =>
      getDeputyTermRecord(
        req.server.services.database,
        await resolvePublicCongress(req),
        req.params.id,
        req.query.termId,
      ),
  );

  r.get(
    '/deputy-rankings',
    {
      schema: {
        operationId: 'getPointsRanking',
        tags,
        summary:
          "The year's duty-points ranking (staff and leaders; a deputy only their own place, when the settings allow)",
        querystring: rankingQuerySchema,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getPointsRanking(req.server.services.database, req.actor, req.query.year);
    },
  );

  r.get(
    '/deputy-records.xlsx',
    {
      schema: {
        operationId: 'exportDeputyRecords',
        tags,
        summary: "Every deputy's yearly summary with the points and ranking (.xlsx, staff and leaders)",
        querystring: rankingQuerySchema,
      },
    },
    async (req, reply) => {
      const actor = requireRole(req.actor, READERS);
      return download(
        reply,
        XLSX,
        `deputy-records-${req.query.year}.xlsx`,
        await exportDeputyRecordsXlsx(req.server.services.database, actor, req.query.year),
      );
    },
  );
}
