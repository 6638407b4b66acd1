// The per-instance session cache (security.sessionCacheMs, on in production, off in the other tests):
// what this instance changes applies on the next request; a change made elsewhere within the TTL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions } from '../src/platform/platform.table';
import { testConfig } from '../src/config';
import { createTestEnv, TEST_PASSWORD, testClient, type TestEnv } from './harness';
import { login, signIn } from './platform-fixtures';

const TTL = 400;
let t: TestEnv;
beforeAll(async () => {
  t = await createTestEnv({ security: { ...testConfig().security, sessionCacheMs: TTL } });
});
afterAll(async () => t?.close());

describe('session cache', () => {
  it('applies this instance’s changes at once: roles, disable, logout', async () => {
    const sys = await signIn(t, 'sys', ['systemAdmin']);
    const sec = await signIn(t, 'sec', ['securityAdmin']);
    const user = await signIn(t, 'cached', ['leader']);
    expect((await user.get('/api/v1/auth/me')).json().user.roles).toEqual(['leader']);
    await sec.post(`/api/v1/admin/accounts/${user.accountId}/roles`, { role: 'congressStaff' });
    expect((await user.get('/api/v1/auth/me')).json().user.roles).toEqual(['congressStaff', 'leader']);
    const days = { days: [{ date: '2031-01-01', kind: 'holiday', name: '元旦' }] };
    expect((await user.post('/api/v1/calendar/import', days)).statusCode).toBe(200);
    await sec.delete(`/api/v1/admin/accounts/${user.accountId}/roles/congressStaff`);
    expect((await user.post('/api/v1/calendar/import', days)).statusCode).toBe(403);
    expect((await user.get('/api/v1/auth/me')).json().user.roles).toEqual(['leader']);

    await sys.post(`/api/v1/admin/accounts/${user.accountId}/disable`);
    expect((await user.get('/api/v1/auth/me')).statusCode).toBe(401);
    await sys.post(`/api/v1/admin/accounts/${user.accountId}/enable`);

    const again = await signIn(t, 'cached2', ['leader']);
    expect((await again.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await again.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await again.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('ends the other sessions of a password change at once, keeping the one that changed it', async () => {
    const laptop = await signIn(t, 'changer', ['leader']);
    const again = await login(t, { username: 'changer', password: TEST_PASSWORD });
    const raw = again.headers['set-cookie'];
    const phone = testClient(
      t.app,
      (Array.isArray(raw) ? raw[0] : raw!).split(';')[0],
      again.json().csrfToken,
    );
    // Both cached on this instance.
    expect((await phone.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await laptop.get('/api/v1/auth/me')).statusCode).toBe(200);
    const changed = await laptop.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a-new-long-password',
    });
    expect(changed.statusCode).toBe(204);
    expect((await phone.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/v1/auth/me')).statusCode).toBe(200);
    // Gone from the database too: every other instance drops it within the TTL (next test).
    expect(
      await t.services.db.select().from(sessions).where(eq(sessions.accountId, laptop.accountId)),
    ).toHaveLength(1);
  });

  it('sees a session ended behind its back within the TTL', async () => {
    const user = await signIn(t, 'elsewhere', ['leader']);
    expect((await user.get('/api/v1/auth/me')).statusCode).toBe(200);
    // Another instance (here: the database directly) ends the session.
    await t.services.db.delete(sessions).where(eq(sessions.accountId, user.accountId));
    await new Promise((r) => setTimeout(r, TTL + 50));
    expect((await user.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});
