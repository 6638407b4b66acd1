// The opinions' administration: the routing table, the block list of the form, and the settings.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { blockSchema, opinionSettingsPatchSchema, routingRuleSchema } from '@minyi/domain/opinions';
import { ctxOf, typed } from '../../platform/http';
import { setOpinionRoute } from './commands/set-opinion-route';
import { deleteOpinionRoute } from './commands/delete-opinion-route';
import { blockSubmitter } from './commands/block-submitter';
import { unblockSubmitter } from './commands/unblock-submitter';
import { changeOpinionSettings } from './commands/change-opinion-settings';
import { findOpinionRoutes } from './queries/find-opinion-routes';
import { findBlocks } from './queries/find-blocks';
import { getOpinionSettings } from './queries/get-opinion-settings';

const idParams = z.object({ id: z.uuid() });
const tags = ['opinions'];

export async function routingRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/opinion-routes',
    {
      schema: {
        operationId: 'findOpinionRoutes',
        summary: 'The routing table: which units a category and street go to, with the abilities',
        tags,
      },
    },
    async (req) => findOpinionRoutes(ctxOf(req)),
  );
  r.put(
    '/opinion-routes',
    {
      schema: {
        operationId: 'setOpinionRoute',
        summary: 'Set one rule of the routing table',
        tags,
        body: routingRuleSchema,
      },
    },
    async (req) => setOpinionRoute(ctxOf(req), req.body),
  );
  r.delete(
    '/opinion-routes/:id',
    {
      schema: {
        operationId: 'deleteOpinionRoute',
        summary: 'Delete a rule of the routing table',
        tags,
        params: idParams,
      },
    },
    async (req, reply) => {
      await deleteOpinionRoute(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  r.get(
    '/opinion-blocks',
    {
      schema: {
        operationId: 'findOpinionBlocks',
        summary: 'Submitters blocked from the opinion form, with the abilities',
        tags,
      },
    },
    async (req) => findBlocks(ctxOf(req)),
  );
  r.post(
    '/opinion-blocks',
    {
      schema: {
        operationId: 'blockSubmitter',
        summary: 'Block a submitter from the opinion form',
        tags,
        body: blockSchema,
      },
    },
    async (req, reply) => reply.code(201).send(await blockSubmitter(ctxOf(req), req.body)),
  );
  r.delete(
    '/opinion-blocks/:id',
    {
      schema: {
        operationId: 'unblockSubmitter',
        summary: 'Lift a block on a submitter',
        tags,
        params: idParams,
      },
    },
    async (req, reply) => {
      await unblockSubmitter(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  r.get(
    '/opinion-settings',
    { schema: { operationId: 'getOpinionSettings', summary: 'The opinion settings of my congress', tags } },
    async (req) => getOpinionSettings(ctxOf(req)),
  );
  r.put(
    '/opinion-settings',
    {
      schema: {
        operationId: 'changeOpinionSettings',
        summary: 'Change the opinion settings of my congress; fields not sent keep their value',
        tags,
        body: opinionSettingsPatchSchema,
      },
    },
    async (req) => changeOpinionSettings(ctxOf(req), req.body),
  );
}
