// Helpers for the platform tests: administrators sign in with a second factor (their sessions are
// otherwise restricted to enrolment), and a role-by-role refusal check.
import { eq } from 'drizzle-orm';
import { generate, generateSecret } from 'otplib';
import { expect } from 'vitest';
import { isAdminRole, type Role } from '@minyi/domain';
import { accounts } from '../src/platform/platform.table';
import { TEST_PASSWORD, testClient, type TestClient, type TestEnv } from './harness';

const clientOf = (t: TestEnv, cookie: string, csrfToken: string): TestClient =>
  testClient(t.app, cookie, csrfToken);

let ipCounter = 0;
/** POST /auth/login from a fresh client address, so the login rate limit (30/min per address) never trips. */
export const login = (t: TestEnv, body: Record<string, unknown>) =>
  t.anon.post('/api/v1/auth/login', body, {
    'x-forwarded-for': `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`,
  });

/** Signs in as a (new) account with these roles; administrators get an enrolled second factor. */
export async function signIn(
  t: TestEnv,
  username: string,
  roles: Role[],
  extra: { congressId?: string; deputyId?: string; handlingUnitId?: string } = {},
): Promise<TestClient & { accountId: string }> {
  const { id } = await t.createAccount({ username, roles, ...extra });
  let totpCode: string | undefined;
  if (roles.some(isAdminRole)) {
    const secret = generateSecret();
    await t.services.db
      .update(accounts)
      .set({ totpSecretEnc: t.services.pii.encrypt(secret), totpEnabled: true })
      .where(eq(accounts.id, id));
    totpCode = await generate({ secret });
  }
  const res = await login(t, { username, password: TEST_PASSWORD, ...(totpCode ? { totpCode } : {}) });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const raw = res.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? raw[0] : raw!).split(';')[0];
  return Object.assign(clientOf(t, cookie, res.json().csrfToken), { accountId: id });
}

export const ALL_ROLES: Role[] = [
  'citizen',
  'deputy',
  'liaisonStaff',
  'handlingUnitStaff',
  'congressStaff',
  'leader',
  'systemAdmin',
  'securityAdmin',
  'auditor',
];

export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  /** The roles that may call it; every other role must get 403, the public 401. */
  allowed: Role[];
}

/** One signed-in client per role (each role alone on its account; no deputy or unit linked). */
export async function clientsByRole(t: TestEnv, prefix: string): Promise<Record<Role, TestClient>> {
  const out = {} as Record<Role, TestClient>;
  for (const role of ALL_ROLES) {
    out[role] = await signIn(t, `${prefix}_${role}`, [role]);
  }
  return out;
}

/** Asserts 401 for the public and 403 for every role not allowed. */
export async function expectRefusals(t: TestEnv, clients: Record<Role, TestClient>, endpoints: Endpoint[]) {
  for (const ep of endpoints) {
    const send = (c: TestClient) =>
      c.request({
        method: ep.method,
        url: ep.url,
        ...(ep.body !== undefined ? { payload: ep.body as object } : {}),
      });
    const anon = await send(t.anon);
    expect(anon.statusCode, `${ep.method} ${ep.url} as the public`).toBe(401);
    expect(anon.headers['content-type']).toMatch(/problem\+json/);
    for (const role of ALL_ROLES) {
      if (ep.allowed.includes(role)) continue;
      const res = await send(clients[role]);
      expect(res.statusCode, `${ep.method} ${ep.url} as ${role}: ${res.body}`).toBe(403);
    }
  }
}
