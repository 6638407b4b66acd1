// The citizen's view by tracking code + last four digits of the phone: status and the public timeline,
// never the phone, the name or any other personal data. A wrong code and a wrong suffix look the same.
// Wrong suffixes are counted per code (issue 22 item 3a): past the threshold the code's look-ups lock for a
// while and the rating by code for good; the per-address limit is the route's.
import { timingSafeEqual } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { normaliseTrackingCode, trackingCodePattern } from '@minyi/domain/opinions';
import { transact, type Ctx } from '../../../platform/context';
import { AppError, notFound } from '../../../platform/errors';
import { jurisdictions } from '../../../platform/platform.table';
import { opinionEvents, opinions, opinionTrackingGuards } from '../opinions.table';
import { readOpinionSettingsCached } from '../opinions.repository';
import { phoneCheckOf } from '../commands/submit-opinion';
import { getSuggestionOutcome } from '../opinions.integrations';
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

type Guard = typeof opinionTrackingGuards.$inferSelect;

const readGuard = async (ctx: Ctx, opinionId: string): Promise<Guard | undefined> =>
  (
    await ctx.app.db
      .select()
      .from(opinionTrackingGuards)
      .where(eq(opinionTrackingGuards.opinionId, opinionId))
  )[0];

/** Counts a wrong suffix in one statement (concurrent guesses each count) and audits the lock when it engages. */
async function countFailure(ctx: Ctx, o: OpinionRow): Promise<void> {
  const settings = await readOpinionSettingsCached(ctx.app.db, o.congressId);
  await transact(ctx, async (w) => {
    const lockAt = sql`now() + make_interval(mins => ${settings.trackingLockMinutes})`;
    const reached = sql`${opinionTrackingGuards.failures} + 1 >= ${settings.maxTrackingFailures}`;
    const [g] = await w.db
      .insert(opinionTrackingGuards)
      .values({
        opinionId: o.id,
        congressId: o.congressId,
        failures: 1,
        ...(settings.maxTrackingFailures <= 1
          ? { lockedUntil: sql`${lockAt}`, ratingLockedAt: sql`now()` }
          : {}),
      })
      .onConflictDoUpdate({
        target: opinionTrackingGuards.opinionId,
        set: {
          failures: sql`${opinionTrackingGuards.failures} + 1`,
          lockedUntil: sql`CASE WHEN ${reached} THEN ${lockAt} ELSE ${opinionTrackingGuards.lockedUntil} END`,
          ratingLockedAt: sql`CASE WHEN ${reached} THEN coalesce(${opinionTrackingGuards.ratingLockedAt}, now()) ELSE ${opinionTrackingGuards.ratingLockedAt} END`,
        },
      })
      .returning();
    if (g.failures === settings.maxTrackingFailures) {
      await w.audit({
        action: 'opinion.lockTracking',
        entityType: 'opinion',
        entityId: o.id,
        congressId: o.congressId,
        after: { failures: g.failures, lockedUntil: g.lockedUntil, ratingLocked: true },
      });
    }
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
  const guard = o ? await readGuard(ctx, o.id) : undefined;
  if (guard?.lockedUntil && guard.lockedUntil.getTime() > Date.now()) throw trackingLocked(guard.lockedUntil);
  const expected = Buffer.from(o?.phoneCheck ?? '0'.repeat(64));
  const given = Buffer.from(phoneCheckOf(ctx, trackingCode, phoneLast4));
  const same = expected.length === given.length && timingSafeEqual(expected, given);
  if (o && !same) await countFailure(ctx, o);
  if (!o || !same) throw notFound(NOT_FOUND);
  const locked = !!guard?.ratingLockedAt;
  // The citizen got in below the threshold: the count starts again.
  if (guard && !locked && guard.failures > 0)
    await ctx.app.db
      .update(opinionTrackingGuards)
      .set({ failures: 0 })
      .where(eq(opinionTrackingGuards.opinionId, o.id));
  return { opinion: o, ratingLocked: locked };
}

/** Whether the citizen's rating by code is locked (staff see it on the item). */
export async function isRatingLocked(ctx: Ctx, opinionId: string): Promise<boolean> {
  return !!(await readGuard(ctx, opinionId))?.ratingLockedAt;
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
