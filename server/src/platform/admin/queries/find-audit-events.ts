// The audit trail of a congress, newest first, filtered, in cursor pages, with the actor's username.
import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { decodeCursor, page } from '../../http';
import { accounts, auditChain, auditEvents } from '../../platform.table';

export interface FindAuditEventsQuery {
  action?: string;
  entityType?: string;
  entityId?: string;
  accountId?: string;
  /** The actor's account by its username (exact). */
  username?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit: number;
}

/** The conditions of the filters (person, action, object, period), shared with the export. */
export function auditFilters(congressId: string, q: Omit<FindAuditEventsQuery, 'cursor' | 'limit'>): SQL[] {
  const where: SQL[] = [eq(auditEvents.congressId, congressId)];
  // `opinion.` (a trailing dot) matches every action of that entity.
  if (q.action)
    where.push(
      q.action.endsWith('.')
        ? sql`${auditEvents.action} LIKE ${`${q.action}%`}`
        : eq(auditEvents.action, q.action),
    );
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.accountId) where.push(eq(auditEvents.accountId, q.accountId));
  if (q.from) where.push(gte(auditEvents.createdAt, q.from));
  if (q.to) where.push(lt(auditEvents.createdAt, q.to));
  if (q.username)
    where.push(
      sql`${auditEvents.accountId} IN (SELECT ${accounts.id} FROM ${accounts} WHERE ${accounts.username} = ${q.username})`,
    );
  return where;
}

/** The columns of an audit row as the auditor reads it (with the actor's username and the chain link). */
export const auditColumns = {
  id: auditEvents.id,
  createdAt: auditEvents.createdAt,
  accountId: auditEvents.accountId,
  username: accounts.username,
  role: auditEvents.role,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  before: auditEvents.before,
  after: auditEvents.after,
  ip: auditEvents.ip,
  requestId: auditEvents.requestId,
  chainSeq: auditChain.chainSeq,
};

export async function findAuditEvents(db: Db, congressId: string, q: FindAuditEventsQuery) {
  const where = auditFilters(congressId, q);
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid']);
  if (after) {
    const [at, id] = after as [string, string];
    const atDate = new Date(at);
    where.push(
      or(lt(auditEvents.createdAt, atDate), and(eq(auditEvents.createdAt, atDate), lt(auditEvents.id, id)))!,
    );
  }
  const rows = await db
    .select(auditColumns)
    .from(auditEvents)
    .leftJoin(accounts, eq(accounts.id, auditEvents.accountId))
    .leftJoin(auditChain, eq(auditChain.eventId, auditEvents.id))
    .where(and(...where))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
}
