// The opinion module's shared SQL: loading an opinion with its access resource, taking a workflow step
// (status check, row update, timeline event, audit, citizen notice — one transaction), settings, rate limits.
import { and, eq } from 'drizzle-orm';
import type { LocalizedText } from '@minyi/domain';
import {
  opinionSettingsSchema,
  type OpinionAction,
  type OpinionSettings,
  type OpinionStatus,
} from '@minyi/domain/opinions';
import type { Db } from '../../db/client';
import type { Ctx, Work } from '../../platform/context';
import { AppError, notFound, wrongState } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { insertRow, toDrizzle } from '../../platform/statement';
import { readSettings } from '../../platform/settings';
import { opinionAssignments, opinionEvents, opinions } from './opinions.table';
import { findPlaceDeputyIds, findStreetCommitteeDeputyIds } from './opinions.lookups';
import type { OpinionResource } from './opinions.policy';

export type OpinionRow = typeof opinions.$inferSelect;
export const OPINION = { zh: '群众意见', en: 'opinion' };

export const readOpinionSettings = (db: Db, congressId: string): Promise<OpinionSettings> =>
  readSettings(db, congressId, 'opinions', opinionSettingsSchema);

// Hot reads (the queue, the public form's limits) take the settings from a short in-process cache: a
// change made on another instance is seen within SETTINGS_TTL_MS; this instance's own writes clear it.
const SETTINGS_TTL_MS = 5_000;
const settingsCache = new Map<string, { at: number; value: OpinionSettings }>();
export async function readOpinionSettingsCached(db: Db, congressId: string): Promise<OpinionSettings> {
  const hit = settingsCache.get(congressId);
  if (hit && Date.now() - hit.at < SETTINGS_TTL_MS) return hit.value;
  const value = await readOpinionSettings(db, congressId);
  settingsCache.set(congressId, { at: Date.now(), value });
  return value;
}
export const forgetOpinionSettings = (congressId: string) => settingsCache.delete(congressId);

export async function findAssignments(db: Db, opinionId: string) {
  return db.select().from(opinionAssignments).where(eq(opinionAssignments.opinionId, opinionId));
}

/** Ends every active assignment of an opinion (closed, rerouted, handed back with its reason). */
export async function endAssignments(w: Work, opinionId: string, endReason: string, at = new Date()) {
  await w.db
    .update(opinionAssignments)
    .set({ active: false, endedAt: at, endReason })
    .where(and(eq(opinionAssignments.opinionId, opinionId), eq(opinionAssignments.active, true)));
}

export async function resourceOf(db: Db, o: OpinionRow): Promise<OpinionResource> {
  const assignments = await findAssignments(db, o.id);
  return {
    congressId: o.congressId,
    deputyId: o.deputyId,
    placeDeputyIds: o.liaisonPlaceId ? await findPlaceDeputyIds(db, o.liaisonPlaceId) : [],
    streetCommitteeDeputyIds: await findStreetCommitteeDeputyIds(db, o.congressId, o.streetId),
    leadUnitId: o.leadUnitId,
    activeUnitIds: assignments.filter((a) => a.active).map((a) => a.unitId),
    everUnitIds: [...new Set(assignments.map((a) => a.unitId))],
  };
}

/** Loads an opinion of the congress (locked for update inside a transaction when `lock`). */
export async function loadOpinion(db: Db, congressId: string, id: string, lock = false): Promise<OpinionRow> {
  const q = db
    .select()
    .from(opinions)
    .where(and(eq(opinions.id, id), eq(opinions.congressId, congressId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound(OPINION);
  return row;
}

type EventInput = { kind: string; note?: string | null; isPublic?: boolean; data?: Record<string, unknown> };

/** The INSERT of one timeline event (for a deferred write). */
export function eventInsert(o: { id: string; congressId: string }, ctx: Ctx, e: EventInput) {
  return insertRow(opinionEvents, {
    id: newId(),
    congressId: o.congressId,
    opinionId: o.id,
    kind: e.kind,
    isPublic: e.isPublic ?? true,
    note: e.note ?? null,
    data: e.data ?? {},
    accountId: ctx.actor?.accountId ?? null,
  });
}

export async function addEvent(w: Work, o: { id: string; congressId: string }, ctx: Ctx, e: EventInput) {
  await w.db.execute(toDrizzle(eventInsert(o, ctx, e)));
}

export interface StepInput {
  action: OpinionAction;
  to: OpinionStatus;
  patch?: Partial<OpinionRow>;
  event: { kind?: string; note?: string | null; isPublic?: boolean; data?: Record<string, unknown> };
  /** A text message to the citizen about this step (after commit). */
  tellCitizen?: LocalizedText;
}

/** One workflow step: the row changes only if it is still in the status it was read in. */
export async function applyStep(w: Work, ctx: Ctx, o: OpinionRow, s: StepInput): Promise<OpinionRow> {
  const [after] = await w.db
    .update(opinions)
    .set({ ...s.patch, status: s.to, updatedAt: new Date() })
    .where(and(eq(opinions.id, o.id), eq(opinions.status, o.status)))
    .returning();
  if (!after) {
    const [now] = await w.db.select({ status: opinions.status }).from(opinions).where(eq(opinions.id, o.id));
    throw wrongState(now?.status ?? o.status);
  }
  await addEvent(w, o, ctx, { kind: s.event.kind ?? s.action, ...s.event });
  await w.audit({
    action: `opinion.${s.action}`,
    entityType: 'opinion',
    entityId: o.id,
    congressId: o.congressId,
    before: { status: o.status },
    after: { status: s.to, ...auditable(s.patch ?? {}) },
  });
  if (s.tellCitizen) await tellCitizen(w, ctx, o, s.tellCitizen);
  return after;
}

/** The audit row records the step's fields, never the personal data. */
function auditable(patch: Partial<OpinionRow>): Record<string, unknown> {
  const { phoneEnc: _p, nameEnc: _n, phoneIndex: _i, phoneCheck: _c, ...rest } = patch;
  return rest;
}

/** Texts the citizen about a step (queued in the step's transaction; sent after commit). */
export async function tellCitizen(w: Work, ctx: Ctx, o: OpinionRow, text: LocalizedText) {
  // An opinion raised by deputies themselves (a site inspection) may have no contact phone.
  if (!ctx.app.pii.decrypt(o.phoneEnc)) return;
  await ctx.app.notifier.sms(w, o.congressId, o.phoneEnc, {
    zh: `【民意】${text.zh}（查询码 ${o.trackingCode}）`,
    en: `${text.en} (tracking code ${o.trackingCode})`,
  });
}

/**
 * The public form's limits for one submission: the counters it adds one to (a row per key and time window,
 * so the limits hold across instances), each with its limit, and the blind indexes (phone, IP) to look up in
 * the block list. opinions.writer.ts checks them in the statement that writes the submission.
 */
export interface SubmissionGuard {
  congressId: string;
  counted: { key: string; windowStart: Date; limit: number }[];
  blockIndexes: string[];
}

export function submissionGuard(
  congressId: string,
  hits: { key: string; windowMs: number; limit: number }[],
  blockIndexes: string[],
): SubmissionGuard {
  const now = Date.now();
  const counted = hits.map((h) => ({
    key: `${congressId}:${h.key}`,
    windowStart: new Date(Math.floor(now / h.windowMs) * h.windowMs),
    limit: h.limit,
  }));
  return { congressId, counted, blockIndexes };
}

/** What a refused submission gets. */
export const SUBMISSION_REFUSALS = {
  submitter_blocked: () =>
    new AppError(403, 'submitter_blocked', {
      zh: '该号码或网络已被限制提交，请到代表联络站当面反映',
      en: 'Submissions from this phone or network are blocked; please visit a liaison place',
    }),
  rate_limited: () =>
    new AppError(429, 'rate_limited', {
      zh: '提交过于频繁，请稍后再试',
      en: 'Too many submissions; please try again later',
    }),
} as const;
