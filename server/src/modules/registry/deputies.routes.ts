// Deputies and their mandates (staff): list, export and import, register, edit, grant a mandate, and
// suspend, terminate or reinstate it.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageQuerySchema } from '@minyi/domain';
import {
  CONGRESS_LEVELS,
  MANDATE_STATUSES,
  createDeputySchema,
  createMandateSchema,
  mandateStatusChangeSchema,
  revealPersonalDataSchema,
  updateDeputySchema,
} from '@minyi/domain/registry';
import { findDeputies } from './queries/find-deputies';
import { getDeputyRecord } from './queries/get-deputy-record';
import { deputyTemplate } from './queries/export-registry';
import { exportDeputies } from './commands/export-deputies';
import { revealDeputyPersonalData } from './commands/reveal-deputy-personal-data';
import { createDeputy } from './commands/create-deputy';
import { editDeputy } from './commands/edit-deputy';
import { addMandate } from './commands/add-mandate';
import { changeMandateStatus } from './commands/change-mandate-status';
import { importDeputies } from './commands/import-deputies';
import { ACCOUNT_LINK_READERS, registryPolicy } from './registry.policy';
import { idParams, reader, writer, sendXlsx, uploadedFile, tags } from './registry.routes';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';

export async function deputyRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/deputies',
    {
      schema: {
        operationId: 'findDeputies',
        tags,
        summary: 'Deputies with their mandates (personal data masked)',
        querystring: pageQuerySchema.extend({
          q: z.string().trim().max(50).optional(),
          streetId: z.uuid().optional(),
          level: z.enum(CONGRESS_LEVELS).optional(),
          status: z.enum(MANDATE_STATUSES).optional(),
        }),
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, ACCOUNT_LINK_READERS);
      return findDeputies(app.services.db, app.services.pii, actor.congressId, req.query);
    },
  );

  r.get(
    '/deputies/export.xlsx',
    {
      schema: {
        operationId: 'exportDeputies',
        tags,
        summary:
          'Export deputies (.xlsx); personal data masked unless the role may export in clear (audited)',
      },
    },
    async (req, reply) => {
      const actor = reader(req);
      return sendXlsx(reply, '代表名册.xlsx', await exportDeputies(ctxOf(req), actor.congressId));
    },
  );

  r.get(
    '/deputies/import-template.xlsx',
    { schema: { operationId: 'getDeputyImportTemplate', tags, summary: 'Deputies import template (.xlsx)' } },
    async (req, reply) => {
      reader(req);
      return sendXlsx(reply, '代表导入模板.xlsx', await deputyTemplate());
    },
  );

  r.post(
    '/deputies/import',
    {
      schema: {
        operationId: 'importDeputies',
        problems: [413, 415],
        tags,
        summary: 'Import deputies from .xlsx (multipart field "file"); all or nothing',
      },
    },
    async (req) => {
      const actor = writer(req);
      return importDeputies(ctxOf(req), actor.congressId, await uploadedFile(req));
    },
  );

  r.post(
    '/deputies',
    {
      schema: { operationId: 'registerDeputy', tags, summary: 'Register a deputy', body: createDeputySchema },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createDeputy(ctxOf(req), actor.congressId, req.body);
      return reply
        .code(201)
        .send(await getDeputyRecord(app.services.db, app.services.pii, actor.congressId, actor, id));
    },
  );

  r.get(
    '/deputies/:id',
    {
      schema: {
        operationId: 'getDeputy',
        tags,
        summary: 'One deputy, with mandates, liaison places and committees',
        params: idParams,
      },
    },
    async (req) => {
      // A deputy may read their own record (personal data masked, as for every role).
      const own = req.actor?.deputyId === req.params.id && req.actor.roles.includes('deputy');
      const actor = own ? req.actor! : reader(req);
      return getDeputyRecord(app.services.db, app.services.pii, actor.congressId, actor, req.params.id);
    },
  );

  r.post(
    '/deputies/:id/reveal',
    {
      schema: {
        operationId: 'revealDeputyPersonalData',
        tags,
        summary: "Reveal one of a deputy's personal data fields in clear (allowed by role, audited)",
        params: idParams,
        body: revealPersonalDataSchema,
        response: {
          200: z.object({ field: z.enum(['phone', 'idNumber', 'address']), value: z.string().nullable() }),
        },
      },
    },
    async (req) => {
      const actor = reader(req);
      return revealDeputyPersonalData(ctxOf(req), actor.congressId, req.params.id, req.body.field);
    },
  );

  r.patch(
    '/deputies/:id',
    {
      schema: {
        operationId: 'editDeputy',
        tags,
        summary: "Edit a deputy's particulars",
        params: idParams,
        body: updateDeputySchema,
      },
    },
    async (req) => {
      const actor = writer(req);
      registryPolicy.authorize(actor, 'edit', { congressId: actor.congressId });
      await editDeputy(ctxOf(req), actor.congressId, req.params.id, req.body);
      return getDeputyRecord(app.services.db, app.services.pii, actor.congressId, actor, req.params.id);
    },
  );

  r.post(
    '/deputies/:id/mandates',
    {
      schema: {
        operationId: 'grantMandate',
        tags,
        summary: 'Give a deputy a mandate',
        params: idParams,
        body: createMandateSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      await addMandate(ctxOf(req), actor.congressId, req.params.id, req.body);
      return reply
        .code(201)
        .send(
          await getDeputyRecord(app.services.db, app.services.pii, actor.congressId, actor, req.params.id),
        );
    },
  );

  for (const action of ['suspend', 'terminate'] as const) {
    r.post(
      `/mandates/:id/${action}`,
      {
        schema: {
          operationId: `${action}Mandate`,
          tags,
          summary: `${action === 'suspend' ? 'Suspend' : 'Terminate'} a mandate (reason and date required)`,
          params: idParams,
          body: mandateStatusChangeSchema,
        },
      },
      async (req) => {
        const actor = writer(req);
        registryPolicy.authorize(actor, 'changeStatus', { congressId: actor.congressId });
        await changeMandateStatus(ctxOf(req), actor.congressId, req.params.id, action, req.body);
        return {
          id: req.params.id,
          status: action === 'suspend' ? 'suspended' : 'terminated',
          statusReason: req.body.reason,
          statusDate: req.body.date,
        };
      },
    );
  }

  r.post(
    '/mandates/:id/reinstate',
    {
      schema: {
        operationId: 'reinstateMandate',
        tags,
        summary: 'Reinstate a suspended mandate',
        params: idParams,
      },
    },
    async (req) => {
      const actor = writer(req);
      await changeMandateStatus(ctxOf(req), actor.congressId, req.params.id, 'reinstate', null);
      return { id: req.params.id, status: 'active', statusReason: '', statusDate: null };
    },
  );
}
