// Platform plumbing: the job outbox (after commit only, retries with backoff, exactly once across
// workers), migrations under a lock, the database going away and coming back, and the HTTP conventions
// (OpenAPI 3.1, docs, metrics, request ids).
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { testConfig } from '../src/config';
import { createDatabase } from '../src/db/client';
import { listMigrations, migrate } from '../src/db/migrate';
import { buildApp } from '../src/app';
import { systemCtx, transact } from '../src/platform/context';
import { createJobQueue, defineJob, enqueueJob, enqueueJobs } from '../src/platform/jobs';
import { lacksAutovacuum } from '../src/platform/platform.jobs';
import { jobDeliveries, jobs } from '../src/platform/platform.table';
import { createTestEnv, refusalOf, type TestEnv } from './harness';

const PG_URL = process.env.TEST_DATABASE_URL;
const onPostgres = PG_URL ? it : it.skip;

let t: TestEnv;
beforeAll(async () => {
  t = await createTestEnv();
});
afterAll(async () => t?.close());

const ran = new Map<string, number>();
const countJob = defineJob({
  name: 'test.count',
  payload: z.object({ key: z.string() }),
  async handle(_app, { key }) {
    ran.set(key, (ran.get(key) ?? 0) + 1);
    await new Promise((r) => setTimeout(r, 2));
  },
});
const failingJob = defineJob({
  name: 'test.fail',
  payload: z.object({}),
  maxAttempts: 3,
  async handle() {
    throw new Error('the gateway is down');
  },
});

/** Queues a follow-up count job, as a handler that enqueues more work does. */
const followUpJob = defineJob({
  name: 'test.followUp',
  payload: z.object({ key: z.string() }),
  async handle(app, { key }, job) {
    await enqueueJob(app.db, countJob.name, { key: `${key}-next` }, { congressId: job.congressId });
  },
});

describe('job outbox', () => {
  beforeAll(() => {
    t.services.jobs.register(countJob);
    t.services.jobs.register(failingJob);
    t.services.jobs.register(followUpJob);
  });

  it('never runs a job enqueued in a transaction that rolled back; runs a committed one once', async () => {
    const ctx = systemCtx(t.services);
    await expect(
      transact(ctx, async (w) => {
        await w.enqueue('test.count', { key: 'rolled-back' }, { congressId: t.congressId });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await transact(ctx, (w) => w.enqueue('test.count', { key: 'committed' }, { congressId: t.congressId }));
    await t.services.jobs.drain();
    await t.services.jobs.drain();
    expect(ran.get('rolled-back')).toBeUndefined();
    expect(ran.get('committed')).toBe(1);
    const rows = await t.services.db
      .select()
      .from(jobs)
      .where(sql`${jobs.payload} ->> 'key' = 'rolled-back'`);
    expect(rows).toEqual([]);
  });

  it('retries a failing job with exponential backoff, then marks it failed', async () => {
    await transact(systemCtx(t.services), (w) =>
      w.enqueue('test.fail', {}, { congressId: t.congressId, maxAttempts: 3 }),
    );
    const job = async () => (await t.services.db.select().from(jobs).where(eq(jobs.name, 'test.fail')))[0];
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const startedAt = Date.now();
      expect(await t.services.jobs.drain()).toBeGreaterThanOrEqual(1);
      const row = await job();
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toMatch(/the gateway is down/);
      if (attempt < 3) {
        expect(row.status).toBe('pending');
        delays.push(Math.round((row.runAt.getTime() - startedAt) / 1000));
        // Not due yet: a drain now leaves it alone.
        await t.services.jobs.drain();
        expect((await job()).attempts).toBe(attempt);
        // Let the backoff pass.
        await t.services.db
          .update(jobs)
          .set({ runAt: new Date(Date.now() - 1000) })
          .where(eq(jobs.id, row.id));
      } else {
        expect(row.status).toBe('failed');
        expect(row.finishedAt).not.toBeNull();
      }
    }
    expect(delays[0]).toBeGreaterThanOrEqual(1);
    expect(delays[0]).toBeLessThanOrEqual(3);
    expect(delays[1]).toBeGreaterThanOrEqual(3);
    expect(delays[1]).toBeLessThanOrEqual(5);
    await t.services.jobs.drain();
    expect((await job()).attempts).toBe(3);
  });

  it('two queues draining at once run each job exactly once', async () => {
    const keys = Array.from({ length: 60 }, (_, i) => `both-${i}`);
    await transact(systemCtx(t.services), async (w) => {
      for (const key of keys) await w.enqueue('test.count', { key }, { congressId: t.congressId });
    });
    const second = createJobQueue(
      () => t.services,
      0,
      () => undefined,
    );
    second.register(countJob);
    const [a, b] = await Promise.all([t.services.jobs.drain(), second.drain()]);
    expect(a + b).toBeGreaterThanOrEqual(60);
    for (const key of keys) expect(ran.get(key), key).toBe(1);
    if (PG_URL) expect(Math.min(a, b)).toBeGreaterThan(0);
  });

  it('enqueues many jobs in chunks, skipping one whose dedupe key is taken', async () => {
    // 1,001 jobs in three statements; the last repeats the first's key.
    const list = Array.from({ length: 1001 }, (_, i) => ({
      name: 'test.count',
      payload: { key: `bulk-${i}` },
      opts: { congressId: t.congressId, dedupeKey: `bulk:${i % 1000}` },
    }));
    await enqueueJobs(t.services.db, list);
    const [row] = await t.services.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(sql`${jobs.dedupeKey} LIKE 'bulk:%'`);
    expect(row.n).toBe(1000);
    await t.services.jobs.drain();
    expect(ran.get('bulk-0')).toBe(1);
    expect(ran.get('bulk-999')).toBe(1);
    expect(ran.get('bulk-1000')).toBeUndefined();
  });

  it('stops after the batch it claimed, however long the queue; what is left runs later, once', async () => {
    const keys = Array.from({ length: 130 }, (_, i) => `stop-${i}`);
    await transact(systemCtx(t.services), async (w) => {
      for (const key of keys) await w.enqueue('test.count', { key }, { congressId: t.congressId });
    });
    const worker = createJobQueue(
      () => t.services,
      60_000,
      () => undefined,
    );
    worker.register(countJob);
    worker.start();
    while (!keys.some((k) => ran.has(k))) await new Promise((r) => setTimeout(r, 1));
    await worker.stop();
    const first = keys.filter((k) => ran.has(k)).length;
    // The pass finished the batch under way (50 jobs) and claimed no other.
    expect(first).toBe(50);
    const pending = await t.services.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(sql`${jobs.status} = 'pending' AND ${jobs.payload} ->> 'key' LIKE 'stop-%'`);
    expect(pending[0].n).toBe(80);
    await t.services.jobs.drain();
    for (const key of keys) expect(ran.get(key), key).toBe(1);
  });

  it("a worker's pass ends after a claim short of a full batch; a test's drain runs what the jobs queue too", async () => {
    const enqueue = (key: string) =>
      transact(systemCtx(t.services), (w) =>
        w.enqueue(followUpJob.name, { key }, { congressId: t.congressId }),
      );
    // The worker's pass (chase off): the job's follow-up, queued during the pass, waits for the next one.
    // (Counted by key: a drain also runs whatever scheduled jobs fall due.)
    await t.services.jobs.drain();
    await enqueue('pass');
    await t.services.jobs.drain(Infinity, false);
    expect(ran.has('pass-next')).toBe(false);
    await t.services.jobs.drain(Infinity, false);
    expect(ran.get('pass-next')).toBe(1);
    // The default drain chases: both in one call.
    await enqueue('chase');
    await t.services.jobs.drain();
    expect(ran.get('chase-next')).toBe(1);
  });

  it("commits the worker's bookkeeping without waiting for the disk on PostgreSQL, everything else synchronously", async () => {
    const database = t.services.database;
    const text = "SELECT current_setting('synchronous_commit') AS s";
    expect((await database.query<{ s: string }>(text, []))[0].s).toBe('on');
    // PGlite has no WAL writer that would flush such commits later: there it is the same as query.
    expect((await database.queryUnsynced<{ s: string }>(text, []))[0].s).toBe(
      database.kind === 'postgres' ? 'off' : 'on',
    );
  });

  it('vacuums the tables rewritten all day where autovacuum does not run, and analyzes them on their own rule', async () => {
    const database = t.services.database;
    const lacks = await lacksAutovacuum(database);
    if (database.kind === 'pglite') expect(lacks).toBe(true);
    const stats = async () => {
      const [row] = await database.query<{ vacuumed: string | null; analyzed: string | null }>(
        "SELECT last_vacuum::text AS vacuumed, last_analyze::text AS analyzed FROM pg_stat_user_tables WHERE relname = 'jobs'",
        [],
      );
      return row;
    };
    // Rewrites rows of the queue and hands the counts to the statistics at once (a session otherwise
    // reports them within a second).
    const rewrite = (where: string) =>
      database.withConnection(async (conn) => {
        await conn.exec(`UPDATE jobs SET last_error = last_error WHERE ${where}`);
        await conn.query('SELECT pg_stat_force_next_flush()');
      });
    const vacuumJobRuns = async () => {
      await transact(systemCtx(t.services), (w) =>
        w.enqueue('platform.vacuum', {}, { congressId: t.congressId }),
      );
      await t.services.jobs.drain();
    };
    // 600 jobs not due for a year, so that the queue holds enough rows for the fractions below.
    const marker = `vacuum-${randomBytes(4).toString('hex')}`;
    const runAt = new Date(Date.now() + 365 * 86_400_000);
    await enqueueJobs(
      t.services.db,
      Array.from({ length: 600 }, (_, i) => ({
        name: countJob.name,
        payload: { key: `${marker}-${i}` },
        opts: { runAt },
      })),
    );
    onTestFinished(async () => {
      await t.services.db.delete(jobs).where(sql`${jobs.payload} ->> 'key' LIKE ${`${marker}-%`}`);
    });

    // Every row rewritten twice: dead rows beyond 50 + 20% of the live ones, changes beyond 50 + 100%.
    await rewrite('true');
    await rewrite('true');
    const s0 = await stats();
    await vacuumJobRuns();
    const s1 = await stats();
    if (!lacks) return void expect(s1).toEqual(s0);
    expect(s1.vacuumed).not.toBeNull();
    expect(s1.vacuumed).not.toBe(s0.vacuumed);
    expect(s1.analyzed).not.toBeNull();
    expect(s1.analyzed).not.toBe(s0.analyzed);

    // Two rows in five rewritten: enough dead rows for a VACUUM, too few changes for an ANALYZE.
    await rewrite('get_byte(uuid_send(id), 15) % 5 < 2');
    await vacuumJobRuns();
    const s2 = await stats();
    expect(s2.vacuumed).not.toBe(s1.vacuumed);
    expect(s2.analyzed).toBe(s1.analyzed);

    // Nothing new: neither.
    await vacuumJobRuns();
    expect(await stats()).toEqual(s2);
  });
});

describe('texts to citizens', () => {
  it('sends the texts of one job in order, and after a failure retries only those not sent', async () => {
    const gateway = t.services.notifier.smsGateway;
    const send = gateway.send.bind(gateway);
    const sent: string[] = [];
    let failOn: string | null = '第二条';
    gateway.send = async (phone, text) => {
      if (text === failOn) {
        failOn = null;
        throw new Error('the gateway is busy');
      }
      sent.push(`${phone} ${text}`);
    };
    onTestFinished(() => void (gateway.send = send));
    const message = (phone: string, text: string) => ({ phoneEnc: t.services.pii.encrypt(phone), text });
    await transact(systemCtx(t.services), (w) =>
      w.enqueue(
        'notifications.sms',
        {
          messages: [
            message('13800000001', '第一条'),
            message('13800000002', '第二条'),
            message('13800000003', '第三条'),
          ],
        },
        { congressId: t.congressId },
      ),
    );
    const job = async () =>
      (
        await t.services.db
          .select()
          .from(jobs)
          .where(sql`${jobs.name} = 'notifications.sms' AND ${jobs.payload}::text LIKE '%第三条%'`)
      )[0];
    await t.services.jobs.drain();
    expect(sent).toEqual(['13800000001 第一条']);
    const failed = await job();
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    // The text sent is recorded against the job; its payload is unchanged (the numbers still encrypted).
    const recorded = await t.services.db
      .select({ key: jobDeliveries.key })
      .from(jobDeliveries)
      .where(eq(jobDeliveries.jobId, failed.id));
    expect(recorded.map((r) => r.key)).toEqual(['text:0']);
    const payload = (failed.payload as { messages: { phoneEnc: string; text: string }[] }).messages;
    expect(payload.map((m) => m.text)).toEqual(['第一条', '第二条', '第三条']);
    expect(JSON.stringify(failed.payload)).not.toContain('13800000002');
    await t.services.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(eq(jobs.id, failed.id));
    await t.services.jobs.drain();
    expect(sent).toEqual(['13800000001 第一条', '13800000002 第二条', '13800000003 第三条']);
    expect(await job()).toMatchObject({ status: 'done', attempts: 2 });
  });
});

describe('migrations', () => {
  onPostgres(
    'two instances migrating one fresh PostgreSQL database at once apply each migration once',
    async () => {
      const name = `minyi_mig_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const u = new URL(PG_URL!);
      u.pathname = `/${name}`;
      const a = await createDatabase({ url: u.toString(), dataDir: null, poolSize: 2 });
      const b = await createDatabase({ url: u.toString(), dataDir: null, poolSize: 2 });
      try {
        const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
        const all = listMigrations().map((m) => m.name);
        expect([...ra, ...rb].sort()).toEqual([...all].sort());
        expect(ra.length === 0 || rb.length === 0).toBe(true);
        const rows = await a.withConnection((c) =>
          c.query<{ name: string }>('SELECT name FROM schema_migrations'),
        );
        expect(rows.map((r) => r.name).sort()).toEqual([...all].sort());
        expect(await migrate(a)).toEqual([]);
      } finally {
        await a.close();
        await b.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});

describe('parents the busiest tables point at without a foreign key', () => {
  // Migrations 0004 and 0501: audit rows, jobs, ballots and voters' marks name their congress and vote
  // without a foreign key (its lock made concurrent writers queue); instead, neither is ever deleted nor
  // re-keyed.
  const count = async (table: 'congresses' | 'project_votes') =>
    (
      (await t.services.db.execute(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0].n;
  const refusal = (q: ReturnType<typeof sql>) => refusalOf(t.services, q);

  it('refuses to delete a congress or change its id, and changes nothing', async () => {
    const before = await count('congresses');
    expect(before).toBeGreaterThan(0);
    expect(await refusal(sql`DELETE FROM congresses`)).toMatch(/never deleted/);
    expect(await refusal(sql`UPDATE congresses SET id = gen_random_uuid()`)).toMatch(/never changes/);
    expect(await count('congresses')).toBe(before);
  });

  it('refuses to delete a vote or change its id', async () => {
    await t.services.db.execute(sql`
      INSERT INTO project_votes (id, congress_id, year, title, scope, max_choices, rules)
      VALUES (gen_random_uuid(), ${t.congressId}, 2027, '不可删除的票决', 'district', 3, '{}'::jsonb)`);
    expect(await refusal(sql`DELETE FROM project_votes`)).toMatch(/never deleted/);
    expect(await refusal(sql`UPDATE project_votes SET id = gen_random_uuid()`)).toMatch(/never changes/);
    expect(await count('project_votes')).toBe(1);
  });
});

describe('database outage', () => {
  onPostgres(
    'answers 503 on /readyz and the API while the database is unreachable, and recovers by itself',
    async () => {
      const name = `minyi_down_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const target = new URL(PG_URL!);
      // A TCP proxy in front of PostgreSQL that can be cut and restored.
      const sockets = new Set<net.Socket>();
      let proxy: net.Server;
      const open = (port: number) =>
        new Promise<number>((resolve) => {
          proxy = net.createServer((client) => {
            const upstream = net.connect(Number(target.port || 5432), target.hostname);
            for (const s of [client, upstream]) {
              sockets.add(s);
              s.on('error', () => undefined);
              s.on('close', () => {
                sockets.delete(s);
                client.destroy();
                upstream.destroy();
              });
            }
            client.pipe(upstream).pipe(client);
          });
          proxy.listen(port, '127.0.0.1', () => resolve((proxy.address() as net.AddressInfo).port));
        });
      const cut = async () => {
        await new Promise<void>((resolve) => {
          proxy.close(() => resolve());
          for (const s of sockets) s.destroy();
        });
      };
      const port = await open(0);
      const viaProxy = new URL(PG_URL!);
      viaProxy.host = `127.0.0.1:${port}`;
      viaProxy.pathname = `/${name}`;
      const database = await createDatabase({ url: viaProxy.toString(), dataDir: null, poolSize: 3 });
      const app = await buildApp(testConfig(), database);
      try {
        await migrate(database);
        await app.ready();
        expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
        const login = () =>
          app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: 'nobody', password: 'whatever-1' },
          });
        expect((await login()).statusCode).toBe(401);

        await cut();
        const ready = await app.inject({ method: 'GET', url: '/readyz' });
        expect(ready.statusCode).toBe(503);
        const api = await login();
        expect(api.statusCode).toBe(503);
        expect(api.headers['content-type']).toMatch(/problem\+json/);
        expect(api.json().code).toBe('service_unavailable');
        // Still down: still 503, and the process is still serving.
        expect((await login()).statusCode).toBe(503);
        expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

        await open(port);
        let status = 0;
        for (let i = 0; i < 20 && status !== 200; i++) {
          status = (await app.inject({ method: 'GET', url: '/readyz' })).statusCode;
          if (status !== 200) await new Promise((r) => setTimeout(r, 250));
        }
        expect(status).toBe(200);
        expect((await login()).statusCode).toBe(401);
      } finally {
        await app.close();
        await database.close().catch(() => undefined);
        await cut().catch(() => undefined);
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});

describe('HTTP conventions', () => {
  it('publishes OpenAPI 3.1 listing the login route, and browsable docs', async () => {
    const res = await t.anon.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.paths['/api/v1/auth/login']).toBeDefined();
    expect(doc.paths['/api/v1/admin/accounts']).toBeDefined();
    expect(doc.paths['/api/v1/audit-events']).toBeDefined();
    expect(doc.paths['/api/v1/bench/raw-insert']).toBeUndefined();
    const docs = await t.anon.get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('exposes Prometheus metrics with request durations', async () => {
    await t.anon.get('/healthz');
    await t.anon.get('/api/v1/auth/me');
    const res = await t.anon.get('/metrics', { authorization: 'Bearer test-metrics-token' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/http_request_duration_seconds_bucket\{/);
    // API routes are measured too, not only the health routes.
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/auth\/me",status="401"\}/,
    );
  });

  it('answers with a request id, echoing a sane one given', async () => {
    const res = await t.anon.get('/healthz');
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
    const given = await t.anon.get('/api/v1/nothing', { 'x-request-id': 'trace-123' });
    expect(given.headers['x-request-id']).toBe('trace-123');
    expect(given.json().requestId).toBe('trace-123');
  });

  it('registers the bench routes only in bench mode', async () => {
    expect((await t.anon.post('/api/v1/bench/raw-insert', { payload: 'x' })).statusCode).toBe(404);
    const database = await createDatabase({ url: null, dataDir: null });
    await migrate(database);
    const app = await buildApp(testConfig({ bench: true }), database);
    try {
      const ins = await app.inject({
        method: 'POST',
        url: '/api/v1/bench/raw-insert',
        payload: { payload: 'hello' },
      });
      expect(ins.statusCode).toBe(201);
      const read = await app.inject({ method: 'GET', url: `/api/v1/bench/pk-read/${ins.json().id}` });
      expect(read.json()).toMatchObject({ id: ins.json().id, payload: 'hello' });
    } finally {
      await app.close();
      await database.close();
    }
  });
});
