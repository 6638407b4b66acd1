// Module tests: a fresh database per test file (PGlite in memory, or a new PostgreSQL database when
// TEST_DATABASE_URL is set), the real app, and HTTP clients that sign in as a given account.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { Role } from '@minyi/domain';
import { testConfig, type Config } from '../src/config';
import { createDatabase, type Database } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { buildApp } from '../src/app';
import type { SQL } from 'drizzle-orm';
import type { AppServices } from '../src/platform/context';
import { newId } from '../src/platform/ids';
import { hashPassword } from '../src/platform/auth/passwords';
import { accountRoles, accounts, congresses } from '../src/platform/platform.table';
import { jurisdictions } from '../src/modules/registry/registry.table';

export const TEST_PASSWORD = 'test-password-1';

/** A fresh database, with its URL (null: PGlite in memory) for tools that connect on their own (pg_dump). */
export type TestDatabase = Database & { url: string | null; dropAfter: () => Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await createDatabase({ url: null, dataDir: null });
    return { ...db, url: null, dropAfter: async () => undefined };
  }
  const name = `minyi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await createDatabase({ url: u.toString(), dataDir: null, poolSize: 5 });
  return {
    ...db,
    url: u.toString(),
    dropAfter: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** 'done', or the database's own message for a statement it refuses (the driver wraps it). */
export async function refusalOf(services: AppServices, q: SQL): Promise<string> {
  try {
    await services.db.execute(q);
    return 'done';
  } catch (err) {
    return String((err as { cause?: Error }).cause?.message ?? err);
  }
}

export interface TestClient {
  csrfToken: string;
  cookie: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface TestEnv {
  app: FastifyInstance;
  services: AppServices;
  database: TestDatabase;
  /** The congress made for the test, with a district and one street. */
  congressId: string;
  districtId: string;
  streetId: string;
  /** An unauthenticated client. */
  anon: TestClient;
  createAccount(opts: {
    username?: string;
    roles: Role[];
    congressId?: string;
    deputyId?: string | null;
    handlingUnitId?: string | null;
    password?: string;
  }): Promise<{ id: string; username: string }>;
  /** Creates an account with these roles (unless the username exists) and signs it in. */
  as(
    username: string,
    roles?: Role[],
    extra?: { deputyId?: string; handlingUnitId?: string; congressId?: string },
  ): Promise<TestClient>;
  createCongress(name?: string): Promise<{ congressId: string; districtId: string; streetId: string }>;
  close(): Promise<void>;
}

/** A client of the app signed in with this cookie and CSRF token (none: anonymous); `headers` go on every request. */
export function testClient(
  app: FastifyInstance,
  cookie = '',
  csrfToken = '',
  headers: Record<string, string> = {},
): TestClient {
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: {
        ...headers,
        ...(cookie ? { cookie } : {}),
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...(opts.headers ?? {}),
      },
    });
  const withBody =
    (method: 'POST' | 'PUT' | 'PATCH') => (url: string, body?: unknown, headers?: Record<string, string>) =>
      request({ method, url, payload: body === undefined ? undefined : (body as object), headers });
  return {
    cookie,
    csrfToken,
    request,
    get: (url, headers) => request({ method: 'GET', url, headers }),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    delete: (url, headers) => request({ method: 'DELETE', url, headers }),
  };
}

export async function createTestEnv(
  overrides: Partial<Config> = {},
  /** Where the server's log goes (with `logLevel` in overrides): a test that reads the log lines. */
  opts: { logStream?: { write(line: string): void } } = {},
): Promise<TestEnv> {
  const database = await createTestDatabase();
  await migrate(database);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'minyi-test-'));
  const config = testConfig({ dataDir, ...overrides });
  const app = await buildApp(config, database, opts.logStream);
  await app.ready();
  const services = app.services;
  const db = services.db;
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const known = new Map<string, string>();

  async function createCongress(name = '测试区人民代表大会') {
    const congressId = newId();
    const districtId = newId();
    const streetId = newId();
    await db.transaction(async (tx) => {
      await tx.insert(congresses).values({
        id: congressId,
        congressId,
        name,
        nameEn: "Test District People's Congress",
        level: 'district',
        jurisdictionId: districtId,
      });
      await tx.insert(jurisdictions).values([
        { id: districtId, congressId, level: 'district', name: '测试区', nameEn: 'Test District' },
        {
          id: streetId,
          congressId,
          parentId: districtId,
          level: 'street',
          name: '测试街道',
          nameEn: 'Test Street',
        },
      ]);
    });
    return { congressId, districtId, streetId };
  }

  const main = await createCongress();

  const env: TestEnv = {
    app,
    services,
    database,
    ...main,
    anon: testClient(app),
    async createAccount(opts) {
      const id = newId();
      const username = opts.username ?? `user_${id.slice(-8)}`;
      const congressId = opts.congressId ?? main.congressId;
      await db.insert(accounts).values({
        id,
        congressId,
        username,
        displayName: username,
        passwordHash: opts.password ? await hashPassword(opts.password) : passwordHash,
        deputyId: opts.deputyId ?? null,
        handlingUnitId: opts.handlingUnitId ?? null,
      });
      if (opts.roles.length)
        await db.insert(accountRoles).values(opts.roles.map((role) => ({ accountId: id, role, congressId })));
      known.set(username, id);
      return { id, username };
    },
    async as(username, roles = [], extra = {}) {
      if (!known.has(username)) await env.createAccount({ username, roles, ...extra });
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: TEST_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const setCookie = res.headers['set-cookie'];
      const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie!;
      return testClient(app, raw.split(';')[0], res.json().csrfToken);
    },
    createCongress,
    async close() {
      await app.close();
      await database.close();
      await database.dropAfter();
    },
  };
  return env;
}
