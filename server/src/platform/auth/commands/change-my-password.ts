// Changes the caller's own password (also the way out of an administrator's one-time password): the
// current one is checked, the new one must differ, and every other session of the account is ended.
import { and, eq, ne } from 'drizzle-orm';
import { transact, type Ctx } from '../../context';
import { AppError, invalidField } from '../../errors';
import { accounts, sessions } from '../../platform.table';
import { hashPassword, verifyPassword } from '../passwords';
import { forgetSessions } from '../session';

export interface ChangeMyPasswordInput {
  currentPassword: string;
  newPassword: string;
}

export async function changeMyPassword(
  ctx: Ctx,
  sessionId: string,
  input: ChangeMyPasswordInput,
): Promise<void> {
  const actor = ctx.actor!;
  const [row] = await ctx.app.db
    .select({ hash: accounts.passwordHash })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  if (!row || !(await verifyPassword(row.hash, input.currentPassword))) {
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
  if (input.newPassword === input.currentPassword) {
    throw invalidField(
      'newPassword',
      '新密码不能与当前密码相同',
      'must differ from the current password',
      'unchanged',
    );
  }
  const passwordHash = await hashPassword(input.newPassword);
  await transact(ctx, async (w) => {
    await w.db
      .update(accounts)
      .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
      .where(eq(accounts.id, actor.accountId));
    // Whoever else holds a session of this account (another device, or someone who learnt the old
    // password) is signed out; this one stays.
    const ended = await w.db
      .delete(sessions)
      .where(and(eq(sessions.accountId, actor.accountId), ne(sessions.id, sessionId)))
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
}
