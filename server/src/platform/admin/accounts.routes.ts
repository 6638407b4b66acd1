// /admin/accounts: accounts and their roles, managed under 三员分立 (systemAdmin: accounts;
// securityAdmin: roles; auditor: none of this).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { abilitiesSchema, pageQuerySchema, pageSchema, phoneSchema, roleSchema } from '@minyi/domain';
import { ctxOf, typed } from '../http';
import { requireRole } from '../access';
import { accountAbilities, accountPolicy, ACCOUNT_READERS } from './accounts.policy';
import { findAccounts } from './queries/find-accounts';
import { getAccount, type AccountView } from './queries/get-account';
import { createAccount } from './commands/create-account';
import { disableAccount, enableAccount } from './commands/set-account-status';
import { unlockAccount } from './commands/unlock-account';
import { resetPassword } from './commands/reset-password';
import { grantRole, revokeRole } from './commands/change-role';
import type { Actor } from '../context';

const accountItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  status: z.enum(['active', 'disabled']),
  roles: z.array(roleSchema),
  lockedUntil: z.date().nullable(),
  totpEnabled: z.boolean(),
  deputyId: z.string().nullable(),
  handlingUnitId: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.date(),
});
const accountDetail = accountItem.extend({ abilities: abilitiesSchema });

const present = (a: AccountView) => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  status: a.status,
  roles: a.roles,
  lockedUntil: a.lockedUntil,
  totpEnabled: a.totpEnabled,
  deputyId: a.deputyId,
  handlingUnitId: a.handlingUnitId,
  email: a.email,
  createdAt: a.createdAt,
});
const presentDetail = (actor: Actor | null, a: AccountView) => ({
  ...present(a),
  abilities: accountAbilities(actor, a),
});

const idParams = z.object({ id: z.uuid() });
const tags = ['admin'];

export async function accountRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/admin/accounts',
    {
      schema: {
        operationId: 'findAccounts',
        access: 'session',
        tags,
        summary: 'Accounts of my congress (systemAdmin, securityAdmin)',
        querystring: pageQuerySchema.extend({
          q: z.string().max(100).optional(),
          role: roleSchema.optional(),
        }),
        response: { 200: pageSchema(accountItem) },
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, ACCOUNT_READERS);
      const found = await findAccounts(app.services.db, actor.congressId, req.query);
      return { items: found.items.map(present), nextCursor: found.nextCursor };
    },
  );

  r.post(
    '/admin/accounts',
    {
      schema: {
        operationId: 'createAccount',
        access: 'session',
        tags,
        summary: 'Create an account (systemAdmin); a generated password is returned once',
        body: z.strictObject({
          username: z
            .string()
            .min(3)
            .max(64)
            .regex(/^[A-Za-z0-9][\w.-]*$/),
          displayName: z.string().trim().min(1).max(100),
          password: z.string().min(10).max(200).optional(),
          deputyId: z.uuid().optional(),
          handlingUnitId: z.uuid().optional(),
          email: z.email().max(200).optional(),
          phone: phoneSchema.optional(),
        }),
        response: { 201: z.object({ account: accountDetail, initialPassword: z.string().optional() }) },
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      requireRole(req.actor, ['systemAdmin']);
      const { account, initialPassword } = await createAccount(ctxOf(req), req.body);
      return reply.code(201).send({
        account: presentDetail(req.actor, account),
        ...(initialPassword ? { initialPassword } : {}),
      });
    },
  );

  r.get(
    '/admin/accounts/:id',
    {
      schema: {
        operationId: 'getAccount',
        access: 'session',
        tags,
        summary: 'One account',
        params: idParams,
        response: { 200: accountDetail },
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, ACCOUNT_READERS);
      const account = await getAccount(app.services.db, actor.congressId, req.params.id);
      accountPolicy.authorize(actor, 'read', account);
      return presentDetail(actor, account);
    },
  );

  const step = (
    path: string,
    summary: string,
    run: (ctx: ReturnType<typeof ctxOf>, id: string) => Promise<AccountView>,
  ) =>
    r.post(
      `/admin/accounts/:id/${path}`,
      {
        schema: {
          operationId: `${path}Account`,
          tags,
          summary,
          access: 'session',
          params: idParams,
          response: { 200: accountDetail },
        },
      },
      async (req) => {
        requireRole(req.actor, ['systemAdmin']);
        return presentDetail(req.actor, await run(ctxOf(req), req.params.id));
      },
    );
  step('disable', 'Disable an account and end its sessions (systemAdmin)', disableAccount);
  step('enable', 'Enable a disabled account (systemAdmin)', enableAccount);
  step('unlock', 'Lift a login lockout (systemAdmin)', unlockAccount);

  r.post(
    '/admin/accounts/:id/reset-password',
    {
      schema: {
        operationId: 'resetAccountPassword',
        access: 'session',
        tags,
        summary: 'Set a temporary password, shown once, and end the sessions (systemAdmin)',
        params: idParams,
        response: { 200: z.object({ temporaryPassword: z.string() }) },
      },
    },
    async (req) => {
      requireRole(req.actor, ['systemAdmin']);
      return resetPassword(ctxOf(req), req.params.id);
    },
  );

  r.post(
    '/admin/accounts/:id/roles',
    {
      schema: {
        operationId: 'grantRole',
        access: 'session',
        tags,
        summary: 'Grant a role (securityAdmin; 三员分立)',
        params: idParams,
        body: z.strictObject({ role: roleSchema }),
        response: { 200: accountDetail },
      },
    },
    async (req) => {
      requireRole(req.actor, ['securityAdmin']);
      return presentDetail(req.actor, await grantRole(ctxOf(req), req.params.id, req.body.role));
    },
  );

  r.delete(
    '/admin/accounts/:id/roles/:role',
    {
      schema: {
        operationId: 'revokeRole',
        access: 'session',
        tags,
        summary: 'Revoke a role (securityAdmin)',
        params: idParams.extend({ role: roleSchema }),
        response: { 200: accountDetail },
      },
    },
    async (req) => {
      requireRole(req.actor, ['securityAdmin']);
      return presentDetail(req.actor, await revokeRole(ctxOf(req), req.params.id, req.params.role));
    },
  );
}
