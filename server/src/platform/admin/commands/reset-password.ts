// Sets a temporary password (shown once) and ends the account's sessions (system administrator).
import { eq } from 'drizzle-orm';
import { transact, type Ctx } from '../../context';
import { accounts, sessions } from '../../platform.table';
import { hashPassword } from '../../auth/passwords';
import { accountPolicy } from '../accounts.policy';
import { getAccount } from '../queries/get-account';
import { generatePassword } from './create-account';
import { forgetSessions } from '../../auth/session';

export async function resetPassword(ctx: Ctx, accountId: string): Promise<{ temporaryPassword: string }> {
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await transact(ctx, async (w) => {
    const account = await getAccount(w.db, ctx.actor!.congressId, accountId, true);
    accountPolicy.authorize(ctx.actor, 'resetPassword', account);
    await w.db
      .update(accounts)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(accounts.id, accountId));
    const ended = await w.db
      .delete(sessions)
      .where(eq(sessions.accountId, accountId))
      .returning({ id: sessions.id });
    await w.audit({
      action: 'account.resetPassword',
      entityType: 'account',
      entityId: accountId,
      after: { sessionsEnded: ended.length },
    });
  });
  forgetSessions({ accountId });
  return { temporaryPassword };
}
