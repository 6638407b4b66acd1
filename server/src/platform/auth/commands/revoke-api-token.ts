// Revokes one of the caller's own API tokens (404 for another's, an unknown or an already revoked one).
import { and, eq, isNull } from 'drizzle-orm';
import { transact, type Ctx } from '../../context';
import { AppError } from '../../errors';
import { apiTokens } from '../../platform.table';

export async function revokeApiToken(ctx: Ctx, tokenId: string): Promise<void> {
  const actor = ctx.actor!;
  const done = await transact(ctx, async (w) => {
    const rows = await w.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(apiTokens.id, tokenId), eq(apiTokens.accountId, actor.accountId), isNull(apiTokens.revokedAt)),
      )
      .returning({ id: apiTokens.id });
    if (rows.length) await w.audit({ action: 'apiToken.revoke', entityType: 'apiToken', entityId: tokenId });
    return rows.length > 0;
  });
  if (!done) throw new AppError(404, 'not_found', { zh: '令牌不存在', en: 'The token was not found' });
}
