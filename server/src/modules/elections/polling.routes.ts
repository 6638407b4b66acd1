// HTTP for polling day: a district's polling stations and mobile ballot boxes, a station's turnout report from
// a phone, and the turnout rolled up per district and for the election. Thin: parse → one use case → answer.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import { addStationSchema, reportTurnoutSchema } from '@minyi/domain/elections';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { addStation } from './commands/add-station';
import { reportTurnout } from './commands/report-turnout';
import { getTurnout } from './queries/get-turnout';
import { tags } from './elections.routes';

export async function pollingRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post(
    '/elections/:id/districts/:districtId/stations',
    {
      schema: {
        operationId: 'addElectionStation',
        tags,
        summary: 'Add a polling station or a mobile ballot box to a district',
        params: z.object({ id: idSchema, districtId: idSchema }),
        body: addStationSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) =>
      reply.code(201).send(await addStation(ctxOf(req), req.params.id, req.params.districtId, req.body)),
  );

  r.post(
    '/elections/:id/stations/:stationId/reports',
    {
      schema: {
        operationId: 'reportElectionTurnout',
        tags,
        summary: "A polling station's running ballots issued and returned on election day",
        params: z.object({ id: idSchema, stationId: idSchema }),
        body: reportTurnoutSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) =>
      reply.code(201).send(await reportTurnout(ctxOf(req), req.params.id, req.params.stationId, req.body)),
  );

  r.get(
    '/elections/:id/turnout',
    {
      schema: {
        operationId: 'getElectionTurnout',
        tags,
        summary: 'Turnout by station, district and the whole election, and by the hour',
        params: z.object({ id: idSchema }),
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getTurnout(req.server.services.db, req.actor, req.params.id);
    },
  );
}
