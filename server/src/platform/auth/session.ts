// Who is asking: a session cookie (httpOnly, SameSite=Lax, 30 idle minutes, CSRF token) or a personal
// API token (`Authorization: Bearer mny_…`). Resolves `req.actor` on every API request.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { isAdminRole, type Role } from '@minyi/domain';
import type { Actor, AppServices } from '../context';
import { AppError, forbidden, unauthorized } from '../errors';
import { randomToken, safeEqual, sm3 } from '../crypto';
import { accountRoles, accounts, apiTokens, sessions } from '../platform.table';
import type { Db } from '../../db/client';

export const SESSION_COOKIE = 'minyi_sid';
const TOUCH_EVERY_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: { id: string; csrfToken: string; restricted: boolean } | null;
    /** The signed-in account as loaded for this request (what `actor` was made from). */
    account: (AccountRow & { status: string }) | null;
  }
  interface FastifyInstance {
    services: AppServices;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AccountRow {
  id: string;
  congressId: string;
  username: string;
  displayName: string;
  deputyId: string | null;
  handlingUnitId: string | null;
  totpEnabled: boolean;
  /** A one-time password from an administrator's reset: only changing it is allowed until then. */
  mustChangePassword: boolean;
  roles: Role[];
}

export const toActor = (a: AccountRow, via: Actor['via']): Actor => ({
  accountId: a.id,
  username: a.username,
  displayName: a.displayName,
  roles: a.roles,
  congressId: a.congressId,
  deputyId: a.deputyId,
  handlingUnitId: a.handlingUnitId,
  via,
});

/** The `user` object of the auth contract. */
export const presentUser = (a: AccountRow) => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  roles: a.roles,
  congressId: a.congressId,
  ...(a.deputyId ? { deputyId: a.deputyId } : {}),
  ...(a.handlingUnitId ? { handlingUnitId: a.handlingUnitId } : {}),
  totpEnabled: a.totpEnabled,
  mustEnrollTotp: a.roles.some(isAdminRole) && !a.totpEnabled,
  mustChangePassword: a.mustChangePassword,
});

const accountColumns = {
  id: accounts.id,
  congressId: accounts.congressId,
  username: accounts.username,
  displayName: accounts.displayName,
  deputyId: accounts.deputyId,
  handlingUnitId: accounts.handlingUnitId,
  totpEnabled: accounts.totpEnabled,
  mustChangePassword: accounts.mustChangePassword,
  status: accounts.status,
  roles: sql<
    Role[]
  >`coalesce((SELECT array_agg(${accountRoles.role} ORDER BY ${accountRoles.role}) FROM ${accountRoles} WHERE ${accountRoles.accountId} = ${accounts.id}), '{}')`,
};

export async function loadAccount(
  db: Db,
  accountId: string,
): Promise<(AccountRow & { status: string }) | null> {
  const [row] = await db.select(accountColumns).from(accounts).where(eq(accounts.id, accountId));
  return row ?? null;
}

/** Where a session is opened from: the sign-in request's address and user agent. */
export interface SessionClient {
  ip: string;
  userAgent: string;
}

/** The client of a request, as a session records it. */
export const sessionClientOf = (req: FastifyRequest): SessionClient => ({
  ip: req.ip,
  userAgent: String(req.headers['user-agent'] ?? ''),
});

/** The caller, signed in through a session (not an API token), and that session; 401 otherwise. */
export function requireSession(req: FastifyRequest): { actor: Actor; sessionId: string } {
  if (!req.actor || req.actor.via !== 'session' || !req.session) throw unauthorized();
  return { actor: req.actor, sessionId: req.session.id };
}

export async function createSession(db: Db, account: AccountRow, from: FastifyRequest | SessionClient) {
  const client = 'userAgent' in from ? from : sessionClientOf(from);
  const token = randomToken();
  const csrfToken = randomToken(24);
  const restricted = account.roles.some(isAdminRole) && !account.totpEnabled;
  await db.insert(sessions).values({
    id: sm3(token),
    congressId: account.congressId,
    accountId: account.id,
    csrfToken,
    restricted,
    ip: client.ip,
    userAgent: client.userAgent.slice(0, 300),
  });
  return { token, csrfToken, restricted };
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string | null) {
  const opts = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.services.config.cookieSecure,
  };
  if (token === null) reply.clearCookie(SESSION_COOKIE, opts);
  else reply.setCookie(SESSION_COOKIE, token, opts);
}

// ---------- session cache ----------
// A session lookup is a database round trip on every request; an instance may reuse what it looked up
// for `security.sessionCacheMs` (default 5 s). Whatever this instance changes (logout, disable, roles,
// second factor) it forgets at once through `forgetSessions`; another instance sees it within the TTL.

type SessionRow = { session: typeof sessions.$inferSelect } & AccountRow & { status: string };
const sessionCache = new Map<string, { row: SessionRow; at: number }>();
const MAX_CACHED_SESSIONS = 20_000;

export interface ForgetSessions {
  sessionId?: string;
  accountId?: string;
  /** Told by another instance (platform/instances.ts): not to be announced again. */
  fromPeer?: boolean;
}

let announce: ((by: ForgetSessions) => void) | null = null;

/** Who tells the other instances what this one forgets (platform/instances.ts; null: nobody). */
export function announceForgetsWith(fn: ((by: ForgetSessions) => void) | null) {
  announce = fn;
}

/**
 * Forgets cached sessions: one (`sessionId`), an account's (`accountId`), or all (no argument); and has the
 * other instances forget them too.
 */
export function forgetSessions(by: ForgetSessions = {}) {
  if (!by.fromPeer) announce?.({ sessionId: by.sessionId, accountId: by.accountId });
  if (by.sessionId) sessionCache.delete(by.sessionId);
  if (by.accountId) {
    for (const [id, entry] of sessionCache) if (entry.row.id === by.accountId) sessionCache.delete(id);
  }
  if (!by.sessionId && !by.accountId) sessionCache.clear();
}

/**
 * The session lookup runs on every signed-in request: a prepared statement (built once per database
 * handle; PostgreSQL keeps its plan per connection).
 */
const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();
const prepareSessionLookup = (db: Db) =>
  db
    .select({ session: sessions, ...accountColumns })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('minyi_session_lookup');
function sessionLookup(db: Db) {
  let q = sessionLookups.get(db);
  if (!q) sessionLookups.set(db, (q = prepareSessionLookup(db)));
  return q;
}

async function lookUpSession(db: Db, id: string, ttlMs: number, now: number): Promise<SessionRow | null> {
  if (ttlMs > 0) {
    const hit = sessionCache.get(id);
    if (hit && now - hit.at < ttlMs) return hit.row;
  }
  const [row] = await sessionLookup(db).execute({ id });
  if (!row) {
    sessionCache.delete(id);
    return null;
  }
  if (ttlMs > 0) {
    sessionCache.delete(id);
    if (sessionCache.size >= MAX_CACHED_SESSIONS) sessionCache.delete(sessionCache.keys().next().value!);
    sessionCache.set(id, { row, at: now });
  }
  return row;
}

/** Paths a restricted session (an administrator who must still enrol TOTP) may use. */
const RESTRICTED_OK = /^\/api\/v1\/auth\//;
/** What a session holding a one-time password may do: change it, see who is signed in, sign out. */
const ONE_TIME_PASSWORD_OK = /^\/api\/v1\/auth\/(password|me|logout)(\?|$)/;

export function installAuthentication(app: FastifyInstance) {
  // An operation for signed-in callers refuses an anonymous one with 401 before its input is looked at: a
  // malformed body is answered only to a caller who may call it (the security matrix asserts 401, never 400,
  // for the anonymous). Public operations say so (`access: 'public'`, platform/openapi.ts).
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { access?: string; hide?: boolean } | undefined;
    // Public operations, and the undocumented bench-only baselines (platform/admin/bench.routes.ts).
    if (schema?.access === 'public' || schema?.hide) return;
    const signedIn = async (req: FastifyRequest) => {
      if (!req.actor) throw unauthorized();
    };
    const own = route.preValidation ? [route.preValidation].flat() : [];
    route.preValidation = [signedIn, ...own];
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('account', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const { db, config } = app.services;
    const bearer = req.headers.authorization;
    if (bearer?.startsWith('Bearer ')) {
      const tokenHash = sm3(bearer.slice(7).trim());
      const [tok] = await db
        .select({ id: apiTokens.id, accountId: apiTokens.accountId, expiresAt: apiTokens.expiresAt })
        .from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
      if (!tok || (tok.expiresAt && tok.expiresAt < new Date())) {
        throw new AppError(401, 'invalid_token', {
          zh: 'API 令牌无效或已过期',
          en: 'The API token is invalid or expired',
        });
      }
      const account = await loadAccount(db, tok.accountId);
      if (!account || account.status !== 'active') throw forbidden();
      // Administrators act through the web app with a second factor, never through a bare token.
      if (account.roles.some(isAdminRole)) throw forbidden();
      req.actor = toActor(account, 'token');
      req.account = account;
      await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, tok.id));
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const id = sm3(token);
    const idleMs = config.security.sessionIdleMinutes * 60_000;
    const now = Date.now();
    const row = await lookUpSession(db, id, config.security.sessionCacheMs ?? 0, now);
    if (!row) return;
    if (now - row.session.lastSeenAt.getTime() > idleMs || row.status !== 'active') {
      sessionCache.delete(id);
      await db.delete(sessions).where(eq(sessions.id, id));
      return;
    }
    if (now - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      row.session.lastSeenAt = new Date(now);
      await db
        .update(sessions)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(sessions.id, id));
    }
    req.session = { id, csrfToken: row.session.csrfToken, restricted: row.session.restricted };
    req.actor = toActor(row, 'session');
    req.account = row;
    if (UNSAFE.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, row.session.csrfToken)) {
        throw new AppError(403, 'csrf_failed', {
          zh: '请求缺少有效的 CSRF 令牌，请刷新页面后重试',
          en: 'The request lacks a valid CSRF token; reload the page and try again',
        });
      }
    }
    if (row.mustChangePassword && !ONE_TIME_PASSWORD_OK.test(req.url)) {
      throw new AppError(403, 'password_change_required', {
        zh: '密码已被管理员重置，请先设置新密码',
        en: 'Your password was reset by an administrator; set a new one first',
      });
    }
    if (row.session.restricted && !RESTRICTED_OK.test(req.url)) {
      throw new AppError(403, 'totp_enrollment_required', {
        zh: '管理员须先启用双因素认证',
        en: 'Administrators must enrol a second factor first',
      });
    }
  });
}
