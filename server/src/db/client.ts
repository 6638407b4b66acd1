// The database: embedded PGlite (default) or PostgreSQL through node-postgres, behind one Drizzle type.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { fsyncSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
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
  /**
   * The same, committed without waiting for its WAL to reach the disk (PostgreSQL's `synchronous_commit = off`,
   * on a small pool of its own): only for bookkeeping whose loss in a database crash repeats work and loses
   * none, the job worker's completions and delivery records (ADR 0019). A crash of the server process loses
   * nothing (PostgreSQL's WAL writer flushes within 3 × `wal_writer_delay`); a crash of PostgreSQL or the
   * machine may lose the last such commits. PGlite has no WAL writer to flush them later: there it is `query`.
   */
  queryUnsynced<R = Record<string, unknown>>(
    text: string,
    params: readonly unknown[],
    name?: string,
  ): Promise<R[]>;
  /** A single connection for work that must stay on one session (migrations under a lock). */
  withConnection<T>(fn: (conn: RawConnection) => Promise<T>): Promise<T>;
  /** PostgreSQL only: the URL it was opened with, for the client tools (pg_dump in db/backup.ts). */
  connectionUrl?: string;
  /** PGlite only: its data directory as a gzipped tarball, consistent at the moment it is taken (db/backup.ts). */
  dumpDataDir?(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url: string | null;
  /** PGlite data directory; null keeps it in memory. */
  dataDir: string | null;
  poolSize?: number;
  /**
   * PGlite with a data directory: sync each commit's WAL to disk before it is acknowledged (default true;
   * MINYI_PGLITE_FSYNC=0 turns it off). See docs/adr/0017-backups-and-pglite-durability.md.
   */
  fsync?: boolean;
}

/**
 * PGlite starts PostgreSQL with `-F` (fsync off), and its Node filesystem implements no sync call: a commit is
 * acknowledged once handed to the kernel, which survives the process being killed but not the machine
 * crashing. Without `-F` and with the WAL synced by fsync() (its runtime's fdatasync() does nothing), each
 * commit reaches the disk once the filesystem's fsync is supplied here. Measured: 2.3–3.0 ms a single-row
 * commit without, 9.7 ms with (ADR 0017).
 */
const DURABLE_START = [
  ...(PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams!.filter((p) => p !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];

interface NodeFsStream {
  nfd?: number;
}

/** Gives PGlite's Node filesystem the fsync its WASM runtime calls; false when its internals are not found. */
function supplyFsync(client: PGlite): boolean {
  const fs = (client as unknown as { mod?: { FS?: { lookupPath(p: string): { node: any } } } }).mod?.FS;
  const ops = fs?.lookupPath('/pglite/data')?.node?.mount?.type?.stream_ops as
    { fsync?: (s: NodeFsStream) => number } | undefined;
  if (!ops) return false;
  ops.fsync = (stream) => {
    if (typeof stream.nfd === 'number') fsyncSync(stream.nfd);
    return 0;
  };
  return true;
}

/** The server's database as configured: PostgreSQL at DATABASE_URL, or the PGlite under the data directory. */
export function openConfiguredDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'pgliteFsync'>,
): Promise<Database> {
  return createDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? null : path.join(config.dataDir!, 'pglite'),
    fsync: config.pgliteFsync,
  });
}

export async function createDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) return createPostgres(opts.url, opts.poolSize ?? 10);
  const durable = Boolean(opts.dataDir) && opts.fsync !== false;
  const client = await PGlite.create(opts.dataDir ?? undefined, {
    extensions: { pg_trgm },
    ...(durable && { startParams: DURABLE_START }),
  });
  if (durable && !supplyFsync(client)) {
    await client.close();
    throw new Error(
      'PGlite: its filesystem could not be given fsync; start with MINYI_PGLITE_FSYNC=0 to run without',
    );
  }
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
    queryUnsynced: (text, params) => conn.query(text, params as unknown[]),
    withConnection: (fn) => fn(conn),
    dumpDataDir: async () => new Uint8Array(await (await client.dumpDataDir('gzip')).arrayBuffer()),
    close: () => client.close(),
  };
}

/** Connections of the pool for `queryUnsynced` (the job worker runs one statement at a time). */
const UNSYNCED_POOL_SIZE = 2;

function createPostgres(url: string, max: number): Database {
  const pool = newPool(url, max, '');
  let unsynced: pg.Pool | null = null;
  const db = drizzlePg({ client: pool }) as unknown as Db;
  const run = async <R>(on: pg.Pool, text: string, params: readonly unknown[], name?: string) =>
    (await on.query({ text, values: params as unknown[], ...(name ? { name } : {}) })).rows as R[];
  return {
    kind: 'postgres',
    connectionUrl: url,
    db,
    query: (text, params, name) => run(pool, text, params, name),
    queryUnsynced: (text, params, name) =>
      run((unsynced ??= newPool(url, UNSYNCED_POOL_SIZE, ' -c synchronous_commit=off')), text, params, name),
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
    close: async () => {
      await Promise.all([pool.end(), unsynced?.end()]);
    },
  };
}

function newPool(url: string, max: number, extraOptions: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // How long a request waits for a connection (a free one, or a new one opened) before its 503. Not 5 s:
    // 120 deputies' ballots at once on a loaded 2-CPU machine waited longer than that, not for the database
    // but for the event loop, busy checking the other ballots' proofs, so a third got "database
    // unavailable" while it was up (the ballots concurrency test, CI of 2026-12-08). A database that is down
    // refuses connections at once (ECONNREFUSED), which this does not delay.
    connectionTimeoutMillis: 30_000,
    // Named (prepared) statements are the hot paths (ADR 0009): plan each once per connection. Left to
    // itself PostgreSQL may keep re-planning one for every execution when a custom plan looks cheaper,
    // which cost the suggestions list ~3 ms of planning a request. Unnamed statements are unaffected.
    // No parallel workers: a generic plan's row estimate made a 50-row queue page start two worker
    // processes per request (10 ms of the machine's CPU each time). Requests here are short; parallelism
    // comes from serving many of them at once.
    options: `-c plan_cache_mode=force_generic_plan -c max_parallel_workers_per_gather=0${extraOptions}`,
  });
  // An idle client that loses its server must not take the process down; the pool replaces it.
  pool.on('error', () => undefined);
  return pool;
}
