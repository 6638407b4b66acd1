// For the activities module: where the opinions made from an activity's findings stand (status, deadline,
// tracking code), so the activity's record shows each finding's progress without reading this module's tables.
import { and, eq, inArray } from 'drizzle-orm';
import type { OpinionStatus } from '@minyi/domain/opinions';
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
