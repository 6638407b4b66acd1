// The register of office-holders: who held which post on a date (today by default), optionally one post (its
// name contains the text given), with the case that appointed them (staff and leaders); and the public's view of
// today's holders: post, name, organ, acting or not, since when (no case, no departures, no reasons).
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
    .where(holdingOn(actor.congressId, date, q))
    .orderBy(asc(officeHoldings.post), asc(officeHoldings.id))
    .limit(q.limit + 1);
  return { date, ...page(rows, q.limit, (r) => [r.post, r.id]) };
}

/** The holdings of the congress in force on the date, optionally of the posts named like `post`, after the cursor. */
function holdingOn(congressId: string, date: string, q: { post?: string; cursor?: string }) {
  const after = decodeCursor(q.cursor, ['text', 'uuid']);
  return and(
    eq(officeHoldings.congressId, congressId),
    lte(officeHoldings.startedOn, date),
    or(isNull(officeHoldings.endedOn), gt(officeHoldings.endedOn, date)),
    q.post ? ilike(officeHoldings.post, `%${q.post.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    after
      ? sql`(${officeHoldings.post}, ${officeHoldings.id}) > (${after[0]}, ${after[1]}::uuid)`
      : undefined,
  );
}

/** Today's office-holders for the public: only post, name, organ, acting and since (the row's id is in the cursor only). */
export async function findPublicOfficeHolders(
  db: Db,
  congressId: string,
  q: { post?: string; cursor?: string; limit: number },
) {
  const date = shanghaiDate(new Date());
  const rows = await db
    .select({
      id: officeHoldings.id,
      post: officeHoldings.post,
      holderName: officeHoldings.holderName,
      organization: officeHoldings.organization,
      acting: officeHoldings.acting,
      startedOn: officeHoldings.startedOn,
    })
    .from(officeHoldings)
    .where(holdingOn(congressId, date, q))
    .orderBy(asc(officeHoldings.post), asc(officeHoldings.id))
    .limit(q.limit + 1);
  const { items, nextCursor } = page(rows, q.limit, (r) => [r.post, r.id]);
  return { date, items: items.map(({ id: _id, ...holding }) => holding), nextCursor };
}
