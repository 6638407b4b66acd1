// The audit trail: a row per state change, written in the change's transaction with a keyed SM3 hash of
// its content. `sealAudit` chains unsealed rows per congress (chain_seq, chain_hash); `verifyAudit` finds
// any row that was edited, deleted or inserted behind the application's back.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Ctx } from './context';
import { hmacSm3 } from './crypto';
import { newId } from './ids';
import { insertRow } from './statement';
import { auditChainHeads, auditEvents } from './platform.table';

export interface AuditEntry {
  /** `<entity>.<verb>`, e.g. `opinion.submit`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the actor's congress; required for the public (no account). */
  congressId?: string;
  /** The role the actor acted in, when one of several; defaults to all their roles. */
  role?: string;
}

const GENESIS = '0'.repeat(64);
const UNSEALED = '9223372036854775807';

interface HashedFields {
  id: string;
  congressId: string;
  accountId: string | null;
  role: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
  createdAt: Date;
}

/** Stable JSON: object keys sorted, so jsonb's re-ordering never changes the hash. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const rowHash = (key: Buffer, f: HashedFields): string =>
  hmacSm3(key, canonical({ ...f, createdAt: f.createdAt.toISOString() }));

/** JSON round-trip so what we hash is exactly what jsonb stores (dates as ISO strings). */
const toJson = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/** The INSERT of one audit row (built now, with its hash; executed by the caller). */
export function auditInsert(ctx: Ctx, entry: AuditEntry) {
  const congressId = entry.congressId ?? ctx.actor?.congressId;
  if (!congressId) throw new Error(`audit ${entry.action}: no congress to record it under`);
  // Millisecond precision: what timestamptz returns equals what we hashed.
  const createdAt = new Date(Math.floor(Date.now()));
  const fields: HashedFields = {
    id: newId(),
    congressId,
    accountId: ctx.actor?.accountId ?? null,
    role: entry.role ?? ctx.actor?.roles.join(',') ?? 'public',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: toJson(entry.before),
    after: toJson(entry.after),
    ip: ctx.meta.ip,
    requestId: ctx.meta.requestId,
    createdAt,
  };
  return insertRow(auditEvents, { ...fields, rowHash: rowHash(ctx.app.config.keys.audit, fields) });
}

/**
 * Chains every unsealed row of one congress, in id (time) order, after the current head. One sealer at a
 * time per congress (the head row is locked); writers never take that lock.
 */
export async function sealAudit(db: Db, key: Buffer, congressId: string, batch = 5000): Promise<number> {
  return db.transaction(async (tx) => {
    await tx
      .insert(auditChainHeads)
      .values({ congressId, chainSeq: 0, chainHash: GENESIS })
      .onConflictDoNothing();
    const [head] = await tx
      .select()
      .from(auditChainHeads)
      .where(eq(auditChainHeads.congressId, congressId))
      .for('update');
    const rows = await tx
      .select({ id: auditEvents.id, rowHash: auditEvents.rowHash })
      .from(auditEvents)
      .where(and(eq(auditEvents.congressId, congressId), isNull(auditEvents.chainSeq)))
      .orderBy(asc(auditEvents.id))
      .limit(batch);
    let seq = head.chainSeq;
    let hash = head.chainHash;
    const ids: string[] = [];
    const seqs: number[] = [];
    const hashes: string[] = [];
    for (const row of rows) {
      seq += 1;
      hash = hmacSm3(key, `${hash}|${seq}|${row.rowHash}`);
      ids.push(row.id);
      seqs.push(seq);
      hashes.push(hash);
    }
    if (rows.length > 0) {
      // One statement for the whole batch (ids are UUIDs and hashes hex, so the array literals need no escaping).
      await tx.execute(sql`
        UPDATE audit_events a SET chain_seq = u.seq, chain_hash = u.hash
        FROM unnest(${`{${ids.join(',')}}`}::uuid[], ${`{${seqs.join(',')}}`}::bigint[], ${`{${hashes.join(',')}}`}::text[])
          AS u(id, seq, hash)
        WHERE a.id = u.id`);
      await tx
        .update(auditChainHeads)
        .set({ chainSeq: seq, chainHash: hash, sealedAt: new Date() })
        .where(eq(auditChainHeads.congressId, congressId));
    }
    return rows.length;
  });
}

export async function sealAllAudit(db: Db, key: Buffer): Promise<number> {
  const congresses = await db
    .selectDistinct({ congressId: auditEvents.congressId })
    .from(auditEvents)
    .where(isNull(auditEvents.chainSeq));
  let n = 0;
  for (const { congressId } of congresses) {
    let sealed: number;
    do {
      sealed = await sealAudit(db, key, congressId);
      n += sealed;
    } while (sealed > 0);
  }
  return n;
}

export interface AuditProblem {
  congressId: string;
  id?: string;
  chainSeq?: number;
  problem: 'row_altered' | 'chain_broken' | 'row_missing' | 'head_mismatch';
}

/**
 * Recomputes every row hash and walks every congress's chain (or only the `only` congresses').
 * An empty list means intact.
 */
export async function verifyAudit(
  db: Db,
  key: Buffer,
  only?: readonly string[],
): Promise<{ checked: number; problems: AuditProblem[] }> {
  const problems: AuditProblem[] = [];
  let checked = 0;
  const heads = await db.select().from(auditChainHeads);
  const congressIds = only
    ? new Set(only)
    : new Set([
        ...heads.map((h) => h.congressId),
        ...(await db.selectDistinct({ c: auditEvents.congressId }).from(auditEvents)).map((r) => r.c),
      ]);
  for (const congressId of congressIds) {
    let expectedSeq = 0;
    let hash = GENESIS;
    let lastKey = '-1';
    let lastId = '00000000-0000-0000-0000-000000000000';
    const sortKey = sql`coalesce(${auditEvents.chainSeq}, ${sql.raw(UNSEALED)})`;
    for (;;) {
      // Sealed rows in chain order, then unsealed rows, in pages.
      const page = await db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.congressId, congressId),
            sql`(${sortKey}, ${auditEvents.id}) > (${lastKey}::bigint, ${lastId}::uuid)`,
          ),
        )
        .orderBy(sortKey, asc(auditEvents.id))
        .limit(2000);
      if (page.length === 0) break;
      for (const row of page) {
        checked++;
        const expected = rowHash(key, {
          id: row.id,
          congressId: row.congressId,
          accountId: row.accountId,
          role: row.role,
          action: row.action,
          entityType: row.entityType,
          entityId: row.entityId,
          before: row.before,
          after: row.after,
          ip: row.ip,
          requestId: row.requestId,
          createdAt: row.createdAt,
        });
        if (expected !== row.rowHash) problems.push({ congressId, id: row.id, problem: 'row_altered' });
        if (row.chainSeq !== null) {
          expectedSeq += 1;
          if (row.chainSeq !== expectedSeq) {
            problems.push({ congressId, chainSeq: expectedSeq, problem: 'row_missing' });
            expectedSeq = row.chainSeq;
          }
          hash = hmacSm3(key, `${hash}|${row.chainSeq}|${row.rowHash}`);
          if (hash !== row.chainHash) {
            problems.push({ congressId, id: row.id, chainSeq: row.chainSeq, problem: 'chain_broken' });
            hash = row.chainHash ?? hash;
          }
        }
        lastId = row.id;
        lastKey = String(row.chainSeq ?? UNSEALED);
      }
    }
    const head = heads.find((h) => h.congressId === congressId);
    if (head && (head.chainSeq !== expectedSeq || head.chainHash !== hash)) {
      problems.push({ congressId, chainSeq: head.chainSeq, problem: 'head_mismatch' });
    }
  }
  return { checked, problems };
}
