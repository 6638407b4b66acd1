// One account of the actor's congress, as the administrators see it (no secrets).
import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '@minyi/domain';
import type { Db } from '../../../db/client';
import { notFound } from '../../errors';
import { accountRoles, accounts } from '../../platform.table';

export const accountColumns = {
  id: accounts.id,
  congressId: accounts.congressId,
  username: accounts.username,
  displayName: accounts.displayName,
  status: accounts.status,
  roles: sql<
    Role[]
  >`coalesce((SELECT array_agg(${accountRoles.role} ORDER BY ${accountRoles.role}) FROM ${accountRoles} WHERE ${accountRoles.accountId} = ${accounts.id}), '{}')`,
  lockedUntil: accounts.lockedUntil,
  totpEnabled: accounts.totpEnabled,
  deputyId: accounts.deputyId,
  handlingUnitId: accounts.handlingUnitId,
  email: accounts.email,
  createdAt: accounts.createdAt,
};

export type AccountView = {
  id: string;
  congressId: string;
  username: string;
  displayName: string;
  status: 'active' | 'disabled';
  roles: Role[];
  lockedUntil: Date | null;
  totpEnabled: boolean;
  deputyId: string | null;
  handlingUnitId: string | null;
  email: string | null;
  createdAt: Date;
};

export async function findAccountById(db: Db, congressId: string, id: string): Promise<AccountView | null> {
  const [row] = await db
    .select(accountColumns)
    .from(accounts)
    .where(and(eq(accounts.id, id), eq(accounts.congressId, congressId)));
  return row ?? null;
}

/** The account, or 404 (also for another congress's account). Pass `forUpdate` inside a transaction. */
export async function getAccount(
  db: Db,
  congressId: string,
  id: string,
  forUpdate = false,
): Promise<AccountView> {
  if (forUpdate) {
    await db.execute(sql`SELECT 1 FROM accounts WHERE id = ${id} AND congress_id = ${congressId} FOR UPDATE`);
  }
  const row = await findAccountById(db, congressId, id);
  if (!row) throw notFound({ zh: '账号', en: 'account' });
  return row;
}
