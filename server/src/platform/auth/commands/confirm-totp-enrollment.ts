// Confirms the second factor with a code from the new secret: the account's TOTP is on, and the caller's
// session (restricted while an administrator had none) is no longer restricted.
import { eq } from 'drizzle-orm';
import { transact, type Ctx } from '../../context';
import { AppError } from '../../errors';
import { accounts, sessions } from '../../platform.table';
import { forgetSessions } from '../session';
import { acceptedTotpStep } from '../totp';

export async function confirmTotpEnrollment(ctx: Ctx, sessionId: string, code: string): Promise<void> {
  const actor = ctx.actor!;
  const [row] = await ctx.app.db
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
  const step = await acceptedTotpStep(ctx.app.pii.decrypt(row.enc), code);
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
  await transact(ctx, async (w) => {
    // The enrolment's code counts as used: signing in needs a code of a later step.
    await w.db
      .update(accounts)
      .set({ totpEnabled: true, totpLastStep: step })
      .where(eq(accounts.id, actor.accountId));
    await w.db.update(sessions).set({ restricted: false }).where(eq(sessions.id, sessionId));
    await w.audit({ action: 'account.totpEnable', entityType: 'account', entityId: actor.accountId });
  });
  forgetSessions({ accountId: actor.accountId });
}
