// The citizen's view by tracking code + last four digits of the phone: status and the public timeline,
// never the phone, the name or any other personal data. A wrong code and a wrong suffix look the same.
// Wrong suffixes are counted per code (issue 22 item 3a): past the threshold the code's look-ups lock for a
// while and the rating by code for good; the per-address limit is the route's.
import { timingSafeEqual } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { normaliseTrackingCode, trackingCodePattern } from '@minyi/domain/opinions';
import { transact, type Ctx } from '../../../platform/context';
import { AppError, notFound } from '../../../platform/errors';
import { jurisdictions } from '../../registry';
import { opinionEvents, opinions, opinionTrackingGuards } from '../opinions.table';
import { readOpinionSettingsCached } from '../opinions.repository';
import { phoneCheckOf } from '../commands/submit-opinion';
import { getSuggestionOutcome } from '../../suggestions';
import type { OpinionRow } from '../opinions.repository';

const NOT_FOUND = {
  zh: '查询码或手机尾号不正确，意见',
  en: 'opinion (check the code and the last four digits)',
};

/** 429 while a code is locked; `retryAfter` (seconds) goes into the Retry-After header. */
export const trackingLocked = (until: Date) =>
  new AppError(
    429,
    'tracking_locked',
    {
      zh: '该查询码的尝试次数过多，已暂时锁定，请稍后再试',
      en: 'Too many wrong attempts on this tracking code; it is locked for a while',
    },
    { retryAfter: Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)) },
  );

export const ratingLocked = () =>
  new AppError(403, 'rating_locked', {
    zh: '该查询码曾被多次尝试，为防冒用已停止在线评价，请联系人大工作人员',
    en: 'This tracking code was guessed at too often, so it can no longer rate online; please contact the congress staff',
  });

type Checked = { kind: 'locked'; until: Date } | { kind: 'wrong' } | { kind: 'right'; ratingLocked: boolean };

/**
 * Checks one look-up against the code's guard row, taken FOR UPDATE (the upsert makes it on the first
 * look-up): concurrent guesses at one code are checked one after another, so a burst cannot pass the
 * threshold. A wrong suffix counts; the lock is audited when it engages.
 */
async function checkGuarded(ctx: Ctx, o: OpinionRow, same: boolean): Promise<Checked> {
  const settings = await readOpinionSettingsCached(ctx.app.db, o.congressId);
  const g = opinionTrackingGuards;
  return transact(ctx, async (w) => {
    const [guard] = await w.db
      .insert(g)
      .values({ opinionId: o.id, congressId: o.congressId })
      .onConflictDoUpdate({ target: g.opinionId, set: { failures: sql`${g.failures}` } })
      .returning();
    const now = new Date();
    if (guard.lockedUntil && guard.lockedUntil > now) return { kind: 'locked', until: guard.lockedUntil };
    const where = eq(g.opinionId, o.id);
    if (same) {
      // The citizen got in below the threshold: the count starts again.
      if (!guard.ratingLockedAt && guard.failures > 0) await w.db.update(g).set({ failures: 0 }).where(where);
      return { kind: 'right', ratingLocked: !!guard.ratingLockedAt };
    }
    const failures = guard.failures + 1;
    const reached = failures >= settings.maxTrackingFailures;
    const lockedUntil = reached
      ? new Date(now.getTime() + settings.trackingLockMinutes * 60_000)
      : guard.lockedUntil;
    await w.db
      .update(g)
      .set({
        failures,
        lockedUntil,
        ratingLockedAt: reached ? (guard.ratingLockedAt ?? now) : guard.ratingLockedAt,
      })
      .where(where);
    if (failures === settings.maxTrackingFailures)
      await w.audit({
        action: 'opinion.lockTracking',
        entityType: 'opinion',
        entityId: o.id,
        congressId: o.congressId,
        after: { failures, lockedUntil, ratingLocked: true },
      });
    return { kind: 'wrong' };
  });
}

/**
 * Finds the opinion only when both the code and the phone's last four digits match, and the code is not
 * locked. Returns whether the citizen's rating by code is locked.
 */
export async function findTracked(
  ctx: Ctx,
  code: string,
  phoneLast4: string,
): Promise<{ opinion: OpinionRow; ratingLocked: boolean }> {
  const trackingCode = normaliseTrackingCode(code);
  if (!trackingCodePattern.test(trackingCode)) throw notFound(NOT_FOUND);
  const [o] = await ctx.app.db.select().from(opinions).where(eq(opinions.trackingCode, trackingCode));
  const expected = Buffer.from(o?.phoneCheck ?? '0'.repeat(64));
  const given = Buffer.from(phoneCheckOf(ctx, trackingCode, phoneLast4));
  const same = expected.length === given.length && timingSafeEqual(expected, given);
  if (!o) throw notFound(NOT_FOUND);
  const checked = await checkGuarded(ctx, o, same);
  if (checked.kind === 'locked') throw trackingLocked(checked.until);
  if (checked.kind === 'wrong') throw notFound(NOT_FOUND);
  return { opinion: o, ratingLocked: checked.ratingLocked };
}

/** Whether the citizen's rating by code is locked (staff see it on the item). */
export async function isRatingLocked(ctx: Ctx, opinionId: string): Promise<boolean> {
  const [guard] = await ctx.app.db
    .select({ ratingLockedAt: opinionTrackingGuards.ratingLockedAt })
    .from(opinionTrackingGuards)
    .where(eq(opinionTrackingGuards.opinionId, opinionId));
  return !!guard?.ratingLockedAt;
}

export async function trackOpinion(ctx: Ctx, code: string, phoneLast4: string) {
  const { opinion, ratingLocked } = await findTracked(ctx, code, phoneLast4);
  return presentTracked(ctx, opinion, ratingLocked);
}

export async function presentTracked(ctx: Ctx, o: OpinionRow, ratingLocked: boolean) {
  const db = ctx.app.db;
  const events = await db
    .select({
      kind: opinionEvents.kind,
      note: opinionEvents.note,
      data: opinionEvents.data,
      at: opinionEvents.createdAt,
    })
    .from(opinionEvents)
    .where(and(eq(opinionEvents.opinionId, o.id), eq(opinionEvents.isPublic, true)))
    .orderBy(asc(opinionEvents.createdAt));
  const [street] = await db
    .select({ name: jurisdictions.name, nameEn: jurisdictions.nameEn })
    .from(jurisdictions)
    .where(eq(jurisdictions.id, o.streetId));
  let mergedInto: { trackingStatus: string; replyContent: string | null } | null = null;
  if (o.mergedIntoId) {
    const [t] = await db
      .select({ status: opinions.status, replyContent: opinions.replyContent })
      .from(opinions)
      .where(eq(opinions.id, o.mergedIntoId));
    if (t) mergedInto = { trackingStatus: t.status, replyContent: t.replyContent };
  }
  return {
    trackingCode: o.trackingCode,
    status: o.status,
    category: o.category,
    street: street ?? null,
    content: o.publicContent,
    submittedAt: o.createdAt,
    deadlineAt: o.status === 'forwarded' ? o.deadlineAt : null,
    decisionNote: o.status === 'inadmissible' ? o.decisionNote : null,
    reply: o.replyContent ? { outcome: o.replyOutcome, content: o.replyContent, at: o.repliedAt } : null,
    rating: o.rating,
    canRate: !ratingLocked && (o.status === 'replied' || o.status === 'answeredOnSpot'),
    ratingLocked,
    mergedInto,
    suggestion: o.suggestionId ? await getSuggestionOutcome(db, o.congressId, o.suggestionId) : null,
    timeline: events.map((e) => ({
      kind: e.kind,
      note: e.note,
      at: e.at,
      ...(typeof e.data.outcome === 'string' ? { outcome: e.data.outcome } : {}),
      ...(typeof e.data.rating === 'string' ? { rating: e.data.rating } : {}),
    })),
  };
}
