// Several instances on one PostgreSQL (issue 22 item 16): what one instance forgets from its session cache it
// announces with NOTIFY, and what another announces it forgets at once, not after the cache's 5 seconds.
// PostgreSQL only: PGlite is one process (the PostgreSQL pass of CI runs this file).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetSessions } from '../src/platform/auth/session';
import { SESSIONS_CHANNEL } from '../src/platform/instances';
import { createTestEnv, type TestEnv } from './harness';

describe.runIf(process.env.TEST_DATABASE_URL)('session forgets shared between instances', () => {
  let t: TestEnv;
  let peer: pg.Client;

  beforeAll(async () => {
    t = await createTestEnv({
      security: { maxFailedLogins: 5, lockoutMinutes: 15, sessionIdleMinutes: 30, sessionCacheMs: 60_000 },
    });
    peer = new pg.Client({ connectionString: t.database.url! });
    await peer.connect();
  });
  afterAll(async () => {
    await peer?.end();
    await t?.close();
  });

  const until = async (ok: () => Promise<boolean>) => {
    for (let i = 0; i < 100; i++) {
      if (await ok()) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  };

  it('forgets a session another instance announces, at once', async () => {
    const staff = await t.as('staff-a', ['congressStaff']);
    expect((await staff.get('/api/v1/auth/me')).statusCode).toBe(200);
    // Another instance signs the session out: the row goes, and this instance still has it cached for a minute.
    const [{ id }] = (
      await peer.query<{ id: string }>(
        'SELECT s.id FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.username = $1',
        ['staff-a'],
      )
    ).rows;
    await peer.query('DELETE FROM sessions WHERE id = $1', [id]);
    expect((await staff.get('/api/v1/auth/me')).statusCode).toBe(200);
    // Its announcement reaches this instance, which forgets it.
    await peer.query('SELECT pg_notify($1, $2)', [SESSIONS_CHANNEL, JSON.stringify({ sessionId: id })]);
    expect(await until(async () => (await staff.get('/api/v1/auth/me')).statusCode === 401)).toBe(true);
  });

  it('announces what it forgets to the other instances', async () => {
    await peer.query(`LISTEN ${SESSIONS_CHANNEL}`);
    const heard: string[] = [];
    peer.on('notification', (m) => heard.push(m.payload ?? ''));
    forgetSessions({ accountId: 'acc-1' });
    expect(await until(async () => heard.length > 0)).toBe(true);
    expect(JSON.parse(heard[0])).toEqual({ accountId: 'acc-1' });
    // What it was told by a peer it does not announce again.
    heard.length = 0;
    forgetSessions({ accountId: 'acc-2', fromPeer: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual([]);
  });
});
