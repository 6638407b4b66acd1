// The committed SQL migrations are the truth; every Drizzle table must match them column for column,
// and every table carries congress_id (the tenancy and distribution key).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is, sql } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from './harness';

const SRC = path.resolve(import.meta.dirname, '../src');
const tableFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory() ? tableFiles(full) : f.endsWith('.table.ts') ? [full] : [];
  });

let t: TestEnv;
beforeAll(async () => {
  t = await createTestEnv();
});
afterAll(async () => t?.close());

describe('schema', () => {
  it('matches the Drizzle tables to the migrated database', async () => {
    const res = await t.services.db.execute(
      sql`SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const rows = (
      res as unknown as { rows: { table_name: string; column_name: string; is_nullable: string }[] }
    ).rows;
    const db = new Map<string, Map<string, string>>();
    for (const r of rows) {
      if (!db.has(r.table_name)) db.set(r.table_name, new Map());
      db.get(r.table_name)!.set(r.column_name, r.is_nullable);
    }
    let checked = 0;
    for (const file of tableFiles(SRC)) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const value of Object.values(mod)) {
        if (!is(value, PgTable)) continue;
        const cfg = getTableConfig(value);
        const actual = db.get(cfg.name);
        expect(
          actual,
          `table ${cfg.name} (${path.relative(SRC, file)}) is missing from the migrations`,
        ).toBeDefined();
        const declared = new Set(cfg.columns.map((c) => c.name));
        expect([...actual!.keys()].sort(), `columns of ${cfg.name}`).toEqual([...declared].sort());
        for (const c of cfg.columns) {
          expect(actual!.get(c.name) === 'NO', `nullability of ${cfg.name}.${c.name}`).toBe(c.notNull);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    const tenancyExempt = new Set(['schema_migrations', 'idempotency_keys', 'jobs']);
    for (const [table, cols] of db) {
      if (tenancyExempt.has(table)) continue;
      expect(cols.has('congress_id'), `${table} has congress_id`).toBe(true);
    }
  });
});
