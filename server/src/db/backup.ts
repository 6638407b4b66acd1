// Backups of either database, and their restore into an empty one.
// PGlite: the data directory as a gzipped tarball (PGlite's own dumpDataDir), taken inside the process that
// holds the database open, so a running server can take it; restored with loadDataDir into a new directory.
// PostgreSQL: pg_dump's custom format, restored by pg_restore into an empty database.
// Each backup is written beside a manifest (its kind, size, SHA-256, the applied migrations and every table's
// row count), both fsynced before they are renamed into place, so a crash leaves no half-written backup that
// looks whole. The keys (config keys.json or MINYI_*_KEY) are never in a backup: kept apart, a stolen backup
// gives no personal data and cannot be re-sealed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database } from './client';

export interface BackupManifest {
  format: 'minyi-backup/1';
  kind: Database['kind'];
  file: string;
  createdAt: string;
  bytes: number;
  sha256: string;
  /** The last migration applied when the backup was taken. */
  migration: string | null;
  /** Rows per table in the public schema at the moment of the backup (one snapshot). */
  counts: Record<string, number>;
}

const MANIFEST = '.manifest.json';

/** Every table's row count and the last migration, read in one transaction (one snapshot). */
export async function tableCounts(database: Database): Promise<Pick<BackupManifest, 'counts' | 'migration'>> {
  return database.withConnection(async (conn) => {
    await conn.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const tables = await conn.query<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      );
      const counts: Record<string, number> = {};
      for (const t of tables) {
        const [row] = await conn.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${t.name}"`);
        counts[t.name] = Number(row.n);
      }
      const migration = tables.some((t) => t.name === 'schema_migrations')
        ? ((await conn.query<{ id: string }>('SELECT max(name) AS id FROM schema_migrations'))[0]?.id ?? null)
        : null;
      return { counts, migration };
    } finally {
      await conn.exec('COMMIT');
    }
  });
}

/** Writes bytes to `file` durably: a temporary name, fsync, rename, fsync of the directory. */
function writeDurably(file: string, bytes: Uint8Array | string) {
  const tmp = `${file}.partial`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    for (let at = 0; at < data.length;) at += writeSync(fd, data, at, data.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return rename(tmp, file).then(() => fsyncDir(path.dirname(file)));
}

function fsyncDir(dir: string) {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) =>
      reject(new Error(`${cmd} could not be started (${err.message}); install the PostgreSQL client tools`)),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

const stamp = (d: Date) =>
  d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');

/** Takes a backup into `dir`; returns its manifest (also written as `<file>.manifest.json`). */
export async function takeBackup(database: Database, dir: string): Promise<BackupManifest> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const createdAt = new Date();
  const name = `minyi-${database.kind}-${stamp(createdAt)}.${database.kind === 'pglite' ? 'tar.gz' : 'dump'}`;
  const file = path.join(dir, name);
  const { counts, migration } = await tableCounts(database);
  if (database.kind === 'pglite') {
    if (!database.dumpDataDir) throw new Error('this PGlite handle cannot dump its data directory');
    await writeDurably(file, await database.dumpDataDir());
  } else {
    if (!database.connectionUrl) throw new Error('a PostgreSQL backup needs the server URL');
    const tmp = `${file}.partial`;
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${tmp}`,
      database.connectionUrl,
    ]);
    // pg_dump fsyncs its output (since PostgreSQL 12); the rename is made durable here.
    await rename(tmp, file);
    fsyncDir(dir);
  }
  const bytes = (await stat(file)).size;
  const sha256 = createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
  const manifest: BackupManifest = {
    format: 'minyi-backup/1',
    kind: database.kind,
    file: name,
    createdAt: createdAt.toISOString(),
    bytes,
    sha256,
    migration,
    counts,
  };
  await writeDurably(file + MANIFEST, JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** The backups in `dir`, newest first, with their manifests. */
export async function listBackups(dir: string): Promise<BackupManifest[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: BackupManifest[] = [];
  for (const n of names.filter((f) => f.endsWith(MANIFEST))) {
    try {
      out.push(JSON.parse(await readFile(path.join(dir, n), 'utf8')) as BackupManifest);
    } catch {
      // a manifest that cannot be read is not a backup we can vouch for; leave it for the operator
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Keeps the newest `keep` backups in `dir` and removes the rest (file and manifest); returns the removed. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const all = await listBackups(dir);
  const old = all.slice(Math.max(keep, 1));
  for (const m of old) {
    await rm(path.join(dir, m.file), { force: true });
    await rm(path.join(dir, m.file + MANIFEST), { force: true });
  }
  return old.map((m) => m.file);
}

/** Reads a backup's manifest and checks the file against its size and SHA-256. */
export async function readBackup(file: string): Promise<{ manifest: BackupManifest; bytes: Buffer }> {
  const manifest = JSON.parse(await readFile(file + MANIFEST, 'utf8')) as BackupManifest;
  if (manifest.format !== 'minyi-backup/1')
    throw new Error(`${file}: unknown backup format ${String((manifest as { format: unknown }).format)}`);
  const bytes = await readFile(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length !== manifest.bytes || sha256 !== manifest.sha256) {
    throw new Error(`${file}: the file does not match its manifest (damaged or altered)`);
  }
  return { manifest, bytes };
}

export type RestoreInto = { dataDir: string } | { url: string };

/**
 * Restores a backup into an empty database: a PGlite data directory that does not exist yet or is empty, or
 * a PostgreSQL database with no tables. Refuses anything else, so a restore never mixes into live data.
 * Checking the result (row counts, the audit chain) is the caller's (cli/restore.ts, server/test/backup.test.ts).
 */
export async function restoreBackup(file: string, into: RestoreInto): Promise<BackupManifest> {
  const { manifest, bytes } = await readBackup(file);
  if ('dataDir' in into) {
    if (manifest.kind !== 'pglite')
      throw new Error('a PostgreSQL backup restores into PostgreSQL (give a URL)');
    const existing = await readdir(into.dataDir).catch(() => []);
    if (existing.length > 0) throw new Error(`${into.dataDir} is not empty; restore into a new directory`);
    await mkdir(into.dataDir, { recursive: true, mode: 0o700 });
    const pg = await PGlite.create(into.dataDir, {
      loadDataDir: new Blob([new Uint8Array(bytes)]),
      extensions: { pg_trgm },
    });
    await pg.close();
  } else {
    if (manifest.kind !== 'postgres')
      throw new Error('a PGlite backup restores into a PGlite data directory');
    const probe = await import('pg');
    const client = new probe.default.Client({ connectionString: into.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM pg_tables WHERE schemaname = 'public'",
      );
      if (Number(rows[0].n) > 0) throw new Error('the target database has tables; restore into an empty one');
    } finally {
      await client.end();
    }
    await run('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      `--dbname=${into.url}`,
      file,
    ]);
  }
  return manifest;
}
