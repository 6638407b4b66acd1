// Reception schedules: the public list of upcoming receptions, the staff list, one reception with its
// deputies and registered opinions, and the count a deputy's performance record uses.
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { requireRole } from '../../../platform/access';
import type { Actor, Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { decodeCursor, page } from '../../../platform/http';
import { RECEPTION, receptionAbilities } from '../opinions.repository';
import { deputies, liaisonPlaces } from '../../registry';
import { opinions, receptionDeputies, receptions } from '../opinions.table';

async function withDeputies(db: Db, rows: (typeof receptions.$inferSelect)[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const ds = await db
    .select({
      receptionId: receptionDeputies.receptionId,
      id: deputies.id,
      name: deputies.name,
      checkedInAt: receptionDeputies.checkedInAt,
    })
    .from(receptionDeputies)
    .innerJoin(deputies, eq(deputies.id, receptionDeputies.deputyId))
    .where(inArray(receptionDeputies.receptionId, ids));
  const places = await db
    .select({ id: liaisonPlaces.id, name: liaisonPlaces.name, address: liaisonPlaces.address })
    .from(liaisonPlaces)
    .where(inArray(liaisonPlaces.id, [...new Set(rows.map((r) => r.liaisonPlaceId))]));
  return rows.map((r) => ({
    id: r.id,
    liaisonPlace: places.find((p) => p.id === r.liaisonPlaceId) ?? {
      id: r.liaisonPlaceId,
      name: '',
      address: '',
    },
    streetId: r.streetId,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    topic: r.topic,
    status: r.status,
    deputies: ds
      .filter((d) => d.receptionId === r.id)
      .map((d) => ({ id: d.id, name: d.name, checkedIn: d.checkedInAt !== null })),
  }));
}

export async function findPublicReceptions(
  db: Db,
  input: { congressId: string; liaisonPlaceId?: string; streetId?: string; limit: number },
) {
  const where: SQL[] = [
    eq(receptions.congressId, input.congressId),
    eq(receptions.status, 'scheduled'),
    gte(receptions.endsAt, new Date()),
  ];
  if (input.liaisonPlaceId) where.push(eq(receptions.liaisonPlaceId, input.liaisonPlaceId));
  if (input.streetId) where.push(eq(receptions.streetId, input.streetId));
  const rows = await db
    .select()
    .from(receptions)
    .where(and(...where))
    .orderBy(asc(receptions.startsAt))
    .limit(input.limit);
  return { items: await withDeputies(db, rows) };
}

/** The staff's and deputies' list, newest first, cursor-paged, each with what the actor may do now. */
export async function findReceptions(
  db: Db,
  actor: Actor,
  input: {
    congressId: string;
    liaisonPlaceId?: string;
    streetId?: string;
    status?: string;
    cursor?: string;
    limit: number;
  },
) {
  const where: SQL[] = [eq(receptions.congressId, input.congressId)];
  if (input.liaisonPlaceId) where.push(eq(receptions.liaisonPlaceId, input.liaisonPlaceId));
  if (input.streetId) where.push(eq(receptions.streetId, input.streetId));
  if (input.status) where.push(eq(receptions.status, input.status as 'scheduled'));
  // Keyset on (startsAt, id): many receptions start at the same hour (09:30 at every place), so a cursor on
  // the time alone would skip the rest of a tie at a page boundary.
  const cursor = decodeCursor(input.cursor, ['timestamp', 'uuid']);
  if (cursor)
    where.push(
      sql`(${receptions.startsAt}, ${receptions.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`,
    );
  const rows = await db
    .select()
    .from(receptions)
    .where(and(...where))
    .orderBy(desc(receptions.startsAt), desc(receptions.id))
    .limit(input.limit + 1);
  const items = await withDeputies(db, rows.slice(0, input.limit));
  const counts = items.length
    ? await db
        .select({ receptionId: opinions.receptionId, n: count() })
        .from(opinions)
        .where(
          inArray(
            opinions.receptionId,
            items.map((i) => i.id),
          ),
        )
        .groupBy(opinions.receptionId)
    : [];
  const full = rows.slice(0, input.limit);
  return {
    items: items.map((i, k) => ({
      ...i,
      abilities: receptionAbilities(actor, i).abilities,
      peopleReceived: full[k].peopleReceived,
      notes: full[k].notes,
      opinionCount: Number(counts.find((c) => c.receptionId === i.id)?.n ?? 0),
    })),
    nextCursor: page(rows, input.limit, (r) => [r.startsAt.toISOString(), r.id]).nextCursor,
  };
}

export async function getReception(db: Db, congressId: string, id: string) {
  const rows = await db
    .select()
    .from(receptions)
    .where(and(eq(receptions.id, id), eq(receptions.congressId, congressId)));
  if (!rows[0]) return null;
  const [item] = await withDeputies(db, rows);
  const ops = await db
    .select({
      id: opinions.id,
      trackingCode: opinions.trackingCode,
      content: opinions.publicContent,
      status: opinions.status,
      category: opinions.category,
    })
    .from(opinions)
    .where(eq(opinions.receptionId, id))
    .orderBy(asc(opinions.createdAt));
  return { ...item, peopleReceived: rows[0].peopleReceived, notes: rows[0].notes, opinions: ops };
}

/**
 * Receptions a deputy attended (checked in, record made), for the deputy's performance record; the record reads
 * the same count in one statement (activities/queries/deputy-work-statement.ts, ADR 0020): change both.
 */
export async function countDeputyReceptions(
  db: Db,
  congressId: string,
  deputyId: string,
  from?: Date,
  to?: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(receptionDeputies)
    .innerJoin(receptions, eq(receptions.id, receptionDeputies.receptionId))
    .where(
      and(
        eq(receptionDeputies.congressId, congressId),
        eq(receptionDeputies.deputyId, deputyId),
        isNotNull(receptionDeputies.checkedInAt),
        eq(receptions.status, 'held'),
        from ? gte(receptions.startsAt, from) : sql`true`,
        to ? lt(receptions.startsAt, to) : sql`true`,
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * One reception for staff or a deputy, with what the actor may do now (receptionAbilities): staff check any
 * deputy in, a deputy only themselves, from two hours before the start; the page shows the button where it
 * works.
 */
export async function getReceptionForActor(ctx: Ctx, id: string) {
  const actor = requireRole(ctx.actor, ['congressStaff', 'liaisonStaff', 'leader', 'deputy']);
  const rec = await getReception(ctx.app.db, actor.congressId, id);
  if (!rec) throw notFound(RECEPTION);
  const { canCheckIn, abilities } = receptionAbilities(actor, rec);
  return {
    ...rec,
    deputies: rec.deputies.map((d) => ({ ...d, canCheckIn: canCheckIn(d) })),
    abilities,
  };
}
