// HTTP for the register of office-holders (任免): who holds (held) which post on a date, and one appointment or
// removal case with its status. Staff and leaders; thin: parse → one read → answer.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import { officeHolderQuerySchema } from '@minyi/domain/meetings';
import { typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { READERS } from './meetings.policy';
import { findOfficeHolders } from './queries/find-office-holders';
import { getAppointment } from './queries/get-appointment';

const tags = ['meetings'];

export async function officeHolderRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/office-holders',
    {
      schema: {
        operationId: 'findOfficeHolders',
        tags,
        summary: 'Who held which post on a date (today by default), optionally one post',
        querystring: officeHolderQuerySchema,
      },
    },
    async (req) => findOfficeHolders(req.server.services.db, requireRole(req.actor, READERS), req.query),
  );

  r.get(
    '/appointments/:id',
    {
      schema: {
        operationId: 'getAppointment',
        tags,
        summary: 'One appointment or removal case with its status and the holding it made',
        params: z.object({ id: idSchema }),
      },
    },
    async (req) => getAppointment(req.server.services.db, requireRole(req.actor, READERS), req.params.id),
  );
}
