// What anyone may see without signing in: the congress, its streets, electoral districts, deputies (no
// personal data) and liaison places with their hours.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { decodeCursor, page } from '../../../platform/http';
import { notFound } from '../../../platform/errors';
import { congresses } from '../../../platform/platform.table';
import { electoralDistricts, jurisdictions } from '../registry.table';
import { getCurrentSitting, getCurrentTerm } from '../registry.repository';

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(db: Db, q: SQL) => ((await db.execute(q)) as unknown as Rows<T>).rows;

export async function getPublicCongress(db: Db, congressId: string) {
  const [c] = await db.select().from(congresses).where(eq(congresses.id, congressId));
  if (!c) throw notFound({ zh: '人大', en: 'congress' });
  const term = await getCurrentTerm(db, congressId);
  const sitting = await getCurrentSitting(db, congressId);
  const streets = await db
    .select({ id: jurisdictions.id, name: jurisdictions.name, nameEn: jurisdictions.nameEn })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.congressId, congressId), eq(jurisdictions.level, 'street')))
    .orderBy(asc(jurisdictions.code), asc(jurisdictions.name));
  return {
    id: c.id,
    name: c.name,
    nameEn: c.nameEn,
    level: c.level,
    currentTerm: term ? { id: term.id, number: term.number } : null,
    currentSitting: sitting ? { id: sitting.id, number: sitting.number, status: sitting.status } : null,
    streets,
  };
}

export async function findJurisdictions(
  db: Db,
  congressId: string,
  f: { level?: string; parentId?: string },
) {
  const conds = [eq(jurisdictions.congressId, congressId)];
  if (f.level) conds.push(eq(jurisdictions.level, f.level as 'street'));
  if (f.parentId) conds.push(eq(jurisdictions.parentId, f.parentId));
  const items = await db
    .select({
      id: jurisdictions.id,
      name: jurisdictions.name,
      nameEn: jurisdictions.nameEn,
      level: jurisdictions.level,
      parentId: jurisdictions.parentId,
      code: jurisdictions.code,
    })
    .from(jurisdictions)
    .where(and(...conds))
    .orderBy(asc(jurisdictions.code), asc(jurisdictions.name), asc(jurisdictions.id));
  return { items };
}

export async function findPublicElectoralDistricts(db: Db, congressId: string, streetId?: string) {
  const conds = [eq(electoralDistricts.congressId, congressId)];
  if (streetId) conds.push(eq(electoralDistricts.streetId, streetId));
  const items = await db
    .select({
      id: electoralDistricts.id,
      name: electoralDistricts.name,
      streetId: electoralDistricts.streetId,
      seats: electoralDistricts.seats,
    })
    .from(electoralDistricts)
    .where(and(...conds))
    .orderBy(asc(electoralDistricts.id));
  return { items };
}

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

export async function getPublicLiaisonPlace(db: Db, congressId: string, id: string) {
  const { items } = await findPublicLiaisonPlaces(db, congressId, { id });
  if (!items[0]) throw notFound({ zh: '联络站点', en: 'liaison place' });
  return items[0];
}
