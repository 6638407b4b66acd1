// The benchmark harness: starts the real server (buildApp + listen on 127.0.0.1:0) on a fresh database,
// drives it with autocannon from a separate thread, and reports every figure against baselines measured
// in the same run. Used by every bench/<module>.bench.ts.
//
//   node server/bin/minyi.mjs bench/<module>.bench.ts [--pg[=postgres://…]] [--duration=5] [--connections=10] [--demo]
//
// Database: a fresh PGlite in a temp dir by default; with --pg (or DATABASE_URL set) a fresh database
// is created on that PostgreSQL server for the run and dropped afterwards.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import inspector from 'node:inspector';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Role } from '@minyi/domain';
import { missingV8Flags, testConfig, type Config } from '../server/src/config';
import { createDatabase, type Database } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { buildApp } from '../server/src/app';
import type { AppServices } from '../server/src/platform/context';
import { newId } from '../server/src/platform/ids';
import { hashPassword } from '../server/src/platform/auth/passwords';
import { accountRoles, accounts, congresses } from '../server/src/platform/platform.table';
import { deputies, jurisdictions, mandates } from '../server/src/modules/registry/registry.table';

export const RESULTS_DIR = path.join(import.meta.dirname, 'results');

// ---------- command line ----------

export interface BenchArgs {
  /** PostgreSQL server URL (a fresh database is created on it), or null for PGlite. */
  pg: string | null;
  durationS: number;
  connections: number;
  demo: boolean;
}

export function parseArgs(argv = process.argv.slice(2), env = process.env): BenchArgs {
  const get = (name: string) => {
    const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (!hit) return undefined;
    return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : '';
  };
  const pgArg = get('pg');
  return {
    pg: pgArg !== undefined ? pgArg || 'postgres://postgres@127.0.0.1:5432/test' : env.DATABASE_URL || null,
    durationS: Number(get('duration') ?? env.BENCH_DURATION ?? 5),
    connections: Number(get('connections') ?? env.BENCH_CONNECTIONS ?? 10),
    demo: get('demo') !== undefined || env.BENCH_DEMO === '1',
  };
}

// ---------- the server ----------

export interface BenchServer {
  url: string;
  app: FastifyInstance;
  services: AppServices;
  database: Database;
  kind: 'pglite' | 'postgres';
  args: BenchArgs;
  /** The demo summary when the demo was requested and loaded, else null. */
  demo: { congressId: string; accounts: { username: string; role: string }[] } | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  args?: BenchArgs;
  /** Load the demo district (also --demo). A failing demo load is reported and skipped. */
  demo?: boolean;
  config?: Partial<Config>;
  poolSize?: number;
}

async function freshPostgres(baseUrl: string, poolSize: number) {
  const name = `minyi_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const database = await createDatabase({ url: u.toString(), dataDir: null, poolSize });
  const drop = async () => {
    // BENCH_KEEP_DB=1 leaves the database for EXPLAIN; its name is printed.
    if (process.env.BENCH_KEEP_DB) return void console.log(`kept database ${name}`);
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return { database, drop };
}

/**
 * The server measured here runs in this process, so it must have the V8 flags it runs with in production:
 * a benchmark is started through the launcher (`node server/bin/minyi.mjs bench/<name>.bench.ts`, as
 * `npm run bench` does), and refuses to measure without them.
 */
function requireServerFlags() {
  const missing = missingV8Flags();
  if (missing.length === 0) return;
  console.error(
    `This benchmark was started without ${missing.join(' ')}, which the server runs with; start it as\n` +
      `  node server/bin/minyi.mjs ${path.relative(process.cwd(), process.argv[1] ?? 'bench/<name>.bench.ts')} …  (or npm run bench -- <name>)`,
  );
  process.exit(2);
}

export async function startServer(opts: StartOptions = {}): Promise<BenchServer> {
  requireServerFlags();
  const args = opts.args ?? parseArgs();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'minyi-bench-'));
  let drop = async () => undefined as void;
  let database: Database;
  if (args.pg) {
    const fresh = await freshPostgres(args.pg, opts.poolSize ?? 10);
    database = fresh.database;
    drop = fresh.drop;
  } else {
    database = await createDatabase({ url: null, dataDir: path.join(tmp, 'pglite') });
  }
  await migrate(database);
  const config = testConfig({
    env: 'development',
    dataDir: tmp,
    databaseUrl: args.pg,
    bench: true,
    // The real server polls its job queue; so does the benchmarked one (audit sealing included).
    jobPollMs: 1000,
    logLevel: process.env.LOG_LEVEL ?? 'warn',
    // As loadConfig sets it for the real server (tests turn the session cache off).
    security: {
      maxFailedLogins: 5,
      lockoutMinutes: 15,
      sessionIdleMinutes: 30,
      sessionCacheMs: Number(process.env.MINYI_SESSION_CACHE_MS ?? 5000),
    },
    ...opts.config,
  });
  const app = await buildApp(config, database);
  let demo: BenchServer['demo'] = null;
  if (opts.demo ?? args.demo) {
    try {
      const { loadDemo } = await import('../server/src/demo');
      demo = await loadDemo(app.services);
    } catch (err) {
      console.warn(`[bench] demo not loaded: ${(err as Error).message}`);
    }
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  app.services.jobs.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    services: app.services,
    database,
    kind: database.kind,
    args,
    demo,
    async stop() {
      await app.close();
      await database.close();
      await drop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

// ---------- fixtures (for benches that do not load the demo) ----------

/** A congress with a district and one street, as the test harness makes. */
export async function createBenchCongress(server: BenchServer, name = '基准测试区人民代表大会') {
  const congressId = newId();
  const districtId = newId();
  const streetId = newId();
  await server.services.db.transaction(async (tx) => {
    await tx.insert(congresses).values({
      id: congressId,
      congressId,
      name,
      nameEn: 'Bench District',
      level: 'district',
      jurisdictionId: districtId,
    });
    await tx.insert(jurisdictions).values([
      { id: districtId, congressId, level: 'district', name: '基准区', nameEn: 'Bench District' },
      {
        id: streetId,
        congressId,
        parentId: districtId,
        level: 'street',
        name: '基准街道',
        nameEn: 'Bench Street',
      },
    ]);
  });
  return { congressId, districtId, streetId };
}

export async function createBenchAccount(
  server: BenchServer,
  opts: {
    congressId: string;
    username: string;
    roles: Role[];
    password?: string;
    deputyId?: string;
    handlingUnitId?: string;
  },
) {
  const id = newId();
  await server.services.db.insert(accounts).values({
    id,
    congressId: opts.congressId,
    username: opts.username,
    displayName: opts.username,
    passwordHash: await hashPassword(opts.password ?? 'bench-password-1'),
    deputyId: opts.deputyId ?? null,
    handlingUnitId: opts.handlingUnitId ?? null,
  });
  if (opts.roles.length) {
    await server.services.db
      .insert(accountRoles)
      .values(opts.roles.map((role) => ({ accountId: id, role, congressId: opts.congressId })));
  }
  return { id, username: opts.username };
}

/** A bench's own numeric option `--name=N` (the harness's are in `parseArgs`), or its default. */
export function numberArg(name: string, dflt: number): number {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.slice(name.length + 3)) : dflt;
}

/**
 * `count` deputies (代表0, 代表1, …) with a district mandate in the street, each with a deputy's account
 * (`bench-deputy-<n>`, password `bench-password-1`), written a thousand at a time.
 */
export async function createBenchDeputies(
  server: BenchServer,
  opts: { congressId: string; streetId: string; count: number },
) {
  const { congressId, streetId, count } = opts;
  const db = server.services.db;
  const deputyIds = Array.from({ length: count }, () => newId());
  const accountIds = deputyIds.map(() => newId());
  const passwordHash = await hashPassword('bench-password-1');
  for (let i = 0; i < count; i += 1000) {
    const ids = deputyIds.slice(i, i + 1000);
    await db
      .insert(deputies)
      .values(ids.map((id, k) => ({ id, congressId, name: `代表${i + k}`, gender: 'female' as const })));
    await db
      .insert(mandates)
      .values(
        ids.map((id) => ({ id: newId(), congressId, deputyId: id, level: 'district' as const, streetId })),
      );
    await db.insert(accounts).values(
      ids.map((id, k) => ({
        id: accountIds[i + k],
        congressId,
        username: `bench-deputy-${i + k}`,
        displayName: `代表${i + k}`,
        passwordHash,
        deputyId: id,
      })),
    );
    await db
      .insert(accountRoles)
      .values(ids.map((_, k) => ({ accountId: accountIds[i + k], role: 'deputy' as const, congressId })));
  }
  return { deputyIds, accountIds };
}

/** Signs in over HTTP; returns the headers an authenticated request needs (cookie and CSRF token). */
export async function login(server: BenchServer, username: string, password = 'bench-password-1') {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

// ---------- the load generator ----------

export interface RunOptions {
  title: string;
  /** A path on the server (`/healthz`) or a full URL. */
  path: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** An object is sent as JSON. */
  body?: unknown;
  /**
   * Each request as from another citizen: the JSON body's `phone` and the X-Forwarded-For address differ per
   * request (load-worker.mjs), so per-phone and per-address limits apply as they do to a crowd.
   */
  manySubmitters?: boolean;
  /** With `manySubmitters`: each request with an Idempotency-Key of its own, as the web form sends one. */
  idempotencyKeys?: boolean;
  durationS?: number;
  connections?: number;
  /** Seconds of unmeasured load first (JIT, caches, pool); default 1. */
  warmupS?: number;
}

export interface RunResult {
  title: string;
  requestsPerSec: number;
  totalRequests: number;
  durationS: number;
  connections: number;
  /** Milliseconds. */
  latency: { mean: number; p50: number; p95: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Server process CPU time per request, µs (PGlite included: it runs in the server process). */
  serverCpuUsPerRequest: number;
  /** Busy CPU of the whole machine per request (server, database and load generator), µs. */
  machineCpuUsPerRequest: number;
  /** CPU of the PostgreSQL server's processes per request (0 on PGlite, which runs in the server), µs. */
  postgresCpuUsPerRequest: number;
  /** CPU of the load generator's process per request (load-worker.mjs), µs: part of `machine`. */
  clientCpuUsPerRequest: number;
  /**
   * Write-ahead log written per request (PostgreSQL's pg_stat_wal, the whole server: background work such
   * as the job worker's included), bytes, and full-page images per 100 requests; null on PGlite. Unlike
   * CPU time, a count that neighbours on the machine do not disturb.
   */
  walBytesPerRequest: number | null;
  walFullPagesPer100: number | null;
}

type LoadResult = Omit<
  RunResult,
  | 'title'
  | 'connections'
  | 'serverCpuUsPerRequest'
  | 'machineCpuUsPerRequest'
  | 'postgresCpuUsPerRequest'
  | 'walBytesPerRequest'
  | 'walFullPagesPer100'
>;

/** The server's WAL written so far (PostgreSQL only). */
async function walWritten(server: BenchServer): Promise<{ bytes: number; fpi: number } | null> {
  if (server.kind !== 'postgres') return null;
  const [row] = await server.database.query<{ bytes: string; fpi: string }>(
    'SELECT wal_bytes::text AS bytes, wal_fpi::text AS fpi FROM pg_stat_wal',
    [],
  );
  return { bytes: Number(row.bytes), fpi: Number(row.fpi) };
}

/** Runs a load in its own process; `onReady` runs once the generator has built its requests, before it starts. */
function load(
  opts: Record<string, unknown>,
  onReady: () => Promise<void> = async () => {},
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./load-worker.mjs', import.meta.url)), [JSON.stringify(opts)], {
      execArgv: [],
      serialization: 'json',
    });
    let settled = false;
    child.on('message', (msg: { ready?: boolean; ok?: boolean; result?: LoadResult; error?: string }) => {
      if (msg.ready) {
        onReady().then(
          () => child.send('go'),
          (error: unknown) => {
            child.kill();
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
        return;
      }
      settled = true;
      if (msg.ok) resolve(msg.result!);
      else reject(new Error(msg.error));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load generator exited with ${code}`));
    });
  });
}

/**
 * BENCH_PROFILE=<text>: the server's CPU profile of each scenario whose title contains the text, written to
 * bench/results/<title>.cpuprofile (open in Chrome DevTools or any .cpuprofile viewer).
 */
/**
 * Busy CPU time of the whole machine so far (Linux /proc/stat, all cores), in ms; -1 elsewhere. Per request,
 * it adds the database's and the load generator's work to the server's.
 */
export function machineBusyMs(): number {
  try {
    const first = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
    const [user, nice, system, , , irq, softirq, steal] = first.trim().split(/\s+/).slice(1).map(Number);
    return ((user + nice + system + irq + softirq + steal) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return -1;
  }
}

/** CPU ticks so far of every process, by "pid command line". */
function processTimes(): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      const cmd =
        readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim() ||
        stat.slice(stat.indexOf('(') + 1, close);
      out.set(`${pid} ${cmd.slice(0, 90)}`, Number(fields[11]) + Number(fields[12]));
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** BENCH_PROCS=1: the processes that used the most CPU during a scenario. */
function printBusiest(before: Map<string, number>, after: Map<string, number>) {
  const used = [...after]
    .map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const)
    .filter(([, v]) => v > 2)
    .sort((a, b) => b[1] - a[1]);
  for (const [k, v] of used.slice(0, 12)) console.log(`    ${String(v * 10).padStart(6)} ms  ${k}`);
}

/** CPU time used so far by the machine's PostgreSQL processes (Linux /proc), in ms; -1 elsewhere. */
export function postgresBusyMs(): number {
  try {
    let ticks = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    }
    return ticks * 10;
  } catch {
    return -1;
  }
}

export async function profileIf(title: string): Promise<() => Promise<void>> {
  const wanted = process.env.BENCH_PROFILE;
  if (!wanted || !title.includes(wanted)) return async () => undefined;
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    session.disconnect();
    const file = path.join(RESULTS_DIR, `${title.replace(/[^\w]+/g, '-')}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`profile written to ${file}`);
  };
}

export async function run(server: BenchServer, opts: RunOptions): Promise<RunResult> {
  const url = opts.path.startsWith('http') ? opts.path : `${server.url}${opts.path}`;
  const json = opts.body !== undefined && typeof opts.body !== 'string';
  const base = {
    url,
    method: opts.method ?? 'GET',
    headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...opts.headers },
    body: opts.body === undefined ? undefined : json ? JSON.stringify(opts.body) : (opts.body as string),
    connections: opts.connections ?? server.args.connections,
    manySubmitters: opts.manySubmitters ?? false,
    idempotencyKeys: opts.idempotencyKeys ?? false,
  };
  const warmup = opts.warmupS ?? 1;
  if (warmup > 0) await load({ ...base, duration: warmup });
  const durationS = opts.durationS ?? server.args.durationS;
  // The server is this process (the load runs in another): its CPU time per request is a cost measure
  // that other processes on the machine hardly disturb, unlike throughput.
  let stopProfile = async () => {};
  let cpu0 = process.cpuUsage();
  let machine0 = 0;
  let pg0 = 0;
  let procs0 = null as Map<string, number> | null;
  let wal0 = null as Awaited<ReturnType<typeof walWritten>>;
  const result = await load({ ...base, duration: durationS }, async () => {
    stopProfile = await profileIf(opts.title);
    wal0 = await walWritten(server);
    cpu0 = process.cpuUsage();
    machine0 = machineBusyMs();
    pg0 = postgresBusyMs();
    procs0 = process.env.BENCH_PROCS ? processTimes() : null;
  });
  const wal1 = await walWritten(server);
  const cpu = process.cpuUsage(cpu0);
  const machineMs = machineBusyMs() - machine0;
  const pgMs = postgresBusyMs() - pg0;
  if (procs0) printBusiest(procs0, processTimes());
  await stopProfile();
  const out: RunResult = {
    title: opts.title,
    connections: base.connections,
    ...result,
    serverCpuUsPerRequest:
      result.totalRequests > 0 ? Math.round(((cpu.user + cpu.system) * 10) / result.totalRequests) / 10 : 0,
    machineCpuUsPerRequest:
      result.totalRequests > 0 && machineMs >= 0 ? Math.round((machineMs * 1000) / result.totalRequests) : 0,
    postgresCpuUsPerRequest:
      result.totalRequests > 0 && pg0 >= 0 ? Math.round((pgMs * 1000) / result.totalRequests) : 0,
    walBytesPerRequest:
      wal0 && wal1 && result.totalRequests > 0
        ? Math.round((wal1.bytes - wal0.bytes) / result.totalRequests)
        : null,
    walFullPagesPer100:
      wal0 && wal1 && result.totalRequests > 0
        ? Math.round(((wal1.fpi - wal0.fpi) * 10_000) / result.totalRequests) / 100
        : null,
  };
  console.log(
    `${opts.title.padEnd(34)} ${out.requestsPerSec.toFixed(0).padStart(6)} req/s  p50 ${out.latency.p50.toFixed(1)} ms  p95 ${out.latency.p95.toFixed(1)} ms  p99 ${out.latency.p99.toFixed(1)} ms  server cpu ${out.serverCpuUsPerRequest} µs/req  postgres ${out.postgresCpuUsPerRequest}  client ${out.clientCpuUsPerRequest}  machine ${out.machineCpuUsPerRequest}` +
      (out.walBytesPerRequest === null
        ? ''
        : `  wal ${out.walBytesPerRequest} B (fpi ${out.walFullPagesPer100}%)`) +
      (out.errors || out.non2xx
        ? `  errors ${out.errors} non2xx ${out.non2xx} ${JSON.stringify(out.statusCodes)}`
        : ''),
  );
  return out;
}

/** Throughput ratio a / b, to three decimals. */
export function ratio(a: RunResult | number, b: RunResult | number): number {
  const x = typeof a === 'number' ? a : a.requestsPerSec;
  const y = typeof b === 'number' ? b : b.requestsPerSec;
  return y > 0 ? Math.round((x / y) * 1000) / 1000 : 0;
}

/** The median of some numbers. */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? 0
    : s.length % 2
      ? s[(s.length - 1) / 2]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Measures `a` and `b` alternately, `rounds` times, and gives the median ratio a/b (throughput, and p95 latency):
 * on a shared machine a neighbour's burst, or the database's own aftermath of a write scenario (checkpoint,
 * autovacuum), then hits one round, not one side.
 */
export async function interleave(server: BenchServer, a: RunOptions, b: RunOptions, rounds = 3) {
  const as: RunResult[] = [];
  const bs: RunResult[] = [];
  // A first run of `a`, not counted: its first seconds on a fresh process are its code's compilation and
  // its tables' first growth (`b`, a baseline, has had its run in measureBaselines). Measured, the first of
  // three rounds of the opinion form cost 20–60% more server CPU than the next two.
  await run(server, { ...a, title: `${a.title} (warm-up)` });
  for (let i = 0; i < rounds; i++) {
    bs.push(await run(server, { ...b, title: `${b.title} #${i + 1}` }));
    as.push(await run(server, { ...a, title: `${a.title} #${i + 1}` }));
  }
  const ratios = as.map((x, i) => ratio(x, bs[i]));
  // The same comparison by server cost: b's CPU time per request over a's (higher is better for a).
  const costRatios = as.map((x, i) => ratio(bs[i].serverCpuUsPerRequest, x.serverCpuUsPerRequest));
  const p95Ratios = as.map(
    (x, i) => Math.round((x.latency.p95 / Math.max(bs[i].latency.p95, 0.001)) * 100) / 100,
  );
  return {
    a: as,
    b: bs,
    ratios,
    medianRatio: median(ratios),
    p95Ratios,
    medianP95Ratio: median(p95Ratios),
    costRatios,
    medianCostRatio: median(costRatios),
  };
}

/**
 * After a bulk load: a checkpoint, so that the gigabytes just written are flushed now and not by the
 * checkpointer and the kernel during the next measurement (which they slowed several-fold).
 */
export async function settle(server: BenchServer) {
  await server.database.query('CHECKPOINT', []);
}

// ---------- baselines ----------

export interface Baselines {
  /** GET /healthz: the framework with no database. */
  bare: RunResult;
  /** POST /api/v1/bench/raw-insert: one INSERT, no session, no audit (the write baseline). */
  rawInsert: RunResult;
  /** GET /api/v1/bench/pk-read/:id: one primary-key SELECT, no session (the read baseline). */
  pkRead: RunResult;
  /** The pk read's path, to measure it again (`interleave`). */
  pkReadPath: string;
}

export async function measureBaselines(
  server: BenchServer,
  opts: Partial<RunOptions> = {},
): Promise<Baselines> {
  const bare = await run(server, { ...opts, title: 'bare GET /healthz', path: '/healthz' });
  const rawInsert = await run(server, {
    ...opts,
    title: 'raw insert (write baseline)',
    path: '/api/v1/bench/raw-insert',
    method: 'POST',
    body: { payload: 'benchmark row' },
  });
  const seeded = await fetch(`${server.url}/api/v1/bench/raw-insert`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payload: 'the row pk-read reads' }),
  });
  if (seeded.status !== 201) throw new Error(`bench routes missing (is config.bench set?): ${seeded.status}`);
  const { id } = (await seeded.json()) as { id: string };
  const pkReadPath = `/api/v1/bench/pk-read/${id}`;
  const pkRead = await run(server, { ...opts, title: 'pk read (read baseline)', path: pkReadPath });
  return { bare, rawInsert, pkRead, pkReadPath };
}

// ---------- results ----------

/** Writes bench/results/<name>-<timestamp>.json with the machine's description; returns the path. */
export function writeResults(name: string, obj: Record<string, unknown>, server?: BenchServer): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(RESULTS_DIR, `${name}-${stamp}.json`);
  const machine = {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
  };
  const body = {
    name,
    at: new Date().toISOString(),
    machine,
    ...(server
      ? { database: server.kind, durationS: server.args.durationS, connections: server.args.connections }
      : {}),
    ...obj,
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  console.log(`results written to ${path.relative(process.cwd(), file)}`);
  return file;
}
