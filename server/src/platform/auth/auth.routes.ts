// /api/v1/auth: sign in (with a second factor), sign out, who am I; and the caller's own security settings
// in their route files: TOTP enrolment, password, personal API tokens.
// The login, me and logout contracts are stable: other tools depend on them.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf, typed } from '../http';
import { unauthorized } from '../errors';
import { presentUser, sessionClientOf, setSessionCookie, SESSION_COOKIE } from './session';
import { signIn } from './commands/sign-in';
import { signOut } from './commands/sign-out';
import { getMyAccount } from './queries/get-my-account';
import { totpRoutes } from './totp.routes';
import { passwordRoutes } from './password.routes';
import { tokenRoutes } from './tokens.routes';

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
      const { account, session } = await signIn(ctxOf(req), req.body, sessionClientOf(req));
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
      if (req.session && req.actor) await signOut(ctxOf(req), req.session.id);
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
      const account = await getMyAccount(app.services.db, req.actor.accountId, req.account);
      if (!account) throw unauthorized();
      return { user: presentUser(account), ...(req.session ? { csrfToken: req.session.csrfToken } : {}) };
    },
  );

  await app.register(totpRoutes);
  await app.register(passwordRoutes);
  await app.register(tokenRoutes);
}

export { SESSION_COOKIE };
