// The accounts of a congress, by username, filtered by text and role, in cursor pages.
import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '@minyi/domain';
import type { Db } from '../../../db/client';
import { decodeCursor, page } from '../../http';
import { accountRoles, accounts } from '../../platform.table';
import { accountColumns, type AccountView } from './get-account';

export interface FindAccountsQuery {
  q?: string;
  role?: Role;
  cursor?: string;
  limit: number;
}

export async function findAccounts(db: Db, congressId: string, query: FindAccountsQuery) {
  const where: SQL[] = [eq(accounts.congressId, congressId)];
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(sql`${accounts.username} ILIKE ${like}`, sql`${accounts.displayName} ILIKE ${like}`)!);
  }
  if (query.role) {
    where.push(
      sql`EXISTS (SELECT 1 FROM ${accountRoles} WHERE ${accountRoles.accountId} = ${accounts.id} AND ${accountRoles.role} = ${query.role})`,
    );
  }
  const after = decodeCursor(query.cursor, 2);
  if (after) {
    const [name, id] = after as [string, string];
    where.push(
      or(
        gt(sql`lower(${accounts.username})`, name),
        and(eq(sql`lower(${accounts.username})`, name), gt(accounts.id, id)),
      )!,
    );
  }
  const rows = (await db
    .select(accountColumns)
    .from(accounts)
    .where(and(...where))
    .orderBy(asc(sql`lower(${accounts.username})`), asc(accounts.id))
    .limit(query.limit + 1)) as AccountView[];
  return page(rows, query.limit, (r) => [r.username.toLowerCase(), r.id]);
}
