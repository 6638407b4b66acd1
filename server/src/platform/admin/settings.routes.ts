// /settings/:module: per-congress module settings (deadlines, thresholds where practice varies).
// Staff read them; the system administrator, who manages configuration, writes them.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { abilitiesSchema, type Role } from '@minyi/domain';
import { ctxOf, typed } from '../http';
import { requireRole } from '../access';
import { notFound } from '../errors';
import { changeModuleSettings } from './commands/change-module-settings';
import { readSettings, settingsKeys, settingsSchemaOf, type SettingsSchema } from '../settings';

export const SETTINGS_READERS: readonly Role[] = [
  'congressStaff',
  'leader',
  'liaisonStaff',
  'handlingUnitStaff',
  'systemAdmin',
];

const settingsResponse = z.object({
  module: z.string(),
  values: z.record(z.string(), z.unknown()),
  defaults: z.record(z.string(), z.unknown()),
  schema: z.unknown(),
  abilities: abilitiesSchema,
});

function schemaOf(module: string): SettingsSchema {
  const schema = settingsSchemaOf(module);
  if (!schema) throw notFound({ zh: '模块设置', en: 'module settings' });
  return schema;
}

function jsonSchemaOf(schema: SettingsSchema): unknown {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  } catch {
    return null;
  }
}

const moduleParams = z.object({ module: z.string().regex(/^[A-Za-z][\w-]{0,63}$/) });

export async function settingsRoutes(app: FastifyInstance) {
  const r = typed(app);
  const present = async (module: string, congressId: string, roles: readonly Role[]) => {
    const schema = schemaOf(module);
    return {
      module,
      values: await readSettings(app.services.db, congressId, module, schema),
      defaults: schema.parse({}),
      schema: jsonSchemaOf(schema),
      abilities: { write: roles.includes('systemAdmin') },
    };
  };

  r.get(
    '/settings',
    {
      schema: {
        operationId: 'findSettingsModules',
        tags: ['settings'],
        summary: 'The modules that have settings',
        response: { 200: z.object({ items: z.array(z.object({ module: z.string() })) }) },
      },
    },
    async (req) => {
      requireRole(req.actor, SETTINGS_READERS);
      return { items: settingsKeys().map((module) => ({ module })) };
    },
  );

  r.get(
    '/settings/:module',
    {
      schema: {
        operationId: 'getModuleSettings',
        tags: ['settings'],
        summary: 'A module’s settings for my congress',
        params: moduleParams,
        response: { 200: settingsResponse },
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, SETTINGS_READERS);
      return present(req.params.module, actor.congressId, actor.roles);
    },
  );

  r.put(
    '/settings/:module',
    {
      schema: {
        operationId: 'changeModuleSettings',
        access: 'session',
        tags: ['settings'],
        summary: 'Change a module’s settings for my congress (systemAdmin); fields not sent keep their value',
        params: moduleParams,
        body: z.record(z.string(), z.unknown()),
        response: { 200: settingsResponse },
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, ['systemAdmin']);
      await changeModuleSettings(
        ctxOf(req),
        actor.congressId,
        req.params.module,
        schemaOf(req.params.module),
        req.body,
      );
      return present(req.params.module, actor.congressId, actor.roles);
    },
  );
}
