// The audit trail: the auditor (and only the auditor) reads it newest first and verifies it; the SM3
// chain finds an edited or a deleted row; nobody deletes it; concurrent writers never wait on a chain.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { testConfig } from '../src/config';
import { createDatabase } from '../src/db/client';
import { listMigrations, migrate } from '../src/db/migrate';
import { buildApp } from '../src/app';
import { rowHash, sealAllAudit, verifyAudit } from '../src/platform/audit';
import { hmacSm3 } from '../src/platform/crypto';
import { systemCtx, transact } from '../src/platform/context';
import { newId } from '../src/platform/ids';
import { auditChain, auditEvents, auditUnsealed, congresses } from '../src/platform/platform.table';
import { createTestEnv, type TestClient, type TestEnv } from './harness';
import { clientsByRole, expectRefusals, signIn } from './platform-fixtures';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

let t: TestEnv;
let auditor: TestClient & { accountId: string };
let sys: TestClient & { accountId: string };

beforeAll(async () => {
  t = await createTestEnv();
  auditor = await signIn(t, 'aud', ['auditor']);
  sys = await signIn(t, 'sys', ['systemAdmin']);
});
afterAll(async () => t?.close());

const exec = (text: string) => t.services.db.execute(sql.raw(text));

describe('reading the audit trail', () => {
  it('lists events newest first with the username, filters them and pages them', async () => {
    const created = [];
    for (const name of ['acct1', 'acct2', 'acct3']) {
      const res = await sys.post('/api/v1/admin/accounts', { username: name, displayName: name });
      created.push(res.json().account.id as string);
    }
    const res = await auditor.get('/api/v1/audit-events?action=account.create&limit=2');
    expect(res.statusCode).toBe(200);
    const page1 = res.json();
    expect(page1.items.map((e: { entityId: string }) => e.entityId)).toEqual([created[2], created[1]]);
    expect(page1.items[0]).toMatchObject({
      action: 'account.create',
      entityType: 'account',
      accountId: sys.accountId,
      username: 'sys',
      role: 'systemAdmin',
      after: { username: 'acct3' },
    });
    expect(page1.items[0].requestId).toEqual(expect.any(String));
    expect(page1.items[0].ip).toEqual(expect.any(String));
    const page2 = (
      await auditor.get(`/api/v1/audit-events?action=account.create&limit=2&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.items.map((e: { entityId: string }) => e.entityId)).toEqual([created[0]]);
    expect(page2.nextCursor).toBeNull();

    const byEntity = (
      await auditor.get(`/api/v1/audit-events?entityType=account&entityId=${created[1]}`)
    ).json();
    expect(byEntity.items).toHaveLength(1);
    const byAccount = (await auditor.get(`/api/v1/audit-events?accountId=${sys.accountId}`)).json();
    expect(byAccount.items.every((e: { accountId: string }) => e.accountId === sys.accountId)).toBe(true);
    const byPrefix = (await auditor.get('/api/v1/audit-events?action=auth.')).json();
    expect(byPrefix.items.length).toBeGreaterThan(0);
    expect(byPrefix.items.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);
    const future = (await auditor.get('/api/v1/audit-events?from=2999-01-01')).json();
    expect(future.items).toEqual([]);
    const past = (await auditor.get('/api/v1/audit-events?to=2000-01-01T00:00:00Z')).json();
    expect(past.items).toEqual([]);
  });

  it('answers bad filters with 400 naming them', async () => {
    const res = await auditor.get('/api/v1/audit-events?accountId=nope&from=yesterday&limit=0');
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['accountId', 'from', 'limit']));
  });

  it('shows only the auditor’s own congress', async () => {
    const other = await t.createCongress('别的区人大');
    await transact(systemCtx(t.services), (w) =>
      w.audit({ action: 'test.elsewhere', entityType: 'test', congressId: other.congressId }),
    );
    expect((await auditor.get('/api/v1/audit-events?action=test.elsewhere')).json().items).toEqual([]);
  });

  it('is for the auditor alone, and has no way to delete', async () => {
    const clients = await clientsByRole(t, 'aud');
    await expectRefusals(t, clients, [
      { method: 'GET', url: '/api/v1/audit-events', allowed: ['auditor'] },
      { method: 'POST', url: '/api/v1/audit-events/verify', allowed: ['auditor'] },
    ]);
    const [row] = await t.services.db.select().from(auditEvents).limit(1);
    const del = await auditor.delete(`/api/v1/audit-events/${row.id}`);
    expect(del.statusCode).toBe(404);
    // Even a systemAdmin cannot read it: 三员分立.
    expect((await sys.get('/api/v1/audit-events')).statusCode).toBe(403);
  });
});

describe('verifying the audit trail', () => {
  it('seals and verifies an intact trail with no problems, and records the verification', async () => {
    const res = await auditor.post('/api/v1/audit-events/verify');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.problems).toEqual([]);
    expect(body.sealed).toBeGreaterThan(0);
    expect(body.checked).toBeGreaterThanOrEqual(body.sealed);
    const again = (await auditor.post('/api/v1/audit-events/verify')).json();
    expect(again.problems).toEqual([]);
    // Only the previous verification's own audit row was new.
    expect(again.sealed).toBe(1);
    const rows = await t.services.db.select().from(auditEvents).where(eq(auditEvents.action, 'audit.verify'));
    expect(rows.length).toBe(2);
  });

  it('the database refuses to delete or edit audit rows and links of the chain', async () => {
    await auditor.post('/api/v1/audit-events/verify');
    const refusal = async (text: string) => {
      const err = (await exec(text).then(
        () => null,
        (e: unknown) => e,
      )) as { message: string; cause?: { message: string } } | null;
      return err?.cause?.message ?? err?.message ?? 'not refused';
    };
    expect(await refusal('DELETE FROM audit_events')).toBe('audit_events is append-only');
    expect(await refusal(`UPDATE audit_events SET action = 'x'`)).toBe('audit_events is append-only');
    expect(await refusal(`UPDATE audit_events SET after = '{"x":1}'::jsonb`)).toBe(
      'audit_events is append-only',
    );
    expect(await refusal('DELETE FROM audit_chain')).toBe('audit_chain is append-only');
    expect(await refusal(`UPDATE audit_chain SET chain_hash = 'x'`)).toBe('audit_chain is append-only');
  });

  it('finds an edited row, a deleted row, a deleted link and a row outside the chain', async () => {
    // A congress of its own, so the tampering does not spoil the other tests.
    const c = await t.createCongress('被篡改的区人大');
    const aud = await signIn(t, 'aud_tampered', ['auditor'], { congressId: c.congressId });
    for (let i = 0; i < 5; i++) {
      await transact(systemCtx(t.services), (w) =>
        w.audit({
          action: 'test.step',
          entityType: 'test',
          entityId: String(i),
          after: { i },
          congressId: c.congressId,
        }),
      );
    }
    expect((await aud.post('/api/v1/audit-events/verify')).json().problems).toEqual([]);
    const rows = await t.services.db
      .select({ id: auditEvents.id, entityId: auditEvents.entityId, chainSeq: auditChain.chainSeq })
      .from(auditEvents)
      .innerJoin(auditChain, eq(auditChain.eventId, auditEvents.id))
      .where(eq(auditEvents.congressId, c.congressId))
      .orderBy(auditChain.chainSeq);
    const row = (entityId: string) => rows.find((r) => r.entityId === entityId)!;
    const problems = async () => (await aud.post('/api/v1/audit-events/verify')).json().problems as unknown[];
    await exec('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await exec('ALTER TABLE audit_chain DISABLE TRIGGER USER');
    try {
      // An edited row: its hash no longer matches.
      await exec(`UPDATE audit_events SET after = '{"i": 100}'::jsonb WHERE id = '${row('1').id}'`);
      expect(await problems()).toEqual([
        { congressId: c.congressId, id: row('1').id, problem: 'row_altered' },
      ]);

      // A deleted row: its link names a row that is gone.
      await exec(`DELETE FROM audit_events WHERE id = '${row('3').id}'`);
      expect(await problems()).toEqual([
        { congressId: c.congressId, id: row('1').id, problem: 'row_altered' },
        { congressId: c.congressId, id: row('3').id, chainSeq: row('3').chainSeq, problem: 'row_missing' },
      ]);

      // A deleted link: a gap in the sequence, and the next link does not chain from its predecessor; its
      // row is now outside the chain, and not queued for sealing either.
      await exec(`DELETE FROM audit_chain WHERE event_id = '${row('0').id}'`);
      expect(await problems()).toEqual([
        { congressId: c.congressId, chainSeq: row('0').chainSeq, problem: 'row_missing' },
        { congressId: c.congressId, id: row('1').id, problem: 'row_altered' },
        { congressId: c.congressId, id: row('1').id, chainSeq: row('1').chainSeq, problem: 'chain_broken' },
        { congressId: c.congressId, id: row('3').id, chainSeq: row('3').chainSeq, problem: 'row_missing' },
        { congressId: c.congressId, id: row('0').id, problem: 'row_unchained' },
      ]);
    } finally {
      await exec('ALTER TABLE audit_events ENABLE TRIGGER USER');
      await exec('ALTER TABLE audit_chain ENABLE TRIGGER USER');
    }
    // The main congress's trail is untouched.
    expect((await auditor.post('/api/v1/audit-events/verify')).json().problems).toEqual([]);
  });

  it('many concurrent writers all commit, and sealing chains every one of them', async () => {
    const c = await t.createCongress('并发区人大');
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        transact(systemCtx(t.services), async (w) => {
          await w.db.execute(sql`SELECT pg_sleep(0.01)`);
          await w.audit({
            action: 'test.concurrent',
            entityType: 'test',
            entityId: String(i),
            congressId: c.congressId,
          });
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const key = t.services.config.keys.audit;
    // In passes of 7: seven full ones and one of a single row, which ends the call.
    expect(await sealAllAudit(t.services.db, key, 7)).toBeGreaterThanOrEqual(50);
    const rows = await t.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.congressId, c.congressId));
    expect(rows).toHaveLength(50);
    const links = await t.services.db
      .select()
      .from(auditChain)
      .where(eq(auditChain.congressId, c.congressId));
    expect(links.map((l) => l.eventId).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(links.map((r) => r.chainSeq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect((await verifyAudit(t.services.db, key, [c.congressId])).problems).toEqual([]);
  });
});

describe('migration 0306: the chain kept apart from the rows', () => {
  it('turns the sealed rows into links and queues the unsealed ones; the trail verifies and seals on', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'minyi-audit0306-'));
    const database = await createDatabase({ url: null, dataDir });
    try {
      const all = listMigrations();
      await migrate(
        database,
        all.filter((m) => m.name < '0306'),
      );
      const key = testConfig().keys.audit;
      const congressId = newId();
      await database.db.execute(
        sql`INSERT INTO congresses (id, congress_id, name, level) VALUES (${congressId}, ${congressId}, '迁移区', 'district')`,
      );
      // Five rows as the old code wrote them; the first three sealed on the rows themselves.
      const fields = Array.from({ length: 5 }, (_, i) => ({
        id: newId(),
        congressId,
        accountId: null,
        role: 'public',
        action: 'test.old',
        entityType: 'test',
        entityId: String(i),
        before: null,
        after: { i },
        ip: null,
        requestId: null,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      }));
      let hash = '0'.repeat(64);
      for (const [i, f] of fields.entries()) {
        const own = rowHash(key, f);
        const sealed = i < 3;
        if (sealed) hash = hmacSm3(key, `${hash}|${i + 1}|${own}`);
        await database.db.execute(sql`
          INSERT INTO audit_events (id, congress_id, role, action, entity_type, entity_id, after, created_at,
            row_hash, chain_seq, chain_hash)
          VALUES (${f.id}, ${congressId}, 'public', 'test.old', 'test', ${f.entityId}, ${JSON.stringify(f.after)}::jsonb,
            ${f.createdAt.toISOString()}, ${own}, ${sealed ? i + 1 : null}, ${sealed ? hash : null})`);
      }
      await database.db.execute(
        sql`INSERT INTO audit_chain_heads (congress_id, chain_seq, chain_hash) VALUES (${congressId}, 3, ${hash})`,
      );

      expect(await migrate(database, all)).toContain('0306_audit_chain_apart.sql');
      const links = await database.db.select().from(auditChain).orderBy(auditChain.chainSeq);
      expect(links.map((l) => [l.chainSeq, l.eventId])).toEqual(
        fields.slice(0, 3).map((f, i) => [i + 1, f.id]),
      );
      const queued = await database.db.select().from(auditUnsealed);
      expect(queued.map((q) => q.id).sort()).toEqual(
        fields
          .slice(3)
          .map((f) => f.id)
          .sort(),
      );
      expect(await verifyAudit(database.db, key)).toEqual({ checked: 5, problems: [] });
      // The two queued rows are chained after the three, and the trail still verifies.
      expect(await sealAllAudit(database.db, key)).toBe(2);
      expect(await database.db.select().from(auditUnsealed)).toEqual([]);
      expect(await verifyAudit(database.db, key)).toEqual({ checked: 5, problems: [] });
    } finally {
      await database.close();
    }
  });
});

describe('npm run audit:verify', () => {
  it('exits 0 on an intact trail and 1 after a row was edited', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'minyi-auditcli-'));
    const config = testConfig({ dataDir });
    const open = async () => {
      const database = await createDatabase({ url: null, dataDir: path.join(dataDir, 'pglite') });
      return database;
    };
    let database = await open();
    await migrate(database);
    const app = await buildApp(config, database);
    const congressId = newId();
    await database.db
      .insert(congresses)
      .values({ id: congressId, congressId, name: '命令行区', level: 'district' });
    for (let i = 0; i < 3; i++) {
      await transact(systemCtx(app.services), (w) =>
        w.audit({ action: 'test.cli', entityType: 'test', entityId: String(i), congressId }),
      );
    }
    await app.close();
    await database.close();

    const hex = (b: Buffer) => b.toString('hex');
    const env = {
      ...process.env,
      DATABASE_URL: '',
      MINYI_DATA_DIR: dataDir,
      MINYI_PII_KEY: hex(config.keys.piiEncryption),
      MINYI_INDEX_KEY: hex(config.keys.piiIndex),
      MINYI_AUDIT_KEY: hex(config.keys.audit),
    };
    const cli = () =>
      run('node', ['--import', 'tsx', 'server/src/cli/audit-verify.ts'], { cwd: ROOT, env }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const ok = await cli();
    expect(ok.out).toMatch(/3 rows checked, 3 newly sealed/);
    expect(ok.out).toMatch(/intact/);
    expect(ok.code).toBe(0);

    database = await open();
    await database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER USER`);
    await database.db.execute(sql`UPDATE audit_events SET entity_id = 'forged' WHERE entity_id = '1'`);
    await database.close();
    const bad = await cli();
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/row_altered/);
  }, 240_000);
});
