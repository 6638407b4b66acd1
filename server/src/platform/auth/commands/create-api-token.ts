// Creates a personal API token for the caller (signed in through a session; never an administrator, who
// acts only through the web app with a second factor). The token is returned once; only its hash is kept.
import { isAdminRole } from '@minyi/domain';
import { transact, type Ctx } from '../../context';
import { AppError } from '../../errors';
import { newId } from '../../ids';
import { randomToken, sm3 } from '../../crypto';
import { apiTokens } from '../../platform.table';

export interface CreateApiTokenInput {
  name: string;
  expiresInDays: number;
}

export async function createApiToken(
  ctx: Ctx,
  input: CreateApiTokenInput,
): Promise<{ id: string; name: string; token: string; expiresAt: Date }> {
  const actor = ctx.actor!;
  if (actor.roles.some(isAdminRole)) {
    throw new AppError(403, 'forbidden', {
      zh: '管理员不能使用 API 令牌',
      en: 'Administrators cannot use API tokens',
    });
  }
  const token = `mny_${randomToken()}`;
  const id = newId();
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  await transact(ctx, async (w) => {
    await w.db.insert(apiTokens).values({
      id,
      congressId: actor.congressId,
      accountId: actor.accountId,
      name: input.name,
      tokenHash: sm3(token),
      expiresAt,
    });
    await w.audit({
      action: 'apiToken.create',
      entityType: 'apiToken',
      entityId: id,
      after: { name: input.name, expiresAt },
    });
  });
  return { id, name: input.name, token, expiresAt };
}
