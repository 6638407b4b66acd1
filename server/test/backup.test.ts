// Backups (issue 22 item 15): a backup restores into an empty database with every table's rows and an intact
// audit chain; a damaged backup or a target with data is refused; the scheduled job keeps the newest N.
// Runs on PGlite (data directory tarball) and, with TEST_DATABASE_URL, on PostgreSQL (pg_dump / pg_restore).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../src/config';
import { listBackups, restoreBackup, tableCounts, takeBackup, type RestoreInto } from '../src/db/backup';
import { createDatabase, type Database } from '../src/db/client';
import { sealAllAudit, verifyAudit } from '../src/platform/audit';
import { enqueueJob } from '../src/platform/jobs';
import { backupJob } from '../src/platform/platform.jobs';
import { createTestEnv, type TestEnv } from './harness';

let t: TestEnv;
const dir = mkdtempSync(path.join(os.tmpdir(), 'minyi-backup-'));
const adminUrl = process.env.TEST_DATABASE_URL ?? null;
const made: string[] = [];

/** A new empty target: a PGlite directory that does not exist yet, or a new PostgreSQL database. */
async function emptyTarget(): Promise<RestoreInto> {
  if (!adminUrl)
    return { dataDir: path.join(mkdtempSync(path.join(os.tmpdir(), 'minyi-restore-')), 'pglite') };
  const name = `minyi_r_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  made.push(name);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return { url: u.toString() };
}

const open = (into: RestoreInto): Promise<Database> =>
  createDatabase('url' in into ? { url: into.url, dataDir: null } : { url: null, dataDir: into.dataDir });

beforeAll(async () => {
  t = await createTestEnv({ backup: { dir, keep: 2, everyHours: 24 } });
  // Some history: accounts signing in (sessions, audit rows), a staff member's change, all sealed.
  const staff = await t.as('staff1', ['congressStaff']);
  await t.as('deputy1', ['deputy']);
  const res = await staff.post('/api/v1/auth/logout');
  expect(res.statusCode).toBeLessThan(300);
  await sealAllAudit(t.services.db, testConfig().keys.audit);
}, 60_000);

afterAll(async () => {
  await t?.close();
  if (adminUrl && made.length) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});

describe('backup and restore', () => {
  let file: string;

  it('takes a backup with a manifest of every table and restores it into an empty database, audit chain intact', async () => {
    const m = await takeBackup(t.database, dir);
    file = path.join(dir, m.file);
    expect(m.kind).toBe(t.database.kind);
    expect(m.bytes).toBeGreaterThan(1000);
    expect(m.migration).toMatch(/^\d{4}_/);
    expect(m.counts.accounts).toBeGreaterThanOrEqual(2);
    expect(m.counts.audit_events).toBeGreaterThan(0);
    expect(m.counts.jurisdictions).toBe(2);

    const into = await emptyTarget();
    const restored = await restoreBackup(file, into);
    expect(restored.sha256).toBe(m.sha256);
    const db = await open(into);
    try {
      expect((await tableCounts(db)).counts).toEqual(m.counts);
      const audit = await verifyAudit(db.db, testConfig().keys.audit);
      expect(audit.checked).toBe(m.counts.audit_events);
      expect(audit.problems).toEqual([]);
      // The restored database serves: the accounts sign in against it as before.
      const rows = await db.query<{ username: string }>(
        'SELECT username FROM accounts ORDER BY username',
        [],
      );
      expect(rows.map((r) => r.username)).toEqual(expect.arrayContaining(['deputy1', 'staff1']));
    } finally {
      await db.close();
    }
  }, 120_000);

  it('refuses to restore into a database that has data', async () => {
    const into = await emptyTarget();
    await restoreBackup(file, into);
    await expect(restoreBackup(file, into)).rejects.toThrow(/not empty|has tables/);
  }, 120_000);

  it('refuses a backup whose bytes do not match its manifest', async () => {
    const damaged = path.join(dir, 'damaged-' + path.basename(file));
    copyFileSync(file, damaged);
    copyFileSync(file + '.manifest.json', damaged + '.manifest.json');
    const bytes = readFileSync(damaged);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    writeFileSync(damaged, bytes);
    await expect(restoreBackup(damaged, await emptyTarget())).rejects.toThrow(/does not match its manifest/);
  }, 60_000);
});

describe('the scheduled backup', () => {
  it('runs as a job and keeps only the newest backups (MINYI_BACKUP_KEEP)', async () => {
    const scheduled = mkdtempSync(path.join(os.tmpdir(), 'minyi-backup-job-'));
    t.services.config.backup = { dir: scheduled, keep: 2, everyHours: 24 };
    for (let i = 0; i < 3; i++) {
      await enqueueJob(t.services.db, backupJob.name, {});
      await t.services.jobs.drain();
    }
    const kept = await listBackups(scheduled);
    expect(kept).toHaveLength(2);
    expect(kept[0].createdAt > kept[1].createdAt).toBe(true);
    const failed = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM jobs WHERE status = 'failed'",
      [],
    );
    expect(failed[0].n).toBe(0);
  }, 120_000);
});

describe('PGlite on disk syncs each commit', () => {
  it('runs with fsync on and the WAL synced by fsync(), and a commit is there after reopening', async () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'minyi-durable-')), 'pglite');
    let db = await createDatabase({ url: null, dataDir });
    const settings = await db.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'wal_sync_method') ORDER BY name",
      [],
    );
    expect(settings).toEqual([
      { name: 'fsync', setting: 'on' },
      { name: 'wal_sync_method', setting: 'fsync' },
    ]);
    await db.query('CREATE TABLE kept (v text)', []);
    await db.query("INSERT INTO kept VALUES ('acknowledged')", []);
    await db.close();
    db = await createDatabase({ url: null, dataDir });
    expect(await db.query('SELECT v FROM kept', [])).toEqual([{ v: 'acknowledged' }]);
    await db.close();
    // MINYI_PGLITE_FSYNC=0 keeps PGlite's own setting.
    const fast = await createDatabase({ url: null, dataDir: dataDir + '-fast', fsync: false });
    expect(await fast.query("SELECT setting FROM pg_settings WHERE name = 'fsync'", [])).toEqual([
      { setting: 'off' },
    ]);
    await fast.close();
  }, 60_000);
});
