// /api/v1/auth: login (with a second factor), logout, who am I, TOTP enrolment and personal API tokens.
// The login, me and logout contracts are stable: other tools depend on them.
import type { FastifyInstance } from 'fastify';
import { and, eq, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { z } from 'zod';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { isAdminRole } from '@minyi/domain';
import { ctxOf, typed } from '../http';
import { transact } from '../context';
import { AppError, invalidField, unauthorized } from '../errors';
import { newId } from '../ids';
import { randomToken, sm3 } from '../crypto';
import { accounts, apiTokens, sessions } from '../platform.table';
import { burnPasswordTime, hashPassword, verifyPassword } from './passwords';

/**
 * A code from the authenticator's previous 30-second step is still accepted (RFC 6238 §5.2 allows one step
 * of delay): without it, a code typed in the last seconds of its step was refused once the step turned,
 * to a person and to the browser journey alike. Codes from the next step are not.
 */
const TOTP_TOLERANCE: [number, number] = [30, 0];
import {
  createSession,
  forgetSessions,
  loadAccount,
  presentUser,
  setSessionCookie,
  SESSION_COOKIE,
  toActor,
} from './session';

const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  congressId: z.string(),
  deputyId: z.string().optional(),
  handlingUnitId: z.string().optional(),
  totpEnabled: z.boolean(),
  mustEnrollTotp: z.boolean(),
  /** The password was set by an administrator's reset: change it before anything else (403 otherwise). */
  mustChangePassword: z.boolean(),
});

const loginBody = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  totpCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

/** Also the answer of a locked account: which accounts exist, and which are locked, is not told. */
const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', {
    zh: '用户名或密码错误；多次输错后账号会暂时锁定，请稍后再试',
    en: 'Wrong username or password; after repeated failures the account is locked for a while, so try again later',
  });

/**
 * Counts a sign-in attempt before its password is checked, in one conditional UPDATE: concurrent attempts
 * each take their own number, the one reaching `maxFailedLogins` locks the account, and none is counted
 * (or checked) while it is locked. A successful sign-in sets the count back to 0. Null: locked.
 */
async function claimLoginAttempt(
  db: Db,
  accountId: string,
  security: { maxFailedLogins: number; lockoutMinutes: number },
): Promise<{ attempt: number; locked: boolean; release: () => Promise<void> } | null> {
  const now = new Date();
  const lockUntil = new Date(now.getTime() + security.lockoutMinutes * 60_000).toISOString();
  const reachesMax = sql`${accounts.failedLogins} + 1 >= ${security.maxFailedLogins}`;
  const [row] = await db
    .update(accounts)
    .set({
      failedLogins: sql`CASE WHEN ${reachesMax} THEN 0 ELSE ${accounts.failedLogins} + 1 END`,
      lockedUntil: sql`CASE WHEN ${reachesMax} THEN ${lockUntil}::timestamptz ELSE NULL END`,
    })
    .where(and(eq(accounts.id, accountId), or(isNull(accounts.lockedUntil), lte(accounts.lockedUntil, now))))
    .returning({ failedLogins: accounts.failedLogins, lockedUntil: accounts.lockedUntil });
  if (!row) return null;
  const locked = row.lockedUntil !== null;
  return {
    attempt: locked ? security.maxFailedLogins : row.failedLogins,
    locked,
    release: async () => {
      // Gives the attempt back (the right password, only the second factor still to come): it is not a
      // failure. A lock it set is lifted only if no later attempt changed it.
      await db
        .update(accounts)
        .set(
          locked
            ? { failedLogins: security.maxFailedLogins - 1, lockedUntil: null }
            : { failedLogins: sql`greatest(${accounts.failedLogins} - 1, 0)` },
        )
        .where(
          and(
            eq(accounts.id, accountId),
            locked ? eq(accounts.lockedUntil, row.lockedUntil!) : isNull(accounts.lockedUntil),
          ),
        );
    },
  };
}

const wrongSecondFactor = () =>
  new AppError(401, 'invalid_second_factor', {
    zh: '动态验证码错误或已使用过，请输入验证器上的新验证码',
    en: 'The authenticator code is wrong or was already used; enter the next one your app shows',
  });

/** The TOTP time step a verified code was accepted for (otplib's result type also covers HOTP). */
function acceptedStep(result: Awaited<ReturnType<typeof verifyTotp>>): number | null {
  if (!result.valid) return null;
  if (!('timeStep' in result)) throw new Error('a TOTP verification without its time step');
  return result.timeStep;
}

/** Records `step` as the account's last accepted TOTP step, unless it (or a later one) already is. */
async function claimTotpStep(db: Db, accountId: string, step: number): Promise<boolean> {
  const claimed = await db
    .update(accounts)
    .set({ totpLastStep: step })
    .where(
      and(eq(accounts.id, accountId), or(isNull(accounts.totpLastStep), lt(accounts.totpLastStep, step))),
    )
    .returning({ id: accounts.id });
  return claimed.length > 0;
}

export async function authRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post(
    '/auth/login',
    {
      schema: {
        operationId: 'signIn',
        access: 'public',
        tags: ['auth'],
        summary: 'Sign in',
        body: loginBody,
        response: { 200: z.object({ user: userSchema, csrfToken: z.string() }) },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { db, config, pii } = app.services;
      const { username, password, totpCode } = req.body;
      const [found] = await db
        .select({
          id: accounts.id,
          passwordHash: accounts.passwordHash,
          totpSecretEnc: accounts.totpSecretEnc,
          totpLastStep: accounts.totpLastStep,
        })
        .from(accounts)
        .where(sql`lower(${accounts.username}) = lower(${username})`);
      // An unknown account and a locked one answer alike, after the same password-hashing time.
      const claim = found ? await claimLoginAttempt(db, found.id, config.security) : null;
      if (!found || !claim) {
        await burnPasswordTime(password);
        throw invalidCredentials();
      }
      const account = (await loadAccount(db, found.id))!;
      const ctx = { ...ctxOf(req), actor: toActor(account, 'session') };
      // The attempt was counted before it was checked: a failure only records what happened.
      const fail = async (err: AppError) => {
        await transact(ctx, async (w) => {
          await w.audit({
            action: claim.locked ? 'account.lock' : 'auth.loginFail',
            entityType: 'account',
            entityId: found.id,
            after: { failures: claim.attempt, reason: err.code },
          });
        });
        return err;
      };
      if (!(await verifyPassword(found.passwordHash, password))) throw await fail(invalidCredentials());
      if (account.status !== 'active') {
        throw new AppError(403, 'account_disabled', { zh: '账号已停用', en: 'This account is disabled' });
      }
      // The time step the code was accepted for: a code is accepted once (RFC 6238 §5.2), so only for a step
      // after the last one accepted for this account.
      let totpStep: number | null = null;
      if (account.totpEnabled) {
        if (!totpCode) {
          await claim.release();
          throw new AppError(401, 'second_factor_required', {
            zh: '请输入动态验证码',
            en: 'Enter the code from your authenticator app',
          });
        }
        const checked = await verifyTotp({
          secret: pii.decrypt(found.totpSecretEnc!),
          token: totpCode,
          epochTolerance: TOTP_TOLERANCE,
          ...(found.totpLastStep !== null ? { afterTimeStep: found.totpLastStep } : {}),
        });
        totpStep = acceptedStep(checked);
        if (totpStep === null) throw await fail(wrongSecondFactor());
      }
      const session = await transact(ctx, async (w) => {
        // Claims the step; a sign-in racing with the same code finds it taken and writes nothing.
        if (totpStep !== null && !(await claimTotpStep(w.db, found.id, totpStep))) return null;
        await w.db
          .update(accounts)
          .set({ failedLogins: 0, lockedUntil: null })
          .where(eq(accounts.id, found.id));
        const s = await createSession(w.db, account, req);
        await w.audit({
          action: 'auth.login',
          entityType: 'account',
          entityId: found.id,
          after: { restricted: s.restricted },
        });
        return s;
      });
      if (!session) throw await fail(wrongSecondFactor());
      setSessionCookie(app, reply, session.token);
      return { user: presentUser(account), csrfToken: session.csrfToken };
    },
  );

  r.post(
    '/auth/logout',
    {
      schema: {
        operationId: 'signOut',
        access: 'public',
        tags: ['auth'],
        summary: 'Sign out: end the session, if there is one',
      },
    },
    async (req, reply) => {
      if (req.session && req.actor) {
        const sessionId = req.session.id;
        await transact(ctxOf(req), async (w) => {
          await w.db.delete(sessions).where(eq(sessions.id, sessionId));
          await w.audit({ action: 'auth.logout', entityType: 'account', entityId: req.actor!.accountId });
        });
        forgetSessions({ sessionId });
      }
      setSessionCookie(app, reply, null);
      return reply.code(204).send();
    },
  );

  r.get(
    '/auth/me',
    {
      schema: {
        operationId: 'getMe',
        tags: ['auth'],
        summary: 'The signed-in user',
        response: { 200: z.object({ user: userSchema, csrfToken: z.string().optional() }) },
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      // The account was loaded with the session (or token) for this request: no second round trip.
      const account = req.account ?? (await loadAccount(app.services.db, req.actor.accountId));
      if (!account) throw unauthorized();
      return { user: presentUser(account), ...(req.session ? { csrfToken: req.session.csrfToken } : {}) };
    },
  );

  // ----- TOTP second factor -----

  r.post(
    '/auth/totp/setup',
    {
      schema: {
        operationId: 'startTotpEnrollment',
        access: 'session',
        tags: ['auth'],
        summary: 'Start TOTP enrolment',
        response: { 200: z.object({ secret: z.string(), otpauthUri: z.string() }) },
      },
    },
    async (req) => {
      const actor = req.actor;
      if (!actor || actor.via !== 'session') throw unauthorized();
      const account = (await loadAccount(app.services.db, actor.accountId))!;
      if (account.totpEnabled) {
        throw new AppError(409, 'totp_already_enabled', {
          zh: '已启用双因素认证',
          en: 'A second factor is already enrolled',
        });
      }
      const secret = generateSecret();
      await transact(ctxOf(req), async (w) => {
        await w.db
          .update(accounts)
          .set({ totpSecretEnc: app.services.pii.encrypt(secret), totpLastStep: null })
          .where(eq(accounts.id, actor.accountId));
        await w.audit({ action: 'account.totpSetup', entityType: 'account', entityId: actor.accountId });
      });
      return { secret, otpauthUri: generateURI({ issuer: 'Minyi', label: actor.username, secret }) };
    },
  );

  r.post(
    '/auth/totp/enable',
    {
      schema: {
        operationId: 'confirmTotpEnrollment',
        access: 'session',
        tags: ['auth'],
        summary: 'Confirm TOTP enrolment with a code',
        body: z.strictObject({ code: z.string().regex(/^\d{6}$/) }),
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      if (!actor || actor.via !== 'session' || !req.session) throw unauthorized();
      const [row] = await app.services.db
        .select({ enc: accounts.totpSecretEnc, enabled: accounts.totpEnabled })
        .from(accounts)
        .where(eq(accounts.id, actor.accountId));
      if (!row?.enc || row.enabled) {
        throw new AppError(
          409,
          'wrong_state',
          { zh: '请先开始启用流程', en: 'Start the enrolment first' },
          { currentStatus: row?.enabled ? 'enabled' : 'notStarted' },
        );
      }
      const code = {
        secret: app.services.pii.decrypt(row.enc),
        token: req.body.code,
        epochTolerance: TOTP_TOLERANCE,
      };
      const step = acceptedStep(await verifyTotp(code));
      if (step === null) {
        throw new AppError(
          400,
          'validation_failed',
          { zh: '验证码错误', en: 'The code is wrong' },
          {
            errors: [
              { field: 'code', in: 'body', code: 'invalid', message: { zh: '验证码错误', en: 'is wrong' } },
            ],
          },
        );
      }
      const sessionId = req.session.id;
      await transact(ctxOf(req), async (w) => {
        // The enrolment's code counts as used: signing in needs a code of a later step.
        await w.db
          .update(accounts)
          .set({ totpEnabled: true, totpLastStep: step })
          .where(eq(accounts.id, actor.accountId));
        await w.db.update(sessions).set({ restricted: false }).where(eq(sessions.id, sessionId));
        await w.audit({ action: 'account.totpEnable', entityType: 'account', entityId: actor.accountId });
      });
      forgetSessions({ accountId: actor.accountId });
      return reply.code(204).send();
    },
  );

  // ----- password -----

  r.post(
    '/auth/password',
    {
      schema: {
        operationId: 'changeMyPassword',
        access: 'session',
        tags: ['auth'],
        summary: 'Change my password',
        body: z.strictObject({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(10).max(200),
        }),
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      if (!actor || actor.via !== 'session' || !req.session) throw unauthorized();
      const [row] = await app.services.db
        .select({ hash: accounts.passwordHash })
        .from(accounts)
        .where(eq(accounts.id, actor.accountId));
      if (!row || !(await verifyPassword(row.hash, req.body.currentPassword))) {
        throw new AppError(
          400,
          'validation_failed',
          { zh: '当前密码错误', en: 'The current password is wrong' },
          {
            errors: [
              {
                field: 'currentPassword',
                in: 'body',
                code: 'invalid',
                message: { zh: '错误', en: 'is wrong' },
              },
            ],
          },
        );
      }
      if (req.body.newPassword === req.body.currentPassword) {
        throw invalidField(
          'newPassword',
          '新密码不能与当前密码相同',
          'must differ from the current password',
          'unchanged',
        );
      }
      const passwordHash = await hashPassword(req.body.newPassword);
      const currentSession = req.session.id;
      await transact(ctxOf(req), async (w) => {
        await w.db
          .update(accounts)
          .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
          .where(eq(accounts.id, actor.accountId));
        // Whoever else holds a session of this account (another device, or someone who learnt the old
        // password) is signed out; this one stays.
        const ended = await w.db
          .delete(sessions)
          .where(and(eq(sessions.accountId, actor.accountId), ne(sessions.id, currentSession)))
          .returning({ id: sessions.id });
        await w.audit({
          action: 'account.changePassword',
          entityType: 'account',
          entityId: actor.accountId,
          after: { sessionsEnded: ended.length },
        });
      });
      // At once on this instance; another instance drops its cached copy within security.sessionCacheMs.
      forgetSessions({ accountId: actor.accountId });
      return reply.code(204).send();
    },
  );

  // ----- personal API tokens -----

  const tokenSchema = z.object({
    id: z.string(),
    name: z.string(),
    createdAt: z.date(),
    expiresAt: z.date().nullable(),
    lastUsedAt: z.date().nullable(),
  });

  r.get(
    '/auth/tokens',
    {
      schema: {
        operationId: 'findMyApiTokens',
        tags: ['auth'],
        summary: 'My API tokens',
        response: { 200: z.object({ items: z.array(tokenSchema) }) },
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      const items = await app.services.db
        .select({
          id: apiTokens.id,
          name: apiTokens.name,
          createdAt: apiTokens.createdAt,
          expiresAt: apiTokens.expiresAt,
          lastUsedAt: apiTokens.lastUsedAt,
        })
        .from(apiTokens)
        .where(and(eq(apiTokens.accountId, req.actor.accountId), isNull(apiTokens.revokedAt)));
      return { items };
    },
  );

  r.post(
    '/auth/tokens',
    {
      schema: {
        operationId: 'createApiToken',
        access: 'session',
        tags: ['auth'],
        summary: 'Create a personal API token (shown once)',
        body: z.strictObject({
          name: z.string().min(1).max(100),
          expiresInDays: z.number().int().min(1).max(366).default(90),
        }),
        response: {
          201: z.object({ id: z.string(), name: z.string(), token: z.string(), expiresAt: z.date() }),
        },
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      if (!actor || actor.via !== 'session') throw unauthorized();
      if (actor.roles.some(isAdminRole)) {
        throw new AppError(403, 'forbidden', {
          zh: '管理员不能使用 API 令牌',
          en: 'Administrators cannot use API tokens',
        });
      }
      const token = `mny_${randomToken()}`;
      const id = newId();
      const expiresAt = new Date(Date.now() + req.body.expiresInDays * 86_400_000);
      await transact(ctxOf(req), async (w) => {
        await w.db.insert(apiTokens).values({
          id,
          congressId: actor.congressId,
          accountId: actor.accountId,
          name: req.body.name,
          tokenHash: sm3(token),
          expiresAt,
        });
        await w.audit({
          action: 'apiToken.create',
          entityType: 'apiToken',
          entityId: id,
          after: { name: req.body.name, expiresAt },
        });
      });
      return reply.code(201).send({ id, name: req.body.name, token, expiresAt });
    },
  );

  r.delete(
    '/auth/tokens/:id',
    {
      schema: {
        operationId: 'revokeApiToken',
        tags: ['auth'],
        summary: 'Revoke an API token',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      if (!actor) throw unauthorized();
      const done = await transact(ctxOf(req), async (w) => {
        const rows = await w.db
          .update(apiTokens)
          .set({ revokedAt: new Date() })
          .where(
            and(
              eq(apiTokens.id, req.params.id),
              eq(apiTokens.accountId, actor.accountId),
              isNull(apiTokens.revokedAt),
            ),
          )
          .returning({ id: apiTokens.id });
        if (rows.length)
          await w.audit({ action: 'apiToken.revoke', entityType: 'apiToken', entityId: req.params.id });
        return rows.length > 0;
      });
      if (!done) throw new AppError(404, 'not_found', { zh: '令牌不存在', en: 'The token was not found' });
      return reply.code(204).send();
    },
  );
}

export { SESSION_COOKIE };
