// Lifts a login lockout before its 15 minutes are over (system administrator).
import { eq } from 'drizzle-orm';
import { transact, type Ctx } from '../../context';
import { wrongState } from '../../errors';
import { accounts } from '../../platform.table';
import { accountPolicy } from '../accounts.policy';
import { getAccount, type AccountView } from '../queries/get-account';

export async function unlockAccount(ctx: Ctx, accountId: string): Promise<AccountView> {
  return transact(ctx, async (w) => {
    const before = await getAccount(w.db, ctx.actor!.congressId, accountId, true);
    accountPolicy.authorize(ctx.actor, 'unlock', before);
    if (!before.lockedUntil || before.lockedUntil <= new Date()) throw wrongState('notLocked');
    await w.db
      .update(accounts)
      .set({ lockedUntil: null, failedLogins: 0, updatedAt: new Date() })
      .where(eq(accounts.id, accountId));
    await w.audit({
      action: 'account.unlock',
      entityType: 'account',
      entityId: accountId,
      before: { lockedUntil: before.lockedUntil },
      after: { lockedUntil: null },
    });
    return getAccount(w.db, ctx.actor!.congressId, accountId);
  });
}
