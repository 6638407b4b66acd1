// Accounts and roles under 三员分立: systemAdmin manages accounts, securityAdmin grants roles (never to
// itself), the auditor reads only the audit trail, and no account holds two administrator roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { verifyPassword } from '../src/platform/auth/passwords';
import { accountRoles, accounts, auditEvents, sessions } from '../src/platform/platform.table';
import { createTestEnv, TEST_PASSWORD, type TestClient, type TestEnv } from './harness';
import { clientsByRole, expectRefusals, login, signIn } from './platform-fixtures';

let t: TestEnv;
let sys: TestClient & { accountId: string };
let sec: TestClient & { accountId: string };
let auditor: TestClient & { accountId: string };

beforeAll(async () => {
  t = await createTestEnv();
  sys = await signIn(t, 'sys', ['systemAdmin']);
  sec = await signIn(t, 'sec', ['securityAdmin']);
  auditor = await signIn(t, 'aud', ['auditor']);
});
afterAll(async () => t?.close());

const auditOf = async (entityId: string) =>
  (await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId))).map(
    (r) => r.action,
  );

describe('accounts (systemAdmin)', () => {
  it('creates an account with a generated argon2id password shown once, and audits it', async () => {
    const res = await sys.post('/api/v1/admin/accounts', {
      username: 'newclerk',
      displayName: '新办事员',
      phone: '13800138000',
    });
    expect(res.statusCode).toBe(201);
    const { account, initialPassword } = res.json();
    expect(account).toMatchObject({ username: 'newclerk', status: 'active', roles: [], totpEnabled: false });
    expect(account.abilities).toMatchObject({ disable: true, enable: false, grantRole: false });
    expect(initialPassword).toMatch(/^.{16,}$/);
    const [row] = await t.services.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, initialPassword)).toBe(true);
    expect(row.phoneEnc).not.toContain('13800138000');
    expect(await auditOf(account.id)).toEqual(['account.create']);
    // The new account can sign in with it.
    const signedIn = await login(t, { username: 'newclerk', password: initialPassword });
    expect(signedIn.statusCode).toBe(200);
    // And the detail hides nothing it should show, and no secret.
    const detail = await sys.get(`/api/v1/admin/accounts/${account.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toMatch(/argon2|passwordHash|phoneEnc/);
  });

  it('takes a given password and returns none', async () => {
    const res = await sys.post('/api/v1/admin/accounts', {
      username: 'given',
      displayName: 'Given',
      password: 'a-long-password',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().initialPassword).toBeUndefined();
    expect((await login(t, { username: 'given', password: 'a-long-password' })).statusCode).toBe(200);
  });

  it('refuses bad input naming the fields, and a taken username with 409, creating nothing', async () => {
    const before = (await t.services.db.select({ n: sql<number>`count(*)::int` }).from(accounts))[0].n;
    const bad = await sys.post('/api/v1/admin/accounts', {
      username: 'x',
      displayName: '',
      password: 'short',
      phone: '123',
      extra: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'displayName', 'password', 'phone', 'extra']));
    const taken = await sys.post('/api/v1/admin/accounts', { username: 'NEWCLERK', displayName: 'dup' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('username_taken');
    const after = (await t.services.db.select({ n: sql<number>`count(*)::int` }).from(accounts))[0].n;
    expect(after).toBe(before);
  });

  it('lists accounts by username with filters and cursor paging', async () => {
    for (const n of ['pg_a', 'pg_b', 'pg_c']) await t.createAccount({ username: n, roles: ['leader'] });
    const first = await sec.get('/api/v1/admin/accounts?q=pg_&limit=2');
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((a: { username: string }) => a.username)).toEqual(['pg_a', 'pg_b']);
    const next = await sec.get(`/api/v1/admin/accounts?q=pg_&limit=2&cursor=${first.json().nextCursor}`);
    expect(next.json()).toMatchObject({ items: [{ username: 'pg_c', roles: ['leader'] }], nextCursor: null });
    const byRole = await sys.get('/api/v1/admin/accounts?role=auditor');
    expect(byRole.json().items.map((a: { username: string }) => a.username)).toEqual(['aud']);
    expect((await sys.get('/api/v1/admin/accounts?role=king')).statusCode).toBe(400);
    expect((await sys.get('/api/v1/admin/accounts?cursor=garbage')).statusCode).toBe(400);
  });

  it('does not show or touch another congress’s accounts', async () => {
    const other = await t.createCongress('另一个区人大');
    const stranger = await t.createAccount({
      username: 'stranger',
      roles: ['leader'],
      congressId: other.congressId,
    });
    expect((await sys.get(`/api/v1/admin/accounts/${stranger.id}`)).statusCode).toBe(404);
    expect((await sys.post(`/api/v1/admin/accounts/${stranger.id}/disable`)).statusCode).toBe(404);
    expect((await sys.get('/api/v1/admin/accounts?q=stranger')).json().items).toEqual([]);
  });

  it('disables an account, ending its sessions at once; enables it again; audits both', async () => {
    const victim = await signIn(t, 'victim', ['congressStaff']);
    expect((await victim.get('/api/v1/auth/me')).statusCode).toBe(200);
    const res = await sys.post(`/api/v1/admin/accounts/${victim.accountId}/disable`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'disabled', abilities: { disable: false, enable: true } });
    expect(
      await t.services.db.select().from(sessions).where(eq(sessions.accountId, victim.accountId)),
    ).toEqual([]);
    expect((await victim.get('/api/v1/auth/me')).statusCode).toBe(401);
    const signedIn = await login(t, { username: 'victim', password: TEST_PASSWORD });
    expect(signedIn.statusCode).toBe(403);
    expect(signedIn.json().code).toBe('account_disabled');
    // Disabling twice is a wrong state, and nothing is audited for it.
    const again = await sys.post(`/api/v1/admin/accounts/${victim.accountId}/disable`);
    expect(again.statusCode).toBe(409);
    expect(again.json().currentStatus).toBe('disabled');
    expect((await sys.post(`/api/v1/admin/accounts/${victim.accountId}/enable`)).json().status).toBe(
      'active',
    );
    expect((await login(t, { username: 'victim', password: TEST_PASSWORD })).statusCode).toBe(200);
    expect(await auditOf(victim.accountId)).toEqual(
      expect.arrayContaining(['account.disable', 'account.enable']),
    );
    expect((await auditOf(victim.accountId)).filter((a) => a === 'account.disable')).toHaveLength(1);
  });

  it('does not let the system administrator disable or reset itself', async () => {
    expect((await sys.post(`/api/v1/admin/accounts/${sys.accountId}/disable`)).statusCode).toBe(403);
    expect((await sys.post(`/api/v1/admin/accounts/${sys.accountId}/reset-password`)).statusCode).toBe(403);
  });

  it('unlocks a locked account, and answers 409 when it is not locked', async () => {
    const { id } = await t.createAccount({ username: 'locked', roles: ['leader'] });
    expect((await sys.post(`/api/v1/admin/accounts/${id}/unlock`)).statusCode).toBe(409);
    for (let i = 0; i < 5; i++) await login(t, { username: 'locked', password: 'wrong' });
    // Locked: the right password is refused like a wrong one.
    expect((await login(t, { username: 'locked', password: TEST_PASSWORD })).statusCode).toBe(401);
    const listed = (await sys.get('/api/v1/admin/accounts?q=locked')).json().items[0];
    expect(listed.lockedUntil).not.toBeNull();
    const res = await sys.post(`/api/v1/admin/accounts/${id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json().lockedUntil).toBeNull();
    expect((await login(t, { username: 'locked', password: TEST_PASSWORD })).statusCode).toBe(200);
    expect(await auditOf(id)).toContain('account.unlock');
  });

  it('resets a password to a temporary one shown once, ending the sessions', async () => {
    const user = await signIn(t, 'forgetful', ['leader']);
    const res = await sys.post(`/api/v1/admin/accounts/${user.accountId}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect((await user.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login(t, { username: 'forgetful', password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await login(t, { username: 'forgetful', password: temporaryPassword })).statusCode).toBe(200);
    const [row] = await t.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, user.accountId), eq(auditEvents.action, 'account.resetPassword')));
    expect(JSON.stringify(row)).not.toContain(temporaryPassword);
  });

  it('replays a create sent twice with the same Idempotency-Key, and refuses the key with another body', async () => {
    const body = { username: 'idem', displayName: 'Idem', password: 'idempotent-pass' };
    const first = await sys.post('/api/v1/admin/accounts', body, { 'idempotency-key': 'k-1' });
    const second = await sys.post('/api/v1/admin/accounts', body, { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().account.id).toBe(first.json().account.id);
    const rows = await t.services.db.select().from(accounts).where(eq(accounts.username, 'idem'));
    expect(rows).toHaveLength(1);
    const other = await sys.post(
      '/api/v1/admin/accounts',
      { ...body, displayName: 'Other' },
      { 'idempotency-key': 'k-1' },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
  });
});

describe('roles (securityAdmin, 三员分立)', () => {
  it('grants and revokes roles, effective on the next request, and audits them', async () => {
    const user = await signIn(t, 'promoted', ['leader']);
    const grant = await sec.post(`/api/v1/admin/accounts/${user.accountId}/roles`, { role: 'congressStaff' });
    expect(grant.statusCode).toBe(200);
    expect(grant.json().roles).toEqual(['congressStaff', 'leader']);
    expect((await user.get('/api/v1/auth/me')).json().user.roles).toEqual(['congressStaff', 'leader']);
    const again = await sec.post(`/api/v1/admin/accounts/${user.accountId}/roles`, { role: 'congressStaff' });
    expect(again.statusCode).toBe(409);
    const revoke = await sec.delete(`/api/v1/admin/accounts/${user.accountId}/roles/leader`);
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().roles).toEqual(['congressStaff']);
    expect((await sec.delete(`/api/v1/admin/accounts/${user.accountId}/roles/leader`)).statusCode).toBe(409);
    expect(await auditOf(user.accountId)).toEqual(
      expect.arrayContaining(['account.grantRole', 'account.revokeRole']),
    );
  });

  it('answers 409 admin_roles_separated for a second administrator role, before the database index', async () => {
    for (const [holder, role] of [
      [sys, 'securityAdmin'],
      [sys, 'auditor'],
      [auditor, 'systemAdmin'],
    ] as const) {
      const res = await sec.post(`/api/v1/admin/accounts/${holder.accountId}/roles`, { role });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('admin_roles_separated');
      expect(res.json().messages.zh).toMatch(/三员分立/);
    }
    const held = await t.services.db
      .select()
      .from(accountRoles)
      .where(eq(accountRoles.accountId, sys.accountId));
    expect(held.map((r) => r.role)).toEqual(['systemAdmin']);
  });

  it('never lets the security administrator change its own roles', async () => {
    const res = await sec.post(`/api/v1/admin/accounts/${sec.accountId}/roles`, { role: 'leader' });
    expect(res.statusCode).toBe(403);
    expect((await sec.delete(`/api/v1/admin/accounts/${sec.accountId}/roles/securityAdmin`)).statusCode).toBe(
      403,
    );
  });

  it('refuses the deputy role to an account with no deputy linked (400 naming role)', async () => {
    const { id } = await t.createAccount({ username: 'nodeputy', roles: [] });
    const res = await sec.post(`/api/v1/admin/accounts/${id}/roles`, { role: 'deputy' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('role');
    expect((await sec.post(`/api/v1/admin/accounts/${id}/roles`, { role: 'emperor' })).statusCode).toBe(400);
  });

  it('refuses to link an account to a deputy or unit that is not in the congress (400)', async () => {
    const res = await sys.post('/api/v1/admin/accounts', {
      username: 'ghostlink',
      displayName: 'Ghost',
      deputyId: '00000000-0000-7000-8000-0000000000aa',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('deputyId');
    expect(await t.services.db.select().from(accounts).where(eq(accounts.username, 'ghostlink'))).toEqual([]);
  });

  it('a newly granted administrator must sign in again and enrol a second factor', async () => {
    // No business role: an administrator never holds one (三员分立).
    const user = await signIn(t, 'future_admin', []);
    const res = await sec.post(`/api/v1/admin/accounts/${user.accountId}/roles`, { role: 'auditor' });
    expect(res.statusCode).toBe(200);
    expect((await user.get('/api/v1/auth/me')).statusCode).toBe(401);
    const signedIn = await login(t, { username: 'future_admin', password: TEST_PASSWORD });
    expect(signedIn.json().user.mustEnrollTotp).toBe(true);
  });
});

describe('who may call the admin endpoints', () => {
  it('refuses every role but the right administrator (401 for the public)', async () => {
    const clients = await clientsByRole(t, 'adm');
    const { id } = await t.createAccount({ username: 'target', roles: ['leader'] });
    const before = await t.services.db.select().from(accounts).where(eq(accounts.id, id));
    await expectRefusals(t, clients, [
      { method: 'GET', url: '/api/v1/admin/accounts', allowed: ['systemAdmin', 'securityAdmin'] },
      { method: 'GET', url: `/api/v1/admin/accounts/${id}`, allowed: ['systemAdmin', 'securityAdmin'] },
      {
        method: 'POST',
        url: '/api/v1/admin/accounts',
        body: { username: 'nope', displayName: 'Nope' },
        allowed: ['systemAdmin'],
      },
      { method: 'POST', url: `/api/v1/admin/accounts/${id}/disable`, allowed: ['systemAdmin'] },
      { method: 'POST', url: `/api/v1/admin/accounts/${id}/enable`, allowed: ['systemAdmin'] },
      { method: 'POST', url: `/api/v1/admin/accounts/${id}/unlock`, allowed: ['systemAdmin'] },
      { method: 'POST', url: `/api/v1/admin/accounts/${id}/reset-password`, allowed: ['systemAdmin'] },
      {
        method: 'POST',
        url: `/api/v1/admin/accounts/${id}/roles`,
        body: { role: 'congressStaff' },
        allowed: ['securityAdmin'],
      },
      { method: 'DELETE', url: `/api/v1/admin/accounts/${id}/roles/leader`, allowed: ['securityAdmin'] },
    ]);
    // Nothing changed.
    expect(await t.services.db.select().from(accounts).where(eq(accounts.id, id))).toEqual(before);
    expect(await t.services.db.select().from(accounts).where(eq(accounts.username, 'nope'))).toEqual([]);
    expect(await auditOf(id)).toEqual([]);
  });

  it('an administrator without a second factor is held at enrolment', async () => {
    await t.createAccount({ username: 'fresh_sys', roles: ['systemAdmin'] });
    const signedIn = await login(t, { username: 'fresh_sys', password: TEST_PASSWORD });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0];
    const res = await t.anon.get('/api/v1/admin/accounts', { cookie });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('totp_enrollment_required');
  });
});
