// Starts enrolling a second factor: a new TOTP secret, stored encrypted, shown once to the caller (who
// confirms it with a code, confirm-totp-enrollment.ts). Refused once a second factor is enrolled.
import { eq } from 'drizzle-orm';
import { generateSecret, generateURI } from 'otplib';
import { transact, type Ctx } from '../../context';
import { AppError } from '../../errors';
import { accounts } from '../../platform.table';
import { loadAccount } from '../session';

export async function startTotpEnrollment(ctx: Ctx): Promise<{ secret: string; otpauthUri: string }> {
  const actor = ctx.actor!;
  const account = (await loadAccount(ctx.app.db, actor.accountId))!;
  if (account.totpEnabled) {
    throw new AppError(409, 'totp_already_enabled', {
      zh: '已启用双因素认证',
      en: 'A second factor is already enrolled',
    });
  }
  const secret = generateSecret();
  await transact(ctx, async (w) => {
    await w.db
      .update(accounts)
      .set({ totpSecretEnc: ctx.app.pii.encrypt(secret), totpLastStep: null })
      .where(eq(accounts.id, actor.accountId));
    await w.audit({ action: 'account.totpSetup', entityType: 'account', entityId: actor.accountId });
  });
  return { secret, otpauthUri: generateURI({ issuer: 'Minyi', label: actor.username, secret }) };
}
