import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { accounts, auditEvents } from '../src/platform/platform.table';
import { createTestEnv, TEST_PASSWORD, type TestEnv } from './harness';

let t: TestEnv;
beforeAll(async () => {
  t = await createTestEnv();
});
afterAll(async () => t?.close());

describe('auth contract', () => {
  it('signs in, answers me with the same user, and signs out', async () => {
    await t.createAccount({ username: 'staff1', roles: ['congressStaff'] });
    const login = await t.anon.post('/api/v1/auth/login', { username: 'staff1', password: TEST_PASSWORD });
    expect(login.statusCode).toBe(200);
    const { user, csrfToken } = login.json();
    expect(user).toMatchObject({ username: 'staff1', roles: ['congressStaff'], congressId: t.congressId });
    expect(csrfToken).toEqual(expect.any(String));
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const sid = cookie.split(';')[0];
    const me = await t.anon.get('/api/v1/auth/me', { cookie: sid });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toEqual(user);

    const noCsrf = await t.anon.post('/api/v1/auth/logout', undefined, { cookie: sid });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_failed');

    const out = await t.anon.post('/api/v1/auth/logout', undefined, {
      cookie: sid,
      'x-csrf-token': csrfToken,
    });
    expect(out.statusCode).toBe(204);
    expect((await t.anon.get('/api/v1/auth/me', { cookie: sid })).statusCode).toBe(401);
  });

  it('locks the account for 15 minutes after 5 failures, and audits each failure', async () => {
    const { id } = await t.createAccount({ username: 'victim', roles: ['deputy'] });
    for (let i = 0; i < 5; i++) {
      const r = await t.anon.post('/api/v1/auth/login', { username: 'victim', password: 'wrong' });
      expect(r.statusCode).toBe(401);
    }
    // Locked: refused even with the right password, in the words of a wrong one (item 3 of issue 22).
    const locked = await t.anon.post('/api/v1/auth/login', { username: 'victim', password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(401);
    expect(locked.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(locked.json().code).toBe('invalid_credentials');
    expect(locked.json().messages.zh).toMatch(/锁定/);
    const [row] = await t.services.db.select().from(accounts).where(eq(accounts.id, id));
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const rows = await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(rows.map((r) => r.action).sort()).toEqual(
      ['account.lock', ...Array(4).fill('auth.loginFail')].sort(),
    );
  });

  it('answers a malformed login with a 400 naming the fields', async () => {
    const r = await t.anon.post('/api/v1/auth/login', { username: '', extra: 1 });
    expect(r.statusCode).toBe(400);
    const fields = r.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password', 'extra']));
    const bad = await t.anon.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('malformed_json');
  });

  it('rejects bodies over 1 MB and unknown routes with problem+json', async () => {
    const big = await t.anon.post('/api/v1/auth/login', { username: 'x', password: 'y'.repeat(1_100_000) });
    expect(big.statusCode).toBe(413);
    const missing = await t.anon.get('/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('second factor', () => {
  it("accepts a code from the authenticator's previous 30-second step, not an older one, and each code once", async () => {
    const admin = await t.as('totp-drift', ['systemAdmin']);
    const { secret } = (await admin.post('/api/v1/auth/totp/setup')).json();
    const now = Math.floor(Date.now() / 1000);
    // Enrolment with the code of the step before this one (typed as the step turned).
    const enabled = await admin.post('/api/v1/auth/totp/enable', {
      code: await generate({ secret, epoch: now - 30 }),
    });
    expect(enabled.statusCode, enabled.body).toBe(204);
    const login = (code: string) =>
      t.anon.post('/api/v1/auth/login', { username: 'totp-drift', password: TEST_PASSWORD, totpCode: code });
    const refused = (res: Awaited<ReturnType<typeof login>>) => {
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json().code).toBe('invalid_second_factor');
      expect(res.headers['set-cookie']).toBeUndefined();
    };
    // Two steps old: refused, and nothing signed in.
    refused(await login(await generate({ secret, epoch: now - 75 })));
    // The enrolment's own code, once more: used (RFC 6238 §5.2).
    refused(await login(await generate({ secret, epoch: now - 30 })));
    // This step's code: accepted once, then used.
    const current = await generate({ secret, epoch: now });
    const first = await login(current);
    expect(first.statusCode, first.body).toBe(200);
    refused(await login(current));
    // Two sign-ins racing with one code: one passes.
    const [{ id }] = await t.services.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.username, 'totp-drift'));
    await t.services.db.update(accounts).set({ totpLastStep: null }).where(eq(accounts.id, id));
    const raced = await Promise.all([login(current), login(current)]);
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 401]);
    // An enrolment long past (no step recorded): a code from the previous step signs in.
    await t.services.db.update(accounts).set({ totpLastStep: null }).where(eq(accounts.id, id));
    const late = await login(await generate({ secret, epoch: now - 30 }));
    expect(late.statusCode, late.body).toBe(200);
  });
});
