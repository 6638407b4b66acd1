// The caller's API tokens that are not revoked (expired ones included: they show when they expired).
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { apiTokens } from '../../platform.table';

export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

export function findMyApiTokens(db: Db, accountId: string): Promise<ApiTokenView[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt)));
}
