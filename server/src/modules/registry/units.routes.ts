// Handling units (承办单位): list, export and import, add, read and edit.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageQuerySchema } from '@minyi/domain';
import {
  HANDLING_UNIT_KINDS,
  MATTER_CATEGORIES,
  createHandlingUnitSchema,
  updateHandlingUnitSchema,
} from '@minyi/domain/registry';
import type { Actor } from '../../platform/context';
import { findHandlingUnits, presentUnit } from './queries/find-handling-units';
import { getHandlingUnitRecord } from './queries/get-handling-unit-record';
import { exportHandlingUnits, handlingUnitTemplate } from './queries/export-registry';
import { createHandlingUnit } from './commands/create-handling-unit';
import { editHandlingUnit } from './commands/edit-handling-unit';
import { importHandlingUnits } from './commands/import-handling-units';
import { ACCOUNT_LINK_READERS, registryPolicy } from './registry.policy';
import { idParams, reader, writer, sendXlsx, uploadedFile, tags } from './registry.routes';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { unauthorized } from '../../platform/errors';

export async function unitRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/handling-units',
    {
      schema: {
        operationId: 'findHandlingUnits',
        tags,
        summary: 'Handling units',
        querystring: pageQuerySchema.extend({
          q: z.string().trim().max(50).optional(),
          kind: z.enum(HANDLING_UNIT_KINDS).optional(),
          category: z.enum(MATTER_CATEGORIES).optional(),
          active: z.enum(['true', 'false']).optional(),
        }),
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, ACCOUNT_LINK_READERS);
      const { active, ...rest } = req.query;
      return findHandlingUnits(app.services.db, actor.congressId, {
        ...rest,
        active: active === undefined ? undefined : active === 'true',
      });
    },
  );

  r.get(
    '/handling-units/export.xlsx',
    { schema: { operationId: 'exportHandlingUnits', tags, summary: 'Export handling units (.xlsx)' } },
    async (req, reply) => {
      const actor = reader(req);
      return sendXlsx(reply, '承办单位.xlsx', await exportHandlingUnits(app.services.db, actor.congressId));
    },
  );

  r.get(
    '/handling-units/import-template.xlsx',
    {
      schema: {
        operationId: 'getHandlingUnitImportTemplate',
        tags,
        summary: 'Handling units import template (.xlsx)',
      },
    },
    async (req, reply) => {
      reader(req);
      return sendXlsx(reply, '承办单位导入模板.xlsx', await handlingUnitTemplate());
    },
  );

  r.post(
    '/handling-units/import',
    {
      schema: {
        operationId: 'importHandlingUnits',
        problems: [413, 415],
        tags,
        summary: 'Import handling units from .xlsx (multipart field "file"); all or nothing',
      },
    },
    async (req) => {
      const actor = writer(req);
      return importHandlingUnits(ctxOf(req), actor.congressId, await uploadedFile(req));
    },
  );

  const unitOut = async (actor: Actor, id: string) => ({
    ...presentUnit(await getHandlingUnitRecord(app.services.db, actor.congressId, id)),
    abilities: registryPolicy.abilities(actor, { congressId: actor.congressId }),
  });

  r.post(
    '/handling-units',
    {
      schema: {
        operationId: 'createHandlingUnit',
        tags,
        summary: 'Add a handling unit',
        body: createHandlingUnitSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createHandlingUnit(ctxOf(req), actor.congressId, req.body);
      return reply.code(201).send(await unitOut(actor, id));
    },
  );

  r.get(
    '/handling-units/:id',
    { schema: { operationId: 'getHandlingUnit', tags, summary: 'One handling unit', params: idParams } },
    async (req) => {
      const actor = req.actor;
      if (!actor) throw unauthorized();
      // A unit's own staff may read their unit; otherwise registry readers.
      if (!(actor.roles.includes('handlingUnitStaff') && actor.handlingUnitId === req.params.id)) reader(req);
      return unitOut(actor, req.params.id);
    },
  );

  r.patch(
    '/handling-units/:id',
    {
      schema: {
        operationId: 'editHandlingUnit',
        tags,
        summary: 'Edit a handling unit',
        params: idParams,
        body: updateHandlingUnitSchema,
      },
    },
    async (req) => {
      const actor = writer(req);
      await editHandlingUnit(ctxOf(req), actor.congressId, req.params.id, req.body);
      return unitOut(actor, req.params.id);
    },
  );
}
