// Per-congress settings for each module (deadlines and thresholds where practice varies by jurisdiction).
// A module describes its settings as a zod object whose every field has a default (the legal or usual
// value, from its rules file); stored values override the defaults.
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/client';
import type { Work } from './context';
import { badRequest } from './errors';
import { congresses } from './platform.table';

export type SettingsSchema = z.ZodObject<Record<string, z.ZodType>>;

export async function readSettings<S extends SettingsSchema>(
  db: Db,
  congressId: string,
  key: string,
  schema: S,
): Promise<z.infer<S>> {
  const [row] = await db
    .select({ value: sql<unknown>`${congresses.settings} -> ${key}` })
    .from(congresses)
    .where(eq(congresses.id, congressId));
  const parsed = schema.safeParse(row?.value ?? {});
  // A stored value that no longer fits the schema falls back to the defaults rather than failing requests.
  return parsed.success ? parsed.data : schema.parse({});
}

/** Validates and stores a module's settings (partial updates merge over what is stored). */
export async function writeSettings<S extends SettingsSchema>(
  w: Work,
  congressId: string,
  key: string,
  schema: S,
  patch: Record<string, unknown>,
): Promise<z.infer<S>> {
  const before = await readSettings(w.db, congressId, key, schema);
  const parsed = schema.safeParse({ ...before, ...patch });
  if (!parsed.success) {
    throw badRequest(
      parsed.error.issues.map((i) => ({
        field: i.path.join('.'),
        in: 'body',
        code: i.code,
        message: { zh: '取值无效', en: i.message },
      })),
    );
  }
  await w.db
    .update(congresses)
    .set({
      settings: sql`jsonb_set(${congresses.settings}, ${`{${key}}`}::text[], ${JSON.stringify(parsed.data)}::jsonb)`,
    })
    .where(eq(congresses.id, congressId));
  await w.audit({
    action: 'settings.write',
    entityType: 'settings',
    entityId: key,
    congressId,
    before,
    after: parsed.data,
  });
  return parsed.data;
}

const registry = new Map<string, SettingsSchema>();

/**
 * Declares a module's settings under its key, so GET/PUT /api/v1/settings/:key can read and write them.
 * Call it once at import time in the module (e.g. in its rules or index file); returns the schema.
 */
export function defineSettings<S extends SettingsSchema>(key: string, schema: S): S {
  registry.set(key, schema);
  return schema;
}

/** The declared settings schema of a key, or null. */
export const settingsSchemaOf = (key: string): SettingsSchema | null => registry.get(key) ?? null;

/** Every declared settings key. */
export const settingsKeys = (): string[] => [...registry.keys()].sort();
