// The register of office-holders: who held which post on a date (today by default), optionally one post (its
// name contains the text given), with the case that appointed them. Staff and leaders.
import { and, asc, eq, gt, ilike, isNull, lte, or, sql } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { decodeCursor, page } from '../../../platform/http';
import { officeHoldings } from '../meetings.table';

export async function findOfficeHolders(
  db: Db,
  actor: Actor,
  q: { post?: string; date?: string; cursor?: string; limit: number },
) {
  const date = q.date ?? shanghaiDate(new Date());
  const after = decodeCursor(q.cursor, ['text', 'uuid']);
  const rows = await db
    .select({
      id: officeHoldings.id,
      post: officeHoldings.post,
      organization: officeHoldings.organization,
      holderName: officeHoldings.holderName,
      acting: officeHoldings.acting,
      startedOn: officeHoldings.startedOn,
      endedOn: officeHoldings.endedOn,
      endReason: officeHoldings.endReason,
      appointmentId: officeHoldings.appointmentId,
    })
    .from(officeHoldings)
    .where(
      and(
        eq(officeHoldings.congressId, actor.congressId),
        lte(officeHoldings.startedOn, date),
        or(isNull(officeHoldings.endedOn), gt(officeHoldings.endedOn, date)),
        q.post ? ilike(officeHoldings.post, `%${q.post.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        after
          ? sql`(${officeHoldings.post}, ${officeHoldings.id}) > (${after[0]}, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(officeHoldings.post), asc(officeHoldings.id))
    .limit(q.limit + 1);
  return { date, ...page(rows, q.limit, (r) => [r.post, r.id]) };
}
