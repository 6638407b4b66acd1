// Applies the committed SQL migrations in file-name order, once, under an advisory lock so that
// several instances starting together against one PostgreSQL migrate exactly once.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './client';

export const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
const LOCK_KEY = 727_001; // any constant; shared by every instance of Minyi

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export async function migrate(database: Database, migrations = listMigrations()): Promise<string[]> {
  return database.withConnection(async (conn) => {
    await conn.exec('BEGIN');
    try {
      await conn.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      await conn.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Map(
        (
          await conn.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')
        ).map((r) => [r.name, r.checksum]),
      );
      const applied: string[] = [];
      for (const m of migrations) {
        const seen = done.get(m.name);
        if (seen) {
          if (seen !== m.checksum) throw new Error(`migration ${m.name} was changed after it was applied`);
          continue;
        }
        await conn.exec(m.sql);
        await conn.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [
          m.name,
          m.checksum,
        ]);
        applied.push(m.name);
      }
      await conn.exec('COMMIT');
      return applied;
    } catch (err) {
      await conn.exec('ROLLBACK');
      throw err;
    }
  });
}

/** True when every committed migration has been applied (used by /readyz). */
export async function isMigrated(database: Database, migrations = listMigrations()): Promise<boolean> {
  return database.withConnection(async (conn) => {
    const [exists] = await conn.query<{ t: string | null }>(
      "SELECT to_regclass('schema_migrations')::text AS t",
    );
    if (!exists?.t) return false;
    const rows = await conn.query<{ name: string }>('SELECT name FROM schema_migrations');
    const names = new Set(rows.map((r) => r.name));
    return migrations.every((m) => names.has(m.name));
  });
}
