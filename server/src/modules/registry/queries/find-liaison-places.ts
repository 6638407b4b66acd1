// Liaison places of the congress with their deputies, filtered and paged, as staff see them.
import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { decodeCursor, page } from '../../../platform/http';
import { liaisonPlaceDeputies, liaisonPlaces, deputies } from '../registry.table';

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

export async function placeDeputies(db: Db, placeIds: string[]) {
  if (placeIds.length === 0) return new Map<string, { id: string; name: string }[]>();
  const rows = await db
    .select({ placeId: liaisonPlaceDeputies.liaisonPlaceId, id: deputies.id, name: deputies.name })
    .from(liaisonPlaceDeputies)
    .innerJoin(deputies, eq(deputies.id, liaisonPlaceDeputies.deputyId))
    .where(
      sql`${liaisonPlaceDeputies.liaisonPlaceId} IN (${sql.join(
        placeIds.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`,
    )
    .orderBy(asc(deputies.name), asc(deputies.id));
  const out = new Map<string, { id: string; name: string }[]>();
  for (const r of rows) out.set(r.placeId, [...(out.get(r.placeId) ?? []), { id: r.id, name: r.name }]);
  return out;
}

export function presentPlace(
  p: typeof liaisonPlaces.$inferSelect,
  deputyList: { id: string; name: string }[],
) {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    sector: p.sector,
    streetId: p.streetId,
    communityId: p.communityId,
    address: p.address,
    openingHours: p.openingHours,
    phone: p.phone,
    latitude: p.latitude,
    longitude: p.longitude,
    active: p.active,
    deputies: deputyList,
  };
}

export async function findLiaisonPlaces(
  db: Db,
  congressId: string,
  f: { streetId?: string; kind?: string; q?: string; cursor?: string; limit: number },
) {
  const after = decodeCursor(f.cursor, ['text', 'uuid']);
  const conds: (SQL | undefined)[] = [eq(liaisonPlaces.congressId, congressId)];
  if (f.streetId) conds.push(eq(liaisonPlaces.streetId, f.streetId));
  if (f.kind) conds.push(eq(liaisonPlaces.kind, f.kind as 'home'));
  if (f.q) conds.push(sql`${liaisonPlaces.name} ILIKE ${like(f.q)}`);
  if (after) {
    conds.push(
      or(
        gt(liaisonPlaces.name, String(after[0])),
        and(eq(liaisonPlaces.name, String(after[0])), gt(liaisonPlaces.id, String(after[1]))),
      ),
    );
  }
  const rows = await db
    .select()
    .from(liaisonPlaces)
    .where(and(...conds))
    .orderBy(asc(liaisonPlaces.name), asc(liaisonPlaces.id))
    .limit(f.limit + 1);
  const paged = page(rows, f.limit, (r) => [r.name, r.id]);
  const ds = await placeDeputies(
    db,
    paged.items.map((p) => p.id),
  );
  return { items: paged.items.map((p) => presentPlace(p, ds.get(p.id) ?? [])), nextCursor: paged.nextCursor };
}
