// HTTP for campaigns (专项活动) and the deputy's public record: the list, creating one, a campaign's report
// computed from the records, and one deputy's record of a year with the duty points.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import { createCampaignSchema, recordQuerySchema } from '@minyi/domain/activities';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { resolvePublicCongress } from '../registry';
import { createCampaign } from './commands/create-campaign';
import { findCampaigns } from './queries/find-campaigns';
import { getCampaignReport } from './queries/get-campaign-report';
import { getDeputyRecord } from './queries/get-deputy-record';

const tags = ['activities'];
const idParams = z.object({ id: idSchema });

export async function campaignRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/campaigns',
    {
      schema: { operationId: 'findCampaigns', tags, summary: 'Campaigns, newest first (staff and leaders)' },
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
        req.server.services.db,
        await resolvePublicCongress(req),
        req.params.id,
        req.query.year,
      ),
  );
}
