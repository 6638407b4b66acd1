// Liaison places with their hours and deputies (public).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(db: Db, q: SQL) => ((await db.execute(q)) as unknown as Rows<T>).rows;

interface PlaceRow {
  id: string;
  kind: 'home' | 'station' | 'point';
  name: string;
  sector: string | null;
  street_id: string;
  street_name: string;
  address: string;
  opening_hours: string;
  phone: string;
  latitude: number | null;
  longitude: number | null;
}

/** Liaison places with the deputies who hold an active mandate and are assigned there. */
export async function findPublicLiaisonPlaces(
  db: Db,
  congressId: string,
  f: { streetId?: string; kind?: string; id?: string },
) {
  const places = await rowsOf<PlaceRow>(
    db,
    sql`
    SELECT lp.id, lp.kind, lp.name, lp.sector, lp.street_id, s.name AS street_name, lp.address, lp.opening_hours, lp.phone, lp.latitude, lp.longitude
    FROM liaison_places lp JOIN jurisdictions s ON s.id = lp.street_id
    WHERE lp.congress_id = ${congressId} AND lp.active
      ${f.streetId ? sql`AND lp.street_id = ${f.streetId}` : sql``}
      ${f.kind ? sql`AND lp.kind = ${f.kind}` : sql``}
      ${f.id ? sql`AND lp.id = ${f.id}` : sql``}
    ORDER BY CASE lp.kind WHEN 'home' THEN 0 WHEN 'station' THEN 1 ELSE 2 END, s.code, lp.name, lp.id`,
  );
  const ids = places.map((p) => p.id);
  const assigned = ids.length
    ? await rowsOf<{ place_id: string; id: string; name: string }>(
        db,
        sql`
        SELECT lpd.liaison_place_id AS place_id, d.id, d.name
        FROM liaison_place_deputies lpd JOIN deputies d ON d.id = lpd.deputy_id
        WHERE lpd.congress_id = ${congressId} AND lpd.liaison_place_id IN (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})
          AND d.id IN (SELECT m.deputy_id FROM mandates m WHERE m.status = 'active')
        ORDER BY d.name, d.id`,
      )
    : [];
  return {
    items: places.map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      sector: p.sector,
      street: { id: p.street_id, name: p.street_name },
      address: p.address,
      openingHours: p.opening_hours,
      phone: p.phone,
      latitude: p.latitude,
      longitude: p.longitude,
      deputies: assigned.filter((a) => a.place_id === p.id).map((a) => ({ id: a.id, name: a.name })),
    })),
  };
}
