// The database: embedded PGlite (default) or PostgreSQL through node-postgres, behind one Drizzle type.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/** Any Drizzle handle: the database or a transaction inside it. */
export type Db = PgDatabase<any, any, any>;

export interface RawConnection {
  /** Runs a script of several statements, no parameters. */
  exec(text: string): Promise<void>;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /**
   * One parameterised statement on the pool, below Drizzle (for the few hot paths that build their SQL
   * with platform/statement.ts). With `name`, PostgreSQL keeps it prepared per connection.
   */
  query<R = Record<string, unknown>>(text: string, params: readonly unknown[], name?: string): Promise<R[]>;
  /** A single connection for work that must stay on one session (migrations under a lock). */
  withConnection<T>(fn: (conn: RawConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url: string | null;
  /** PGlite data directory; null keeps it in memory. */
  dataDir: string | null;
  poolSize?: number;
}

export async function createDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) return createPostgres(opts.url, opts.poolSize ?? 10);
  const client = await PGlite.create(opts.dataDir ?? undefined, { extensions: { pg_trgm } });
  const db = drizzlePglite({ client }) as unknown as Db;
  const conn: RawConnection = {
    exec: async (text) => {
      await client.exec(text);
    },
    query: async <R>(text: string, params?: unknown[]) => (await client.query<R>(text, params)).rows,
  };
  return {
    kind: 'pglite',
    db,
    query: (text, params) => conn.query(text, params as unknown[]),
    withConnection: (fn) => fn(conn),
    close: () => client.close(),
  };
}

function createPostgres(url: string, max: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5_000,
    // Named (prepared) statements are the hot paths (ADR 0009): plan each once per connection. Left to
    // itself PostgreSQL may keep re-planning one for every execution when a custom plan looks cheaper,
    // which cost the suggestions list ~3 ms of planning a request. Unnamed statements are unaffected.
    // No parallel workers: a generic plan's row estimate made a 50-row queue page start two worker
    // processes per request (10 ms of the machine's CPU each time). Requests here are short; parallelism
    // comes from serving many of them at once.
    options: '-c plan_cache_mode=force_generic_plan -c max_parallel_workers_per_gather=0',
  });
  // An idle client that loses its server must not take the process down; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    query: async <R>(text: string, params: readonly unknown[], name?: string) =>
      (await pool.query({ text, values: params as unknown[], ...(name ? { name } : {}) })).rows as R[],
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (text) => {
            await client.query(text);
          },
          query: async <R>(text: string, params?: unknown[]) =>
            (await client.query(text, params as unknown[])).rows as R[],
        });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
