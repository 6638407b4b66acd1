// Signs in with username, password and (when enrolled) the authenticator's code, and opens a session.
// Each attempt is counted before its password is checked, so concurrent guesses cannot outrun the lockout;
// an unknown account and a locked one answer alike, after the same password-hashing time.
import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { transact, type Ctx } from '../../context';
import { AppError } from '../../errors';
import { accounts } from '../../platform.table';
import { burnPasswordTime, verifyPassword } from '../passwords';
import { createSession, loadAccount, toActor, type AccountRow, type SessionClient } from '../session';
import { acceptedTotpStep } from '../totp';

export interface SignInInput {
  username: string;
  password: string;
  totpCode?: string;
}

/** Also the answer of a locked account: which accounts exist, and which are locked, is not told. */
const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', {
    zh: '用户名或密码错误；多次输错后账号会暂时锁定，请稍后再试',
    en: 'Wrong username or password; after repeated failures the account is locked for a while, so try again later',
  });

const wrongSecondFactor = () =>
  new AppError(401, 'invalid_second_factor', {
    zh: '动态验证码错误或已使用过，请输入验证器上的新验证码',
    en: 'The authenticator code is wrong or was already used; enter the next one your app shows',
  });

/**
 * Counts a sign-in attempt before its password is checked, in one conditional UPDATE: concurrent attempts
 * each take their own number, the one reaching `maxFailedLogins` locks the account, and none is counted
 * (or checked) while it is locked. A successful sign-in sets the count back to 0. Null: locked.
 */
async function claimLoginAttempt(
  db: Db,
  accountId: string,
  security: { maxFailedLogins: number; lockoutMinutes: number },
): Promise<{ attempt: number; locked: boolean; release: () => Promise<void> } | null> {
  const now = new Date();
  const lockUntil = new Date(now.getTime() + security.lockoutMinutes * 60_000).toISOString();
  const reachesMax = sql`${accounts.failedLogins} + 1 >= ${security.maxFailedLogins}`;
  const [row] = await db
    .update(accounts)
    .set({
      failedLogins: sql`CASE WHEN ${reachesMax} THEN 0 ELSE ${accounts.failedLogins} + 1 END`,
      lockedUntil: sql`CASE WHEN ${reachesMax} THEN ${lockUntil}::timestamptz ELSE NULL END`,
    })
    .where(and(eq(accounts.id, accountId), or(isNull(accounts.lockedUntil), lte(accounts.lockedUntil, now))))
    .returning({ failedLogins: accounts.failedLogins, lockedUntil: accounts.lockedUntil });
  if (!row) return null;
  const locked = row.lockedUntil !== null;
  return {
    attempt: locked ? security.maxFailedLogins : row.failedLogins,
    locked,
    release: async () => {
      // Gives the attempt back (the right password, only the second factor still to come): it is not a
      // failure. A lock it set is lifted only if no later attempt changed it.
      await db
        .update(accounts)
        .set(
          locked
            ? { failedLogins: security.maxFailedLogins - 1, lockedUntil: null }
            : { failedLogins: sql`greatest(${accounts.failedLogins} - 1, 0)` },
        )
        .where(
          and(
            eq(accounts.id, accountId),
            locked ? eq(accounts.lockedUntil, row.lockedUntil!) : isNull(accounts.lockedUntil),
          ),
        );
    },
  };
}

/** Records `step` as the account's last accepted TOTP step, unless it (or a later one) already is. */
async function claimTotpStep(db: Db, accountId: string, step: number): Promise<boolean> {
  const claimed = await db
    .update(accounts)
    .set({ totpLastStep: step })
    .where(
      and(eq(accounts.id, accountId), or(isNull(accounts.totpLastStep), lt(accounts.totpLastStep, step))),
    )
    .returning({ id: accounts.id });
  return claimed.length > 0;
}

export async function signIn(
  ctx: Ctx,
  input: SignInInput,
  client: SessionClient,
): Promise<{ account: AccountRow; session: { token: string; csrfToken: string; restricted: boolean } }> {
  const { db, config, pii } = ctx.app;
  const { username, password, totpCode } = input;
  const [found] = await db
    .select({
      id: accounts.id,
      passwordHash: accounts.passwordHash,
      totpSecretEnc: accounts.totpSecretEnc,
      totpLastStep: accounts.totpLastStep,
    })
    .from(accounts)
    .where(sql`lower(${accounts.username}) = lower(${username})`);
  // An unknown account and a locked one answer alike, after the same password-hashing time.
  const claim = found ? await claimLoginAttempt(db, found.id, config.security) : null;
  if (!found || !claim) {
    await burnPasswordTime(password);
    throw invalidCredentials();
  }
  const account = (await loadAccount(db, found.id))!;
  const actorCtx: Ctx = { ...ctx, actor: toActor(account, 'session') };
  // The attempt was counted before it was checked: a failure only records what happened.
  const fail = async (err: AppError) => {
    await transact(actorCtx, async (w) => {
      await w.audit({
        action: claim.locked ? 'account.lock' : 'auth.loginFail',
        entityType: 'account',
        entityId: found.id,
        after: { failures: claim.attempt, reason: err.code },
      });
    });
    return err;
  };
  if (!(await verifyPassword(found.passwordHash, password))) throw await fail(invalidCredentials());
  if (account.status !== 'active') {
    throw new AppError(403, 'account_disabled', { zh: '账号已停用', en: 'This account is disabled' });
  }
  // The time step the code was accepted for: a code is accepted once (RFC 6238 §5.2), so only for a step
  // after the last one accepted for this account.
  let totpStep: number | null = null;
  if (account.totpEnabled) {
    if (!totpCode) {
      await claim.release();
      throw new AppError(401, 'second_factor_required', {
        zh: '请输入动态验证码',
        en: 'Enter the code from your authenticator app',
      });
    }
    totpStep = await acceptedTotpStep(pii.decrypt(found.totpSecretEnc!), totpCode, found.totpLastStep);
    if (totpStep === null) throw await fail(wrongSecondFactor());
  }
  const session = await transact(actorCtx, async (w) => {
    // Claims the step; a sign-in racing with the same code finds it taken and writes nothing.
    if (totpStep !== null && !(await claimTotpStep(w.db, found.id, totpStep))) return null;
    await w.db.update(accounts).set({ failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, found.id));
    const s = await createSession(w.db, account, client);
    await w.audit({
      action: 'auth.login',
      entityType: 'account',
      entityId: found.id,
      after: { restricted: s.restricted },
    });
    return s;
  });
  if (!session) throw await fail(wrongSecondFactor());
  return { account, session };
}
