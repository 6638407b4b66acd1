// The audit trail: a row per state change, written in the change's transaction with a keyed SM3 hash of
// its content, and never updated. `sealAudit` chains the rows written since its last pass per congress: it
// takes them off the queue of unsealed rows and appends a link per row to `audit_chain` (chain_seq,
// chain_hash). `verifyAudit` finds any row that was edited, deleted or inserted behind the application's back.
import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { AuditEntry, Ctx } from './types';
import { hmacSm3 } from './crypto';
import { newId } from './ids';
import { insertOf, type RowWrite, type Statement } from './statement';
import { auditChain, auditChainHeads, auditEvents, auditUnsealed } from './platform.table';

export type { AuditEntry } from './types';

const GENESIS = '0'.repeat(64);

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

const HOUR = 3_600_000;

/** A UUIDv7 carrying the time `ms` and 74 random bits (no per-process counter: nothing orders two rows). */
function idAt(ms: number): string {
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** JSON round-trip so what we hash is exactly what jsonb stores (dates as ISO strings). */
const toJson = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/**
 * The INSERTs of one audit row (built now, with its hash; executed by the caller): the row, and its entry
 * in the queue of unsealed rows.
 */
/** The audit row of an entry as INSERTs (see auditRows). */
export const auditInserts = (ctx: Ctx, entry: AuditEntry): Statement[] => auditRows(ctx, entry).map(insertOf);

/** The audit row of an entry, and its place in the queue of rows to seal, as data (written with the change). */
export function auditRows(ctx: Ctx, entry: AuditEntry): RowWrite[] {
  const congressId = entry.congressId ?? ctx.actor?.congressId;
  if (!congressId) throw new Error(`audit ${entry.action}: no congress to record it under`);
  // Millisecond precision: what timestamptz returns equals what we hashed. A coarse row: the hour only.
  const now = Math.floor(Date.now());
  const createdAt = new Date(entry.coarseTime ? now - (now % HOUR) : now);
  const fields: HashedFields = {
    id: entry.coarseTime ? idAt(createdAt.getTime()) : newId(),
    congressId,
    accountId: ctx.actor?.accountId ?? null,
    role: entry.role ?? ctx.actor?.roles.join(',') ?? 'public',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: toJson(entry.before),
    after: toJson(entry.after),
    ip: ctx.meta.ip,
    // A coarse row names no request: the request log's line has the millisecond.
    requestId: entry.coarseTime ? null : ctx.meta.requestId,
    createdAt,
  };
  const hash = rowHash(ctx.app.config.keys.audit, fields);
  return [
    { table: auditEvents, rows: [{ ...fields, rowHash: hash }] },
    { table: auditUnsealed, rows: [{ congressId, id: fields.id, rowHash: hash }] },
  ];
}

/** Rows chained per pass (one transaction). */
export const SEAL_BATCH = 5000;

/**
 * Chains up to `batch` unsealed rows of one congress, in id (time) order, after the current head: takes
 * them off the queue and appends their links. One sealer at a time per congress (the head row is locked);
 * writers never take that lock. A row committed after a pass, whatever its id, is chained by a later one.
 */
export async function sealAudit(
  db: Db,
  key: Buffer,
  congressId: string,
  batch = SEAL_BATCH,
): Promise<number> {
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
    const taken = await tx.execute(sql`
      DELETE FROM audit_unsealed u
      WHERE u.congress_id = ${congressId} AND u.id IN (
        SELECT id FROM audit_unsealed WHERE congress_id = ${congressId} ORDER BY id LIMIT ${batch})
      RETURNING u.id, u.row_hash`);
    const rows = (taken as unknown as { rows: { id: string; row_hash: string }[] }).rows.sort((a, b) =>
      a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
    let seq = head.chainSeq;
    let hash = head.chainHash;
    const ids: string[] = [];
    const seqs: number[] = [];
    const hashes: string[] = [];
    for (const row of rows) {
      seq += 1;
      hash = hmacSm3(key, `${hash}|${seq}|${row.row_hash}`);
      ids.push(row.id);
      seqs.push(seq);
      hashes.push(hash);
    }
    if (rows.length > 0) {
      // One statement for the whole batch (ids are UUIDs and hashes hex, so the array literals need no escaping).
      await tx.execute(sql`
        INSERT INTO audit_chain (congress_id, chain_seq, event_id, chain_hash)
        SELECT ${congressId}, u.seq, u.id, u.hash
        FROM unnest(${`{${ids.join(',')}}`}::uuid[], ${`{${seqs.join(',')}}`}::bigint[], ${`{${hashes.join(',')}}`}::text[])
          AS u(id, seq, hash)`);
      await tx
        .update(auditChainHeads)
        .set({ chainSeq: seq, chainHash: hash, sealedAt: new Date() })
        .where(eq(auditChainHeads.congressId, congressId));
    }
    return rows.length;
  });
}

/**
 * Seals every row committed before the call, in passes of `batch`; a pass that finds fewer has emptied
 * the congress's queue. Rows committed meanwhile wait for the next call: chasing them, under a steady
 * stream of writes, made passes of a few hundred rows back to back, each paying the search's fixed cost
 * (docs/PERFORMANCE.md, eighth pass).
 */
export async function sealAllAudit(db: Db, key: Buffer, batch = SEAL_BATCH): Promise<number> {
  const congresses = await db.selectDistinct({ congressId: auditUnsealed.congressId }).from(auditUnsealed);
  let n = 0;
  for (const { congressId } of congresses) {
    let sealed: number;
    do {
      sealed = await sealAudit(db, key, congressId, batch);
      n += sealed;
    } while (sealed === batch);
  }
  return n;
}

export interface AuditProblem {
  congressId: string;
  id?: string;
  chainSeq?: number;
  /**
   * `row_unchained`: a row neither chained nor waiting to be (written behind the application's back, or
   * its queue entry deleted): no seal will ever cover it.
   */
  problem: 'row_altered' | 'chain_broken' | 'row_missing' | 'head_mismatch' | 'row_unchained';
}

type EventRow = typeof auditEvents.$inferSelect;

const rowHashOf = (key: Buffer, row: EventRow) =>
  rowHash(key, {
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

const PAGE = 2000;

/**
 * Recomputes every row hash and walks every congress's chain (or only the `only` congresses'): the links in
 * order with their rows, then the rows not yet chained. An empty list means intact.
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
        ...(await db.selectDistinct({ c: auditChain.congressId }).from(auditChain)).map((r) => r.c),
      ]);
  for (const congressId of congressIds) {
    // The chain, link by link.
    let expectedSeq = 0;
    let hash = GENESIS;
    for (;;) {
      const links = await db
        .select({ link: auditChain, row: auditEvents })
        .from(auditChain)
        .leftJoin(auditEvents, eq(auditEvents.id, auditChain.eventId))
        .where(and(eq(auditChain.congressId, congressId), sql`${auditChain.chainSeq} > ${expectedSeq}`))
        .orderBy(asc(auditChain.chainSeq))
        .limit(PAGE);
      if (links.length === 0) break;
      for (const { link, row } of links) {
        expectedSeq += 1;
        if (link.chainSeq !== expectedSeq) {
          problems.push({ congressId, chainSeq: expectedSeq, problem: 'row_missing' });
          expectedSeq = link.chainSeq;
        }
        if (!row) {
          problems.push({ congressId, id: link.eventId, chainSeq: link.chainSeq, problem: 'row_missing' });
        } else {
          checked++;
          if (rowHashOf(key, row) !== row.rowHash)
            problems.push({ congressId, id: row.id, problem: 'row_altered' });
          hash = hmacSm3(key, `${hash}|${link.chainSeq}|${row.rowHash}`);
          if (hash !== link.chainHash)
            problems.push({ congressId, id: row.id, chainSeq: link.chainSeq, problem: 'chain_broken' });
        }
        hash = link.chainHash;
      }
    }
    const head = heads.find((h) => h.congressId === congressId);
    if (head && (head.chainSeq !== expectedSeq || head.chainHash !== hash)) {
      problems.push({ congressId, chainSeq: head.chainSeq, problem: 'head_mismatch' });
    }
    // The rows not chained: each must be intact and waiting in the queue.
    let lastId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await db
        .select({ row: auditEvents, queued: auditUnsealed.id })
        .from(auditEvents)
        .leftJoin(
          auditUnsealed,
          and(eq(auditUnsealed.congressId, auditEvents.congressId), eq(auditUnsealed.id, auditEvents.id)),
        )
        .where(
          and(
            eq(auditEvents.congressId, congressId),
            sql`${auditEvents.id} > ${lastId}`,
            sql`NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = ${auditEvents.id})`,
          ),
        )
        .orderBy(asc(auditEvents.id))
        .limit(PAGE);
      if (page.length === 0) break;
      for (const { row, queued } of page) {
        checked++;
        if (rowHashOf(key, row) !== row.rowHash)
          problems.push({ congressId, id: row.id, problem: 'row_altered' });
        if (!queued) problems.push({ congressId, id: row.id, problem: 'row_unchained' });
        lastId = row.id;
      }
    }
  }
  return { checked, problems };
}
