// Sets a one-time password (shown once, to be changed at the next sign-in), ends the account's sessions
// and tells its holder (system administrator). 三员分立: the administrator who knows the one-time password
// cannot quietly use the account, since its holder finds their own password refused and is told why.
import { eq } from 'drizzle-orm';
import { transact, type Ctx } from '../../context';
import { accounts, sessions } from '../../platform.table';
import { hashPassword } from '../../auth/passwords';
import { accountPolicy } from '../accounts.policy';
import { getAccount } from '../queries/get-account';
import { generatePassword } from './create-account';
import { forgetSessions } from '../../auth/session';

export const PASSWORD_RESET_KIND = 'account.passwordReset';

export async function resetPassword(ctx: Ctx, accountId: string): Promise<{ temporaryPassword: string }> {
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await transact(ctx, async (w) => {
    const account = await getAccount(w.db, ctx.actor!.congressId, accountId, true);
    accountPolicy.authorize(ctx.actor, 'resetPassword', account);
    await w.db
      .update(accounts)
      .set({
        passwordHash,
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
        updatedAt: new Date(),
      })
      .where(eq(accounts.id, accountId));
    const ended = await w.db
      .delete(sessions)
      .where(eq(sessions.accountId, accountId))
      .returning({ id: sessions.id });
    await ctx.app.notifier.notify(w.db, {
      congressId: account.congressId,
      accountIds: [accountId],
      kind: PASSWORD_RESET_KIND,
      title: { zh: '您的密码已被重置', en: 'Your password was reset' },
      body: {
        zh: `系统管理员 ${ctx.actor!.displayName} 重置了您的密码，您的所有登录已结束。请使用管理员交给您的一次性密码登录并立即设置新密码。如果您没有申请重置，请立即联系安全管理员。`,
        en: `The system administrator ${ctx.actor!.displayName} reset your password and ended all your sessions. Sign in with the one-time password the administrator gives you and set a new one at once. If you did not ask for this, tell the security administrator now.`,
      },
      link: '/account',
    });
    await w.audit({
      action: 'account.resetPassword',
      entityType: 'account',
      entityId: accountId,
      after: { sessionsEnded: ended.length, mustChangePassword: true },
    });
  });
  forgetSessions({ accountId });
  return { temporaryPassword };
}
