// For the activities module: where the opinions made from an activity's findings stand (status, deadline,
// tracking code), so the activity's record shows each finding's progress without reading this module's tables.
import { and, eq, inArray } from 'drizzle-orm';
import type { OpinionStatus, Rating, ReplyOutcome } from '@minyi/domain/opinions';
import type { Db } from '../../../db/client';
import { opinions } from '../opinions.table';

export async function getOpinionStates(
  db: Db,
  congressId: string,
  ids: string[],
): Promise<Map<string, { status: OpinionStatus; trackingCode: string; deadlineAt: Date | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: opinions.id,
      status: opinions.status,
      trackingCode: opinions.trackingCode,
      deadlineAt: opinions.deadlineAt,
    })
    .from(opinions)
    .where(and(eq(opinions.congressId, congressId), inArray(opinions.id, ids)));
  return new Map(rows.map(({ id, ...r }) => [id, r]));
}

/**
 * For the activities module: the unit's answer to each opinion made from a firm's problem (status, the reply's
 * outcome and text, the firm's rating), so the deputy's list of problems shows it without reading this module's
 * tables. Read only; the opinions' own lists and steps are untouched.
 */
export async function getOpinionAnswers(
  db: Db,
  congressId: string,
  ids: string[],
): Promise<
  Map<
    string,
    {
      status: OpinionStatus;
      deadlineAt: Date | null;
      replyOutcome: ReplyOutcome | null;
      replyContent: string | null;
      repliedAt: Date | null;
      rating: Rating | null;
      ratedAt: Date | null;
      reopenCount: number;
    }
  >
> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: opinions.id,
      status: opinions.status,
      deadlineAt: opinions.deadlineAt,
      replyOutcome: opinions.replyOutcome,
      replyContent: opinions.replyContent,
      repliedAt: opinions.repliedAt,
      rating: opinions.rating,
      ratedAt: opinions.ratedAt,
      reopenCount: opinions.reopenCount,
    })
    .from(opinions)
    .where(and(eq(opinions.congressId, congressId), inArray(opinions.id, ids)));
  return new Map(rows.map(({ id, ...r }) => [id, r]));
}
