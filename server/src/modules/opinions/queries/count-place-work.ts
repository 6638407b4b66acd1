// For the activities module's campaign dashboard: the receptions held and people received at some liaison
// places in a period, and the opinions collected there (and those given by id: an activity's findings), with
// how many are solved and in progress, per street. "Solved" is this module's: closed as resolved
// (closedResolved, the figure opinion-statistics.ts reports).
import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '@minyi/domain/opinions';
import type { Db } from '../../../db/client';
import { opinions, receptions } from '../opinions.table';

export interface PlaceWork {
  streetId: string;
  receptions: number;
  received: number;
  opinions: number;
  solved: number;
  inProgress: number;
}

export async function countPlaceWork(
  db: Db,
  input: { congressId: string; placeIds: string[]; opinionIds: string[]; from: Date; to: Date },
): Promise<PlaceWork[]> {
  const byStreet = new Map<string, PlaceWork>();
  const line = (streetId: string) => {
    let l = byStreet.get(streetId);
    if (!l)
      byStreet.set(
        streetId,
        (l = { streetId, receptions: 0, received: 0, opinions: 0, solved: 0, inProgress: 0 }),
      );
    return l;
  };
  if (input.placeIds.length) {
    const rec = await db
      .select({
        streetId: receptions.streetId,
        n: sql<number>`count(*)::int`,
        people: sql<number>`coalesce(sum(${receptions.peopleReceived}), 0)::int`,
      })
      .from(receptions)
      .where(
        and(
          eq(receptions.congressId, input.congressId),
          eq(receptions.status, 'held'),
          inArray(receptions.liaisonPlaceId, input.placeIds),
          gte(receptions.startsAt, input.from),
          lt(receptions.startsAt, input.to),
        ),
      )
      .groupBy(receptions.streetId);
    for (const r of rec) {
      const l = line(r.streetId);
      l.receptions += Number(r.n);
      l.received += Number(r.people);
    }
  }
  const atPlaces = input.placeIds.length
    ? and(
        inArray(opinions.liaisonPlaceId, input.placeIds),
        gte(opinions.createdAt, input.from),
        lt(opinions.createdAt, input.to),
      )
    : undefined;
  const byId = input.opinionIds.length ? inArray(opinions.id, input.opinionIds) : undefined;
  if (atPlaces || byId) {
    const open = sql.join(
      OPEN_STATUSES.map((s) => sql`${s}`),
      sql`, `,
    );
    const ops = await db
      .select({
        streetId: opinions.streetId,
        n: sql<number>`count(*)::int`,
        solved: sql<number>`count(*) FILTER (WHERE ${opinions.status} = 'closedResolved')::int`,
        inProgress: sql<number>`count(*) FILTER (WHERE ${opinions.status} IN (${open}))::int`,
      })
      .from(opinions)
      .where(and(eq(opinions.congressId, input.congressId), or(atPlaces, byId)))
      .groupBy(opinions.streetId);
    for (const o of ops) {
      const l = line(o.streetId);
      l.opinions += Number(o.n);
      l.solved += Number(o.solved);
      l.inProgress += Number(o.inProgress);
    }
  }
  return [...byStreet.values()];
}
