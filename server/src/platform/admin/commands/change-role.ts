// Grants or revokes a role (security administrator, never on its own account). 三员分立: an account
// holds at most one of systemAdmin, securityAdmin and auditor (409 admin_roles_separated), and an
// administrator never holds a business role, nor a business account an administrator role (409
// admin_business_separated; the database refuses it too, migration 0008).
import { and, eq } from 'drizzle-orm';
import { isAdminRole, type Role } from '@minyi/domain';
import { transact, type Ctx } from '../../context';
import { conflict, invalidField } from '../../errors';
import { accountRoles, sessions } from '../../platform.table';
import { accountPolicy } from '../accounts.policy';
import { getAccount, type AccountView } from '../queries/get-account';
import { forgetSessions } from '../../auth/session';

export async function grantRole(ctx: Ctx, accountId: string, role: Role): Promise<AccountView> {
  const congressId = ctx.actor!.congressId;
  const after = await transact(ctx, async (w) => {
    const before = await getAccount(w.db, congressId, accountId, true);
    accountPolicy.authorize(ctx.actor, 'grantRole', before);
    if (before.roles.includes(role)) {
      throw conflict('role_already_granted', {
        zh: '该账号已有此角色',
        en: 'The account already has this role',
      });
    }
    const otherAdmin = before.roles.find(isAdminRole);
    if (isAdminRole(role) && otherAdmin) {
      throw conflict(
        'admin_roles_separated',
        {
          zh: `三员分立：该账号已是 ${otherAdmin}，不能再兼任 ${role}`,
          en: `Separation of duties: the account is already ${otherAdmin} and cannot also be ${role}`,
        },
        { heldRole: otherAdmin },
      );
    }
    const otherSide = before.roles.filter((r) => isAdminRole(r) !== isAdminRole(role));
    if (otherSide.length > 0) {
      const held = otherSide.join(', ');
      throw conflict(
        'admin_business_separated',
        isAdminRole(role)
          ? {
              zh: `三员分立：该账号有业务角色（${held}），不能授予管理员角色 ${role}`,
              en: `Separation of duties: the account holds business roles (${held}) and cannot be given the administrator role ${role}`,
            }
          : {
              zh: `三员分立：该账号是管理员（${held}），不能授予业务角色 ${role}`,
              en: `Separation of duties: the account is an administrator (${held}) and cannot be given the business role ${role}`,
            },
        { role, heldRoles: otherSide },
      );
    }
    if (role === 'deputy' && !before.deputyId) {
      throw invalidField(
        'role',
        '该账号未关联代表，不能授予代表角色',
        'the account is not linked to a deputy',
      );
    }
    if (role === 'handlingUnitStaff' && !before.handlingUnitId) {
      throw invalidField('role', '该账号未关联承办单位', 'the account is not linked to a handling unit');
    }
    await w.db.insert(accountRoles).values({ accountId, role, congressId, grantedBy: ctx.actor!.accountId });
    if (isAdminRole(role)) {
      // An administrator must enrol a second factor: existing sessions were made without that duty.
      await w.db.delete(sessions).where(eq(sessions.accountId, accountId));
    }
    await w.audit({
      action: 'account.grantRole',
      entityType: 'account',
      entityId: accountId,
      before: { roles: before.roles },
      after: { roles: [...before.roles, role].sort(), granted: role },
    });
    return getAccount(w.db, congressId, accountId);
  });
  forgetSessions({ accountId });
  return after;
}

export async function revokeRole(ctx: Ctx, accountId: string, role: Role): Promise<AccountView> {
  const congressId = ctx.actor!.congressId;
  const after = await transact(ctx, async (w) => {
    const before = await getAccount(w.db, congressId, accountId, true);
    accountPolicy.authorize(ctx.actor, 'revokeRole', before);
    if (!before.roles.includes(role)) {
      throw conflict('role_not_granted', {
        zh: '该账号没有此角色',
        en: 'The account does not have this role',
      });
    }
    await w.db
      .delete(accountRoles)
      .where(and(eq(accountRoles.accountId, accountId), eq(accountRoles.role, role)));
    await w.audit({
      action: 'account.revokeRole',
      entityType: 'account',
      entityId: accountId,
      before: { roles: before.roles },
      after: { roles: before.roles.filter((r) => r !== role), revoked: role },
    });
    return getAccount(w.db, congressId, accountId);
  });
  forgetSessions({ accountId });
  return after;
}
