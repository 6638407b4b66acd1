// Ends the caller's session (the cookie is cleared by the route, session or not).
import { eq } from 'drizzle-orm';
import { transact, type Ctx } from '../../context';
import { sessions } from '../../platform.table';
import { forgetSessions } from '../session';

export async function signOut(ctx: Ctx, sessionId: string): Promise<void> {
  const accountId = ctx.actor!.accountId;
  await transact(ctx, async (w) => {
    await w.db.delete(sessions).where(eq(sessions.id, sessionId));
    await w.audit({ action: 'auth.logout', entityType: 'account', entityId: accountId });
  });
  forgetSessions({ sessionId });
}
