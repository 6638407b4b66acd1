// Authentication against abuse (issue 22, items 1–5): the lockout cannot be raced, forwarded headers are
// believed only from configured proxies, a locked account answers like an unknown one, a password change
// ends the other sessions, and 三员分立 keeps administrators and business roles apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { accountRoles, accounts, auditEvents, notifications, sessions } from '../src/platform/platform.table';
import { deputies } from '../src/modules/registry/registry.table';
import { newId } from '../src/platform/ids';
import { loadConfig } from '../src/config';
import { createTestEnv, refusalOf, TEST_PASSWORD, testClient, type TestEnv } from './harness';
import { login, signIn } from './platform-fixtures';
import type { LightMyRequestResponse } from 'fastify';

let t: TestEnv;
beforeAll(async () => {
  t = await createTestEnv();
});
afterAll(async () => t?.close());

const auditOf = async (entityId: string, actions?: string[]) =>
  t.services.db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.entityId, entityId), ...(actions ? [inArray(auditEvents.action, actions)] : [])),
    );

/** What a refused sign-in says, without what differs per request. */
const answerOf = (r: LightMyRequestResponse) => {
  const { requestId: _id, ...body } = r.json();
  return { status: r.statusCode, body };
};

const cookieOf = (r: LightMyRequestResponse) => {
  const raw = r.headers['set-cookie'];
  return (Array.isArray(raw) ? raw[0] : raw!).split(';')[0];
};

describe('lockout (item 1)', () => {
  it('checks at most 5 of 50 concurrent wrong passwords from 50 addresses, then refuses even the right one', async () => {
    const { id } = await t.createAccount({ username: 'raced', roles: ['deputy'] });
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.anon.post(
          '/api/v1/auth/login',
          { username: 'raced', password: `wrong-${i}` },
          { 'x-forwarded-for': `10.50.0.${i + 1}` },
        ),
      ),
    );
    expect(attempts.map((r) => r.statusCode)).toEqual(Array(50).fill(401));
    // Each checked password wrote its audit row: four failures and the one that locked.
    const checked = await auditOf(id, ['auth.loginFail', 'account.lock']);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(checked.map((r) => r.action).sort()).toEqual(['account.lock', ...Array(4).fill('auth.loginFail')]);
    const [row] = await t.services.db.select().from(accounts).where(eq(accounts.id, id));
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const right = await login(t, { username: 'raced', password: TEST_PASSWORD });
    expect(right.statusCode).toBe(401);
    expect(right.headers['set-cookie']).toBeUndefined();
  });

  it('still allows at most 30 sign-in attempts a minute from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 32; i++) {
      const r = await t.anon.post(
        '/api/v1/auth/login',
        { username: 'nobody-here', password: 'x' },
        { 'x-forwarded-for': '10.51.0.1' },
      );
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(codes.slice(30)).toEqual([429, 429]);
  });
});

describe('a locked account answers like an unknown one (item 3)', () => {
  it('gives the same status and body for a locked account, with the right password, as for no account', async () => {
    await t.createAccount({ username: 'lockedout', roles: ['leader'] });
    await t.createAccount({ username: 'wrongpw', roles: ['leader'] });
    for (let i = 0; i < 5; i++) await login(t, { username: 'lockedout', password: 'wrong' });
    const locked = await login(t, { username: 'lockedout', password: TEST_PASSWORD });
    const unknown = await login(t, { username: 'no-such-user', password: TEST_PASSWORD });
    const wrong = await login(t, { username: 'wrongpw', password: 'wrong' });
    expect(answerOf(locked)).toEqual(answerOf(unknown));
    expect(answerOf(locked)).toEqual(answerOf(wrong));
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('invalid_credentials');
    expect(locked.json().messages.zh).toMatch(/^用户名或密码错误/);
    expect(locked.json()).not.toHaveProperty('lockedUntil');
  });
});

const PROXY = '192.0.2.1';

describe('forwarded headers (item 2), and /metrics (item 9) on the same instance', () => {
  let bare: TestEnv;
  beforeAll(async () => {
    // Behind one proxy; the harness's own loopback address is an ordinary client here.
    bare = await createTestEnv({
      trustedProxies: [PROXY],
      publicUrl: 'https://rd.example.gov.cn',
      metricsToken: null,
    });
  });
  afterAll(async () => bare?.close());

  it('sends HSTS when the public address is https (item 10)', async () => {
    const res = await bare.anon.get('/healthz');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('does not let a rotating X-Forwarded-For pass the per-address sign-in limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 35; i++) {
      const r = await bare.anon.post(
        '/api/v1/auth/login',
        { username: 'nobody', password: 'x' },
        { 'x-forwarded-for': `203.0.113.${i + 1}` },
      );
      codes.push(r.statusCode);
    }
    expect(codes.filter((c) => c === 401)).toHaveLength(30);
    expect(codes.slice(30)).toEqual(Array(5).fill(429));
  });

  it('stores the socket address in audit rows and sessions, not a forged one', async () => {
    const { id } = await bare.createAccount({ username: 'forged', roles: ['leader'] });
    const fail = await bare.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'forged', password: 'wrong' },
      headers: { 'x-forwarded-for': '198.51.100.7' },
      remoteAddress: '192.0.2.10',
    });
    expect(fail.statusCode).toBe(401);
    const ok = await bare.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'forged', password: TEST_PASSWORD },
      headers: { 'x-forwarded-for': '198.51.100.7' },
      remoteAddress: '192.0.2.10',
    });
    expect(ok.statusCode).toBe(200);
    const rows = await bare.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(rows.map((r) => r.ip)).toEqual(['192.0.2.10', '192.0.2.10']);
    const [s] = await bare.services.db.select().from(sessions).where(eq(sessions.accountId, id));
    expect(s.ip).toBe('192.0.2.10');
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    const { id } = await bare.createAccount({ username: 'behindproxy', roles: ['leader'] });
    const attempt = (remoteAddress: string) =>
      bare.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'behindproxy', password: 'wrong' },
        headers: { 'x-forwarded-for': '198.51.100.9' },
        remoteAddress,
      });
    expect((await attempt(PROXY)).statusCode).toBe(401);
    expect((await attempt('192.0.2.66')).statusCode).toBe(401);
    const rows = await bare.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    // The proxy's client, and the stranger's own address (its header ignored).
    expect(rows.map((r) => r.ip).sort()).toEqual(['192.0.2.66', '198.51.100.9']);
  });

  it('trusts no proxy and links to http://localhost:8080 unless configured', () => {
    const keys = {
      MINYI_PII_KEY: '1'.repeat(32),
      MINYI_INDEX_KEY: '2'.repeat(32),
      MINYI_AUDIT_KEY: '3'.repeat(32),
    };
    const plain = loadConfig(keys);
    expect(plain.trustedProxies).toEqual([]);
    expect(plain.publicUrl).toBe('http://localhost:8080');
    expect(plain.cookieSecure).toBe(false);
    const set = loadConfig({
      ...keys,
      MINYI_TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16',
      MINYI_PUBLIC_URL: 'https://rd.example.gov.cn/',
    });
    expect(set.trustedProxies).toEqual(['10.0.0.1', '10.1.0.0/16']);
    expect(set.publicUrl).toBe('https://rd.example.gov.cn');
    expect(set.cookieSecure).toBe(true);
    expect(() => loadConfig({ ...keys, MINYI_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(
      /MINYI_PUBLIC_URL/,
    );
  });

  it('draws the QR code from the configured public address, whatever Host or X-Forwarded-Host say', async () => {
    const deputyId = newId();
    await bare.services.db
      .insert(deputies)
      .values({ id: deputyId, congressId: bare.congressId, name: '王代表', gender: 'female' });
    const url = `/api/v1/opinions/qr.svg?deputyId=${deputyId}&congressId=${bare.congressId}`;
    const expected = await QRCode.toString(`https://rd.example.gov.cn/opinions/new?deputyId=${deputyId}`, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
    });
    const plain = await bare.anon.get(url);
    const forged = await bare.anon.get(url, {
      host: 'evil.example',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe(expected);
    expect(forged.body).toBe(expected);
  });

  describe('/metrics (item 9)', () => {
    it('answers only the configured bearer token, and does not exist without one', async () => {
      expect((await t.anon.get('/metrics')).statusCode).toBe(401);
      const wrong = await t.anon.get('/metrics', { authorization: 'Bearer not-the-token' });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.headers['content-type']).toMatch(/problem\+json/);
      expect(wrong.headers['www-authenticate']).toMatch(/^Bearer/);
      const staff = await signIn(t, 'metrics_staff', ['congressStaff']);
      expect((await staff.get('/metrics')).statusCode).toBe(401);
      const ok = await t.anon.get('/metrics', { authorization: 'Bearer test-metrics-token' });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toMatch(/http_request_duration_seconds/);
      const none = await bare.anon.get('/metrics', { authorization: 'Bearer test-metrics-token' });
      expect(none.statusCode).toBe(404);
    });
  });
});

describe('changing a password (item 4)', () => {
  it('ends the user’s other sessions and keeps the current one', async () => {
    const { id } = await t.createAccount({ username: 'twodevices', roles: ['leader'] });
    const signInAgain = async () => {
      const r = await login(t, { username: 'twodevices', password: TEST_PASSWORD });
      return testClient(t.app, cookieOf(r), r.json().csrfToken);
    };
    const phone = await signInAgain();
    const laptop = await signInAgain();
    expect((await phone.get('/api/v1/auth/me')).statusCode).toBe(200);
    const changed = await laptop.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a-new-long-password',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await laptop.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await phone.get('/api/v1/auth/me')).statusCode).toBe(401);
    const left = await t.services.db.select().from(sessions).where(eq(sessions.accountId, id));
    expect(left).toHaveLength(1);
    const [audit] = await auditOf(id, ['account.changePassword']);
    expect(audit.after).toMatchObject({ sessionsEnded: 1 });
  });

  it('refuses the public and API tokens, and a new password equal to the current one', async () => {
    const user = await signIn(t, 'samepw', ['leader']);
    const body = { currentPassword: TEST_PASSWORD, newPassword: 'another-long-password' };
    expect((await t.anon.post('/api/v1/auth/password', body)).statusCode).toBe(401);
    const token = (await user.post('/api/v1/auth/tokens', { name: 't' })).json().token;
    const byToken = await t.anon.post('/api/v1/auth/password', body, { authorization: `Bearer ${token}` });
    expect(byToken.statusCode).toBe(401);
    const same = await user.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: TEST_PASSWORD,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors.map((e: { field: string }) => e.field)).toEqual(['newPassword']);
    expect(await auditOf(user.accountId, ['account.changePassword'])).toEqual([]);
  });
});

describe('三员分立 (item 5)', () => {
  let sys: Awaited<ReturnType<typeof signIn>>;
  let sec: Awaited<ReturnType<typeof signIn>>;
  let aud: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    sys = await signIn(t, 'sep_sys', ['systemAdmin']);
    sec = await signIn(t, 'sep_sec', ['securityAdmin']);
    aud = await signIn(t, 'sep_aud', ['auditor']);
  });

  it('refuses a business role to an administrator account, naming the role, and changes nothing', async () => {
    for (const [holder, held, role] of [
      [sys, 'systemAdmin', 'congressStaff'],
      [aud, 'auditor', 'congressStaff'],
      [aud, 'auditor', 'leader'],
    ] as const) {
      const res = await sec.post(`/api/v1/admin/accounts/${holder.accountId}/roles`, { role });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'admin_business_separated', role, heldRoles: [held] });
      expect(res.json().messages.zh).toMatch(/三员分立/);
      expect(res.json().messages.en).toContain(role);
      const roles = await t.services.db
        .select({ role: accountRoles.role })
        .from(accountRoles)
        .where(eq(accountRoles.accountId, holder.accountId));
      expect(roles.map((r) => r.role)).toEqual([held]);
      expect(await auditOf(holder.accountId, ['account.grantRole'])).toEqual([]);
    }
  });

  it('refuses an administrator role to an account with business roles, naming them', async () => {
    const { id } = await t.createAccount({ username: 'busy_staff', roles: ['congressStaff', 'leader'] });
    const res = await sec.post(`/api/v1/admin/accounts/${id}/roles`, { role: 'systemAdmin' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'admin_business_separated',
      role: 'systemAdmin',
      heldRoles: ['congressStaff', 'leader'],
    });
    expect(res.json().messages.en).toContain('congressStaff');
  });

  it('refuses the mix in the database too', async () => {
    const refusal = await refusalOf(
      t.services,
      sql`INSERT INTO account_roles (account_id, role, congress_id) VALUES (${sys.accountId}, 'deputy', ${t.congressId})`,
    );
    expect(refusal).toMatch(/admin_business_separated/);
  });

  it('a reset gives a one-time password: sign-in says a change is required and only the change works until then', async () => {
    const user = await signIn(t, 'resetme', ['congressStaff']);
    const reset = await sys.post(`/api/v1/admin/accounts/${user.accountId}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = reset.json();
    // The user is told, in the inbox (and by mail or SMS through the usual delivery).
    const told = await t.services.db
      .select()
      .from(notifications)
      .where(eq(notifications.accountId, user.accountId));
    expect(told.map((n) => n.kind)).toEqual(['account.passwordReset']);
    expect(JSON.stringify(told)).not.toContain(temporaryPassword);
    const [audit] = await auditOf(user.accountId, ['account.resetPassword']);
    expect(audit.after).toMatchObject({ mustChangePassword: true });

    const signedIn = await login(t, { username: 'resetme', password: temporaryPassword });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.mustChangePassword).toBe(true);
    const c = testClient(t.app, cookieOf(signedIn), signedIn.json().csrfToken);
    expect((await c.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    for (const [method, url] of [
      ['GET', '/api/v1/notifications'],
      ['GET', '/api/v1/auth/tokens'],
      ['POST', '/api/v1/auth/tokens'],
      ['POST', '/api/v1/auth/totp/setup'],
    ] as const) {
      const res = await c.request({ method, url, ...(method === 'POST' ? { payload: { name: 'x' } } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('password_change_required');
    }
    const changed = await c.post('/api/v1/auth/password', {
      currentPassword: temporaryPassword,
      newPassword: 'my-own-new-password',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await c.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(false);
    expect((await c.get('/api/v1/notifications')).statusCode).toBe(200);
    const [row] = await t.services.db.select().from(accounts).where(eq(accounts.id, user.accountId));
    expect(row.mustChangePassword).toBe(false);
  });

  it('a password the user sets is not one-time', async () => {
    const user = await signIn(t, 'ownpw', ['leader']);
    const r = await login(t, { username: 'ownpw', password: TEST_PASSWORD });
    expect(r.json().user.mustChangePassword).toBe(false);
    expect((await user.get('/api/v1/notifications')).statusCode).toBe(200);
  });
});

describe('security headers (item 10)', () => {
  it('sends a CSP without inline script, no framing, nosniff and a same-origin referrer on every response', async () => {
    for (const res of [
      await t.anon.get('/healthz'),
      await t.anon.get('/api/v1/auth/me'),
      await t.anon.get('/api/openapi.json'),
      await t.anon.get('/no-such-page'),
    ]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
      // Served over http here: no HSTS.
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });
});
