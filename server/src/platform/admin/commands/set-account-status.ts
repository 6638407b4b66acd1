// Disables an account (its sessions end at once) or enables it again (system administrator).
import { eq } from 'drizzle-orm';
import { transact, type Ctx } from '../../context';
import { wrongState } from '../../errors';
import { accounts, sessions } from '../../platform.table';
import { accountPolicy } from '../accounts.policy';
import { getAccount, type AccountView } from '../queries/get-account';
import { forgetSessions } from '../../auth/session';

export async function disableAccount(ctx: Ctx, accountId: string): Promise<AccountView> {
  const after = await transact(ctx, async (w) => {
    const before = await getAccount(w.db, ctx.actor!.congressId, accountId, true);
    accountPolicy.authorize(ctx.actor, 'disable', before);
    if (before.status !== 'active') throw wrongState(before.status);
    await w.db
      .update(accounts)
      .set({ status: 'disabled', updatedAt: new Date() })
      .where(eq(accounts.id, accountId));
    const ended = await w.db
      .delete(sessions)
      .where(eq(sessions.accountId, accountId))
      .returning({ id: sessions.id });
    await w.audit({
      action: 'account.disable',
      entityType: 'account',
      entityId: accountId,
      before: { status: before.status },
      after: { status: 'disabled', sessionsEnded: ended.length },
    });
    return getAccount(w.db, ctx.actor!.congressId, accountId);
  });
  forgetSessions({ accountId });
  return after;
}

export async function enableAccount(ctx: Ctx, accountId: string): Promise<AccountView> {
  return transact(ctx, async (w) => {
    const before = await getAccount(w.db, ctx.actor!.congressId, accountId, true);
    accountPolicy.authorize(ctx.actor, 'enable', before);
    if (before.status !== 'disabled') throw wrongState(before.status);
    await w.db
      .update(accounts)
      .set({ status: 'active', updatedAt: new Date() })
      .where(eq(accounts.id, accountId));
    await w.audit({
      action: 'account.enable',
      entityType: 'account',
      entityId: accountId,
      before: { status: before.status },
      after: { status: 'active' },
    });
    return getAccount(w.db, ctx.actor!.congressId, accountId);
  });
}
