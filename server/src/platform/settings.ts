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
  return parseStoredSettings(schema, row?.value ?? {});
}

/**
 * A stored value that no longer fits the schema (a rule tightened since it was written) does not fail requests:
 * the stored fields the schema refuses fall back to their defaults one by one, and the others are kept. Before,
 * the whole module fell back, so one refused threshold silently reset every other setting too.
 */
export function parseStoredSettings<S extends SettingsSchema>(schema: S, stored: unknown): z.infer<S> {
  const value: unknown = structuredClone(stored);
  // Each pass drops the fields the refusal names; a nested object loses only the named leaf.
  for (let pass = 0; pass < 10; pass++) {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    let dropped = false;
    for (const issue of parsed.error.issues) dropped = dropPath(value, issue.path) || dropped;
    if (!dropped) break;
  }
  return schema.parse({});
}

function dropPath(value: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0 || typeof value !== 'object' || value === null) return false;
  let parent = value as Record<PropertyKey, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = parent[key];
    if (typeof next !== 'object' || next === null) break;
    parent = next as Record<PropertyKey, unknown>;
  }
  const leaf = path[path.length - 1];
  if (!(leaf in parent)) {
    // A refinement over the whole object names no field it can drop here; drop the path's first key instead.
    const first = path[0];
    if (!(first in value)) return false;
    delete (value as Record<PropertyKey, unknown>)[first];
    return true;
  }
  delete parent[leaf];
  return true;
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
