// Deputies as anyone may see them: no personal data (public).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { decodeCursor, page } from '../../../platform/http';

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(db: Db, q: SQL) => ((await db.execute(q)) as unknown as Rows<T>).rows;

interface PublicDeputyRow {
  id: string;
  name: string;
  gender: string;
  party: string;
  occupation: string;
}

interface PrimaryMandateRow {
  deputy_id: string;
  level: string;
  ed_id: string | null;
  ed_name: string | null;
  street_id: string | null;
  street_name: string | null;
  place_id: string | null;
  place_name: string | null;
}

/**
 * Deputies with an active mandate, one row each (the mandate held in this congress first), in name order.
 * Only what a deputy's public profile shows: no phone, ID number, address or employer. The page is taken
 * first and the mandates shown are looked up for that page only.
 */
export async function findPublicDeputies(
  db: Db,
  congressId: string,
  f: { streetId?: string; electoralDistrictId?: string; q?: string; cursor?: string; limit: number },
) {
  const after = decodeCursor(f.cursor, ['text', 'uuid']);
  const mandateFilter = sql`m.status = 'active'
      ${f.streetId ? sql`AND m.street_id = ${f.streetId}` : sql``}
      ${f.electoralDistrictId ? sql`AND m.electoral_district_id = ${f.electoralDistrictId}` : sql``}`;
  const rows = await rowsOf<PublicDeputyRow>(
    db,
    sql`
    SELECT d.id, d.name, d.gender, d.party, d.occupation
    FROM deputies d
    WHERE d.congress_id = ${congressId}
      AND d.id IN (SELECT m.deputy_id FROM mandates m WHERE ${mandateFilter})
      ${f.q ? sql`AND d.name ILIKE ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`}` : sql``}
      ${after ? sql`AND (d.name, d.id) > (${String(after[0])}, ${String(after[1])}::uuid)` : sql``}
    ORDER BY d.name, d.id
    LIMIT ${f.limit + 1}`,
  );
  const paged = page(rows, f.limit, (r) => [r.name, r.id]);
  const ids = paged.items.map((r) => r.id);
  const primary = ids.length
    ? await rowsOf<PrimaryMandateRow>(
        db,
        sql`
        SELECT DISTINCT ON (m.deputy_id) m.deputy_id, m.level,
               ed.id AS ed_id, ed.name AS ed_name, s.id AS street_id, s.name AS street_name, lp.id AS place_id, lp.name AS place_name
        FROM mandates m
        LEFT JOIN electoral_districts ed ON ed.id = m.electoral_district_id
        LEFT JOIN jurisdictions s ON s.id = m.street_id
        LEFT JOIN liaison_places lp ON lp.id = m.liaison_place_id
        WHERE m.deputy_id IN (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )}) AND ${mandateFilter}
        ORDER BY m.deputy_id, (m.congress_id = ${congressId}) DESC, m.created_at ASC`,
      )
    : [];
  const byDeputy = new Map(primary.map((m) => [m.deputy_id, m]));
  return {
    items: paged.items.map((r) => {
      const m = byDeputy.get(r.id);
      return {
        id: r.id,
        name: r.name,
        gender: r.gender,
        party: r.party,
        occupation: r.occupation,
        level: m?.level ?? 'district',
        electoralDistrict: m?.ed_id ? { id: m.ed_id, name: m.ed_name! } : null,
        street: m?.street_id ? { id: m.street_id, name: m.street_name! } : null,
        liaisonPlace: m?.place_id ? { id: m.place_id, name: m.place_name! } : null,
      };
    }),
    nextCursor: paged.nextCursor,
  };
}
