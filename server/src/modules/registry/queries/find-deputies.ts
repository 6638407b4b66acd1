// Staff views of deputies: the paged roll with their mandates (one deputy's record: get-deputy-record.ts).
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Pii } from '../../../platform/pii';
import { decodeCursor, page } from '../../../platform/http';
import { deputies } from '../registry.table';

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(db: Db, q: SQL) => ((await db.execute(q)) as unknown as Rows<T>).rows;

export interface MandateView {
  id: string;
  congressId: string;
  level: string;
  termId: string | null;
  termNumber: number | null;
  delegation: string;
  deputyGroup: string;
  electoralDistrict: { id: string; name: string } | null;
  street: { id: string; name: string } | null;
  liaisonPlace: { id: string; name: string } | null;
  status: 'active' | 'suspended' | 'terminated';
  statusReason: string;
  statusDate: string | null;
  startedOn: string | null;
}

interface MandateRow {
  id: string;
  deputy_id: string;
  congress_id: string;
  level: string;
  term_id: string | null;
  term_number: number | null;
  delegation: string;
  deputy_group: string;
  ed_id: string | null;
  ed_name: string | null;
  street_id: string | null;
  street_name: string | null;
  place_id: string | null;
  place_name: string | null;
  status: MandateView['status'];
  status_reason: string;
  status_date: string | null;
  started_on: string | null;
}

/** The mandates of some deputies, in every congress, by deputy. */
export async function findMandatesOf(db: Db, deputyIds: string[]): Promise<Map<string, MandateView[]>> {
  const out = new Map<string, MandateView[]>();
  if (deputyIds.length === 0) return out;
  const rows = await rowsOf<MandateRow>(
    db,
    sql`
    SELECT m.id, m.deputy_id, m.congress_id, m.level, m.term_id, t.number AS term_number, m.delegation, m.deputy_group,
           ed.id AS ed_id, ed.name AS ed_name, s.id AS street_id, s.name AS street_name, lp.id AS place_id, lp.name AS place_name,
           m.status, m.status_reason, m.status_date::text AS status_date, m.started_on::text AS started_on
    FROM mandates m
    LEFT JOIN terms t ON t.id = m.term_id
    LEFT JOIN electoral_districts ed ON ed.id = m.electoral_district_id
    LEFT JOIN jurisdictions s ON s.id = m.street_id
    LEFT JOIN liaison_places lp ON lp.id = m.liaison_place_id
    WHERE m.deputy_id IN (${sql.join(
      deputyIds.map((i) => sql`${i}::uuid`),
      sql`, `,
    )})
    ORDER BY m.created_at, m.id`,
  );
  for (const r of rows) {
    const list = out.get(r.deputy_id) ?? [];
    list.push({
      id: r.id,
      congressId: r.congress_id,
      level: r.level,
      termId: r.term_id,
      termNumber: r.term_number === null ? null : Number(r.term_number),
      delegation: r.delegation,
      deputyGroup: r.deputy_group,
      electoralDistrict: r.ed_id ? { id: r.ed_id, name: r.ed_name! } : null,
      street: r.street_id ? { id: r.street_id, name: r.street_name! } : null,
      liaisonPlace: r.place_id ? { id: r.place_id, name: r.place_name! } : null,
      status: r.status,
      statusReason: r.status_reason,
      statusDate: r.status_date,
      startedOn: r.started_on,
    });
    out.set(r.deputy_id, list);
  }
  return out;
}

export interface DeputyFilter {
  q?: string;
  streetId?: string;
  level?: string;
  status?: string;
  cursor?: string;
  limit: number;
}

export async function findDeputies(db: Db, pii: Pii, congressId: string, f: DeputyFilter) {
  const after = decodeCursor(f.cursor, ['text', 'uuid']);
  const mandateConds: SQL[] = [];
  if (f.streetId) mandateConds.push(sql`m.street_id = ${f.streetId}`);
  if (f.level) mandateConds.push(sql`m.level = ${f.level}`);
  if (f.status) mandateConds.push(sql`m.status = ${f.status}`);
  // A query that looks like a phone or ID number is looked up through the blind index.
  const q = f.q?.trim();
  const byPhone = q && /^1[3-9]\d{9}$/.test(q) ? pii.index('phone', q) : null;
  const byIdNumber = q && /^\d{17}[\dXx]$/.test(q) ? pii.index('idNumber', q) : null;
  const rows = await rowsOf<{ id: string; name: string }>(
    db,
    sql`
    SELECT d.id, d.name FROM deputies d
    WHERE d.congress_id = ${congressId}
      ${mandateConds.length ? sql`AND EXISTS (SELECT 1 FROM mandates m WHERE m.deputy_id = d.id AND ${sql.join(mandateConds, sql` AND `)})` : sql``}
      ${byPhone ? sql`AND d.phone_index = ${byPhone}` : byIdNumber ? sql`AND d.id_number_index = ${byIdNumber}` : q ? sql`AND (d.name ILIKE ${`%${q.replace(/[%_\\]/g, '\\$&')}%`} OR d.organization ILIKE ${`%${q.replace(/[%_\\]/g, '\\$&')}%`})` : sql``}
      ${after ? sql`AND (d.name, d.id) > (${String(after[0])}, ${String(after[1])}::uuid)` : sql``}
    ORDER BY d.name, d.id
    LIMIT ${f.limit + 1}`,
  );
  const paged = page(rows, f.limit, (r) => [r.name, r.id]);
  const ids = paged.items.map((r) => r.id);
  const full = ids.length ? await db.select().from(deputies).where(inArray(deputies.id, ids)) : [];
  const byId = new Map(full.map((d) => [d.id, d]));
  const mandates = await findMandatesOf(db, ids);
  return {
    items: ids.map((id) => {
      const d = byId.get(id)!;
      return {
        id: d.id,
        name: d.name,
        gender: d.gender,
        party: d.party,
        occupation: d.occupation,
        organization: d.organization,
        phone: pii.masked('phone', d.phoneEnc),
        mandates: mandates.get(id) ?? [],
      };
    }),
    nextCursor: paged.nextCursor,
  };
}
