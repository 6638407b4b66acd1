// The citizen's view by tracking code + last four digits of the phone: status and the public timeline,
// never the phone, the name or any other personal data. A wrong code and a wrong suffix look the same.
import { timingSafeEqual } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { normaliseTrackingCode, trackingCodePattern } from '@minyi/domain/opinions';
import type { Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { jurisdictions } from '../../registry';
import { opinionEvents, opinions } from '../opinions.table';
import { phoneCheckOf } from '../commands/submit-opinion';
import { getSuggestionOutcome } from '../opinions.integrations';
import type { OpinionRow } from '../opinions.repository';

const NOT_FOUND = {
  zh: '查询码或手机尾号不正确，意见',
  en: 'opinion (check the code and the last four digits)',
};

/** Finds the opinion only when both the code and the phone's last four digits match. */
export async function findTracked(ctx: Ctx, code: string, phoneLast4: string): Promise<OpinionRow> {
  const trackingCode = normaliseTrackingCode(code);
  if (!trackingCodePattern.test(trackingCode)) throw notFound(NOT_FOUND);
  const [o] = await ctx.app.db.select().from(opinions).where(eq(opinions.trackingCode, trackingCode));
  const expected = Buffer.from(o?.phoneCheck ?? '0'.repeat(64));
  const given = Buffer.from(phoneCheckOf(ctx, trackingCode, phoneLast4));
  const same = expected.length === given.length && timingSafeEqual(expected, given);
  if (!o || !same) throw notFound(NOT_FOUND);
  return o;
}

export async function trackOpinion(ctx: Ctx, code: string, phoneLast4: string) {
  const o = await findTracked(ctx, code, phoneLast4);
  return presentTracked(ctx, o);
}

export async function presentTracked(ctx: Ctx, o: OpinionRow) {
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
    canRate: o.status === 'replied' || o.status === 'answeredOnSpot',
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
