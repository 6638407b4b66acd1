// The registry's shared loaders and checks: the lookups other modules use through index.ts (the public
// congress, single records, rolls, linked accounts), and what several commands share (references in the same
// congress, sealed personal data, names and ID numbers that must be free).
import type { FastifyRequest } from 'fastify';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { chairpersonsMeetingPositions, type CongressLevel, type CreateDeputy } from '@minyi/domain/registry';
import type { Db } from '../../db/client';
import { conflict, invalidField, notFound } from '../../platform/errors';
import type { Pii } from '../../platform/pii';
import { accountRoles, accounts, congresses } from '../../platform/platform.table';
import {
  committeeMembers,
  deputies,
  electoralDistricts,
  handlingUnits,
  jurisdictions,
  liaisonPlaces,
  mandates,
  terms,
  workingCommittees,
} from './registry.table';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The default congress for the public: the demo's (or one marked `default`), else the oldest district congress. */
export async function findDefaultCongressId(db: Db): Promise<string | null> {
  const res = (await db.execute(sql`
    SELECT id FROM congresses
    ORDER BY (settings -> 'demo' ->> 'role' = 'default' OR settings ->> 'default' = 'true') IS TRUE DESC,
             (level = 'district') DESC, created_at ASC, id ASC
    LIMIT 1`)) as unknown as { rows: { id: string }[] };
  return res.rows[0]?.id ?? null;
}

/**
 * The congress a public (no-login) request is about: `?congressId=` when given and known, else the
 * signed-in user's congress, else the default one. 400 for a malformed id, 404 for an unknown one.
 */
export async function resolvePublicCongress(req: FastifyRequest): Promise<string> {
  const db = req.server.services.db;
  const q = (req.query ?? {}) as Record<string, unknown>;
  const given = typeof q.congressId === 'string' && q.congressId !== '' ? q.congressId : null;
  if (given) {
    if (!UUID.test(given))
      throw invalidField('congressId', '格式不正确', 'is not a valid uuid', 'invalid_format', 'querystring');
    const [row] = await db.select({ id: congresses.id }).from(congresses).where(eq(congresses.id, given));
    if (!row) throw notFound({ zh: '人大', en: 'congress' });
    return row.id;
  }
  if (req.actor) return req.actor.congressId;
  const id = await findDefaultCongressId(db);
  if (!id) throw notFound({ zh: '人大', en: 'congress' });
  return id;
}

/** The level of a congress (its standing committee's offices depend on it); 404 when it is unknown. */
export async function getCongressLevel(db: Db, congressId: string): Promise<CongressLevel> {
  const [row] = await db
    .select({ level: congresses.level })
    .from(congresses)
    .where(eq(congresses.id, congressId));
  if (!row) throw notFound({ zh: '人大', en: 'congress' });
  return row.level;
}

export async function getStreet(db: Db, congressId: string, streetId: string) {
  const [row] = await db
    .select()
    .from(jurisdictions)
    .where(
      and(
        eq(jurisdictions.congressId, congressId),
        eq(jurisdictions.id, streetId),
        eq(jurisdictions.level, 'street'),
      ),
    );
  return row ?? null;
}

export async function getJurisdiction(db: Db, congressId: string, id: string) {
  const [row] = await db
    .select()
    .from(jurisdictions)
    .where(and(eq(jurisdictions.congressId, congressId), eq(jurisdictions.id, id)));
  return row ?? null;
}

export async function getDeputy(db: Db, congressId: string, deputyId: string) {
  const [row] = await db
    .select()
    .from(deputies)
    .where(and(eq(deputies.congressId, congressId), eq(deputies.id, deputyId)));
  return row ?? null;
}

export async function getHandlingUnit(db: Db, congressId: string, unitId: string) {
  const [row] = await db
    .select()
    .from(handlingUnits)
    .where(and(eq(handlingUnits.congressId, congressId), eq(handlingUnits.id, unitId)));
  return row ?? null;
}

export async function getLiaisonPlace(db: Db, congressId: string, placeId: string) {
  const [row] = await db
    .select()
    .from(liaisonPlaces)
    .where(and(eq(liaisonPlaces.congressId, congressId), eq(liaisonPlaces.id, placeId)));
  return row ?? null;
}

/**
 * The roll for votes: deputies of this congress holding an active mandate in it (a city mandate held by a
 * deputy living in the district belongs to the city congress, so it does not count here).
 */
export async function findActiveDeputyIds(db: Db, congressId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: mandates.deputyId })
    .from(mandates)
    .where(and(eq(mandates.congressId, congressId), eq(mandates.status, 'active')))
    .orderBy(asc(mandates.deputyId));
  return rows.map((r) => r.id);
}

/** Current members of the standing committee whose mandate is active. */
export async function findStandingCommitteeDeputyIds(db: Db, congressId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: committeeMembers.deputyId })
    .from(committeeMembers)
    .where(
      and(
        eq(committeeMembers.congressId, congressId),
        eq(committeeMembers.body, 'standingCommittee'),
        isNull(committeeMembers.endedOn),
        sql`EXISTS (SELECT 1 FROM mandates m WHERE m.deputy_id = ${committeeMembers.deputyId} AND m.congress_id = ${congressId} AND m.status = 'active')`,
      ),
    )
    .orderBy(asc(committeeMembers.deputyId));
  return rows.map((r) => r.id);
}

/**
 * Current members of the chairpersons' meeting whose mandate is active: the standing committee's chair and
 * vice-chairs, and its secretary-general above district level (地方组织法 Art. 54; chairpersonsMeetingPositions).
 */
export async function findChairpersonsMeetingDeputyIds(db: Db, congressId: string): Promise<string[]> {
  const positions = chairpersonsMeetingPositions(await getCongressLevel(db, congressId));
  const rows = await db
    .selectDistinct({ id: committeeMembers.deputyId })
    .from(committeeMembers)
    .where(
      and(
        eq(committeeMembers.congressId, congressId),
        eq(committeeMembers.body, 'standingCommittee'),
        inArray(committeeMembers.position, positions),
        isNull(committeeMembers.endedOn),
        sql`EXISTS (SELECT 1 FROM mandates m WHERE m.deputy_id = ${committeeMembers.deputyId} AND m.congress_id = ${congressId} AND m.status = 'active')`,
      ),
    )
    .orderBy(asc(committeeMembers.deputyId));
  return rows.map((r) => r.id);
}

/**
 * The membership of a body in office on a date (for a meeting's roll, issue 17): the standing committee's
 * members, the chairpersons' meeting (its chair and vice-chairs, Art. 54), or the congress's deputies (district
 * mandates of the term). In office on `date`: started on or before it and not ended before it (`endedOn` is the
 * last day in office); the mandate active then (active now, or suspended or ended only after that date).
 */
export async function findBodyMembersOn(
  db: Db,
  congressId: string,
  body: 'congress' | 'standingCommittee' | 'chairpersonsMeeting',
  date: string,
): Promise<{ deputyId: string; name: string; position: string }[]> {
  const mandateInForce = (deputyId: unknown) => sql`EXISTS (SELECT 1 FROM mandates m
      WHERE m.deputy_id = ${deputyId} AND m.congress_id = ${congressId}
        AND (m.started_on IS NULL OR m.started_on <= ${date}::date)
        AND (m.status = 'active' OR m.status_date > ${date}::date))`;
  if (body === 'congress') {
    const rows = await db
      .selectDistinct({ deputyId: deputies.id, name: deputies.name })
      .from(deputies)
      .innerJoin(mandates, eq(mandates.deputyId, deputies.id))
      .where(
        and(
          eq(deputies.congressId, congressId),
          eq(mandates.level, 'district'),
          sql`(${mandates.startedOn} IS NULL OR ${mandates.startedOn} <= ${date}::date)`,
          sql`(${mandates.status} = 'active' OR ${mandates.statusDate} > ${date}::date)`,
        ),
      )
      .orderBy(asc(deputies.name), asc(deputies.id));
    return rows.map((r) => ({ ...r, position: 'deputy' }));
  }
  const positions =
    body === 'chairpersonsMeeting'
      ? chairpersonsMeetingPositions(await getCongressLevel(db, congressId))
      : null;
  const rows = await db
    .select({ deputyId: committeeMembers.deputyId, name: deputies.name, position: committeeMembers.position })
    .from(committeeMembers)
    .innerJoin(deputies, eq(deputies.id, committeeMembers.deputyId))
    .where(
      and(
        eq(committeeMembers.congressId, congressId),
        eq(committeeMembers.body, 'standingCommittee'),
        positions ? inArray(committeeMembers.position, positions) : undefined,
        sql`(${committeeMembers.startedOn} IS NULL OR ${committeeMembers.startedOn} <= ${date}::date)`,
        sql`(${committeeMembers.endedOn} IS NULL OR ${committeeMembers.endedOn} >= ${date}::date)`,
        mandateInForce(committeeMembers.deputyId),
      ),
    )
    .orderBy(asc(committeeMembers.deputyId));
  // One row per deputy (a member re-appointed within the term has two rows), the chair first.
  const order = ['chair', 'viceChair', 'secretaryGeneral', 'director', 'member'];
  const byDeputy = new Map<string, { deputyId: string; name: string; position: string }>();
  for (const r of rows) {
    const seen = byDeputy.get(r.deputyId);
    if (!seen || order.indexOf(r.position) < order.indexOf(seen.position)) byDeputy.set(r.deputyId, r);
  }
  return [...byDeputy.values()].sort(
    (a, b) => order.indexOf(a.position) - order.indexOf(b.position) || a.name.localeCompare(b.name, 'zh'),
  );
}

/** Active handlingUnitStaff accounts of a unit (who is told about an assignment). */
export async function findAccountIdsForUnit(db: Db, congressId: string, unitId: string): Promise<string[]> {
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(
      accountRoles,
      and(eq(accountRoles.accountId, accounts.id), eq(accountRoles.role, 'handlingUnitStaff')),
    )
    .where(
      and(
        eq(accounts.congressId, congressId),
        eq(accounts.handlingUnitId, unitId),
        eq(accounts.status, 'active'),
      ),
    )
    .orderBy(asc(accounts.id));
  return rows.map((r) => r.id);
}

/** The active account linked to a deputy, or null. */
export async function findAccountIdForDeputy(
  db: Db,
  congressId: string,
  deputyId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.congressId, congressId),
        eq(accounts.deputyId, deputyId),
        eq(accounts.status, 'active'),
      ),
    )
    .orderBy(asc(accounts.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** Account ids of several deputies at once (deputies without an account are left out). */
export async function findAccountIdsForDeputies(
  db: Db,
  congressId: string,
  deputyIds: string[],
): Promise<string[]> {
  if (deputyIds.length === 0) return [];
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.congressId, congressId),
        inArray(accounts.deputyId, deputyIds),
        eq(accounts.status, 'active'),
      ),
    );
  return rows.map((r) => r.id);
}

/** Active handling units covering a category of matters (for routing opinions and suggestions). */
export async function findHandlingUnitsForCategory(db: Db, congressId: string, category: string) {
  return db
    .select()
    .from(handlingUnits)
    .where(
      and(
        eq(handlingUnits.congressId, congressId),
        eq(handlingUnits.active, true),
        sql`${category} = ANY(${handlingUnits.categories})`,
      ),
    )
    .orderBy(asc(handlingUnits.name));
}

/** The current term of a congress, or null. */
export async function getCurrentTerm(db: Db, congressId: string) {
  const res = (await db.execute(
    sql`SELECT id, number, start_date AS "startDate", end_date AS "endDate" FROM terms WHERE congress_id = ${congressId} AND is_current LIMIT 1`,
  )) as unknown as { rows: { id: string; number: number; startDate: string; endDate: string }[] };
  return res.rows[0] ?? null;
}

/** The sitting in session, else the most recent one, or null. */
export async function getCurrentSitting(db: Db, congressId: string) {
  const res = (await db.execute(sql`
    SELECT id, term_id AS "termId", number, status, start_date::text AS "startDate", end_date::text AS "endDate"
    FROM sittings WHERE congress_id = ${congressId}
    ORDER BY (status = 'inSession') DESC, start_date DESC LIMIT 1`)) as unknown as {
    rows: {
      id: string;
      termId: string;
      number: number;
      status: 'planned' | 'inSession' | 'closed';
      startDate: string;
      endDate: string;
    }[];
  };
  return res.rows[0] ?? null;
}

// ----- checks shared by the commands -----

const refTables = { electoralDistricts, liaisonPlaces, terms, workingCommittees, deputies } as const;

export async function ensureRef(
  db: Db,
  kind: keyof typeof refTables,
  congressId: string,
  id: string | null | undefined,
  field: string,
) {
  if (!id) return null;
  const t = refTables[kind];
  const [row] = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.congressId, congressId), eq(t.id, id)));
  if (!row)
    throw invalidField(
      field,
      '不存在或不属于本级人大',
      'does not exist in this congress',
      'unknown_reference',
    );
  return row.id;
}

export async function ensureJurisdiction(
  db: Db,
  congressId: string,
  id: string | null | undefined,
  field: string,
  level?: string,
) {
  if (!id) return null;
  const [row] = await db
    .select({ id: jurisdictions.id, level: jurisdictions.level })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.congressId, congressId), eq(jurisdictions.id, id)));
  if (!row || (level && row.level !== level)) {
    throw invalidField(
      field,
      level === 'street' ? '不是本区的街道' : '行政区划不存在',
      level ? `is not a ${level} of this congress` : 'does not exist in this congress',
      'unknown_reference',
    );
  }
  return row;
}

/** Encrypted columns and blind indexes for the personal fields given (undefined = unchanged, '' = cleared). */
export function sealPersonal(
  pii: Pii,
  input: { phone?: string | null; idNumber?: string | null; address?: string | null },
) {
  const out: Partial<
    Record<'phoneEnc' | 'phoneIndex' | 'idNumberEnc' | 'idNumberIndex' | 'addressEnc', string | null>
  > = {};
  if (input.phone !== undefined) {
    out.phoneEnc = input.phone ? pii.encrypt(input.phone) : null;
    out.phoneIndex = input.phone ? pii.index('phone', input.phone) : null;
  }
  if (input.idNumber !== undefined) {
    const v = input.idNumber ? input.idNumber.toUpperCase() : null;
    out.idNumberEnc = v ? pii.encrypt(v) : null;
    out.idNumberIndex = v ? pii.index('idNumber', v) : null;
  }
  if (input.address !== undefined) out.addressEnc = input.address ? pii.encrypt(input.address) : null;
  return out;
}

/** Audit rows never carry personal data in clear: only that it changed. */
export function auditSafe<T extends Record<string, unknown>>(o: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (/Enc$|Index$/.test(k)) continue;
    if (k === 'phone' || k === 'idNumber' || k === 'address') out[k] = v ? '(set)' : v;
    else out[k] = v;
  }
  return out;
}

export async function ensureIdNumberFree(
  db: Db,
  pii: Pii,
  congressId: string,
  idNumber: string | undefined | null,
  exceptId?: string,
) {
  if (!idNumber) return;
  const [other] = await db
    .select({ id: deputies.id })
    .from(deputies)
    .where(
      and(
        eq(deputies.congressId, congressId),
        eq(deputies.idNumberIndex, pii.index('idNumber', idNumber.toUpperCase())),
      ),
    );
  if (other && other.id !== exceptId) {
    throw conflict(
      'deputy_exists',
      { zh: '已有相同身份证号码的代表', en: 'A deputy with this ID number already exists' },
      { deputyId: other.id },
    );
  }
}

export function deputyValues(pii: Pii, input: CreateDeputy) {
  return {
    name: input.name,
    gender: input.gender,
    birthDate: input.birthDate ?? null,
    ethnicity: input.ethnicity || '汉族',
    party: input.party ?? '',
    occupation: input.occupation ?? '',
    organization: input.organization ?? '',
    bio: input.bio ?? '',
    ...sealPersonal(pii, {
      phone: input.phone ?? null,
      idNumber: input.idNumber ?? null,
      address: input.address ?? null,
    }),
  };
}

/** 409 when another electoral district of the congress has this name. */
export async function ensureDistrictNameFree(db: Db, congressId: string, name: string, exceptId?: string) {
  const [other] = await db
    .select({ id: electoralDistricts.id })
    .from(electoralDistricts)
    .where(
      and(
        eq(electoralDistricts.congressId, congressId),
        eq(electoralDistricts.name, name),
        exceptId ? ne(electoralDistricts.id, exceptId) : undefined,
      ),
    );
  if (other)
    throw conflict('name_taken', {
      zh: '已有同名选区',
      en: 'An electoral district with this name already exists',
    });
}

/** 409 when another handling unit of the congress has this name. */
export async function ensureUnitNameFree(db: Db, congressId: string, name: string, exceptId?: string) {
  const [other] = await db
    .select({ id: handlingUnits.id })
    .from(handlingUnits)
    .where(
      and(
        eq(handlingUnits.congressId, congressId),
        eq(handlingUnits.name, name),
        exceptId ? ne(handlingUnits.id, exceptId) : undefined,
      ),
    );
  if (other)
    throw conflict(
      'name_taken',
      { zh: '已有同名的承办单位', en: 'A handling unit with this name already exists' },
      { id: other.id },
    );
}
