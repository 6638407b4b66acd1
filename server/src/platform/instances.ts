// Several server instances on one PostgreSQL (behind a load balancer): what one instance forgets from its
// session cache (a logout, a disabled account, a changed role, a reset password), every instance forgets at
// once, through PostgreSQL's LISTEN/NOTIFY, instead of within the cache's few seconds. Jobs need nothing here:
// each is claimed with FOR UPDATE SKIP LOCKED and runs once whichever instance claims it.
// PGlite is one process, so there is nobody to tell.
import pg from 'pg';
import type { Database } from '../db/client';
import { announceForgetsWith, forgetSessions, type ForgetSessions } from './auth/session';

export const SESSIONS_CHANNEL = 'minyi_sessions';
const RECONNECT_MS = 1000;

/**
 * Tells the other instances what this one forgets, and forgets what they tell. Returns the stop function.
 * A lost connection is re-made; while it was lost, notifications may have been missed, so the cache is
 * emptied when it comes back.
 */
export function shareSessionForgets(database: Database, log: (msg: string, err?: unknown) => void) {
  const url = database.connectionUrl;
  if (database.kind !== 'postgres' || !url) return async () => undefined;
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;

  announceForgetsWith((by) => {
    database
      .query('SELECT pg_notify($1, $2)', [SESSIONS_CHANNEL, JSON.stringify(by)])
      .catch((err: unknown) => log('session forget not announced', err));
  });

  const connect = async (reconnecting: boolean) => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (msg) => {
      if (msg.channel !== SESSIONS_CHANNEL || !msg.payload) return;
      try {
        forgetSessions({ ...(JSON.parse(msg.payload) as ForgetSessions), fromPeer: true });
      } catch (err) {
        log('unreadable session notification', err);
      }
    });
    c.on('error', (err) => {
      log('session notifications: connection lost', err);
      retry();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${SESSIONS_CHANNEL}`);
      client = c;
      if (reconnecting) forgetSessions({ fromPeer: true });
    } catch (err) {
      log('session notifications: cannot listen', err);
      void c.end().catch(() => undefined);
      retry();
    }
  };
  const retry = () => {
    client = null;
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect(true);
    }, RECONNECT_MS);
  };
  void connect(false);

  return async () => {
    stopped = true;
    announceForgetsWith(null);
    if (timer) clearTimeout(timer);
    await client?.end().catch(() => undefined);
  };
}
