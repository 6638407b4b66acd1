// What opinions need from the registry (streets, deputies, places, units, unit accounts), read directly from
// the registry's tables as the brief allows; kept in one file so it can switch to the registry's exports.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { accountRoles, congresses, jurisdictions } from '../../platform/platform.table';
import {
  deputies,
  handlingUnits,
  liaisonPlaceDeputies,
  liaisonPlaces,
  workingCommittees,
} from '../registry/registry.table';

export async function getStreet(db: Db, streetId: string) {
  const [row] = await db
    .select({
      id: jurisdictions.id,
      congressId: jurisdictions.congressId,
      name: jurisdictions.name,
      nameEn: jurisdictions.nameEn,
    })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.id, streetId), eq(jurisdictions.level, 'street')));
  return row ?? null;
}

// Streets change rarely (a registry edit); the public form looks one up on every submission.
const STREET_TTL_MS = 60_000;
const streetCache = new Map<string, { at: number; value: Awaited<ReturnType<typeof getStreet>> }>();
export async function getStreetCached(db: Db, streetId: string) {
  const hit = streetCache.get(streetId);
  if (hit && Date.now() - hit.at < STREET_TTL_MS) return hit.value;
  const value = await getStreet(db, streetId);
  if (value) streetCache.set(streetId, { at: Date.now(), value });
  return value;
}

export async function getCommunity(db: Db, congressId: string, communityId: string, streetId: string) {
  const [row] = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(
      and(
        eq(jurisdictions.id, communityId),
        eq(jurisdictions.congressId, congressId),
        eq(jurisdictions.level, 'community'),
        eq(jurisdictions.parentId, streetId),
      ),
    );
  return row ?? null;
}

export async function getDeputy(db: Db, congressId: string, deputyId: string) {
  const [row] = await db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(and(eq(deputies.id, deputyId), eq(deputies.congressId, congressId)));
  return row ?? null;
}

export async function getLiaisonPlace(db: Db, congressId: string, placeId: string) {
  const [row] = await db
    .select({
      id: liaisonPlaces.id,
      name: liaisonPlaces.name,
      streetId: liaisonPlaces.streetId,
      congressId: liaisonPlaces.congressId,
    })
    .from(liaisonPlaces)
    .where(and(eq(liaisonPlaces.id, placeId), eq(liaisonPlaces.congressId, congressId)));
  return row ?? null;
}

export async function findPlaceDeputyIds(db: Db, placeId: string): Promise<string[]> {
  const rows = await db
    .select({ id: liaisonPlaceDeputies.deputyId })
    .from(liaisonPlaceDeputies)
    .where(eq(liaisonPlaceDeputies.liaisonPlaceId, placeId));
  return rows.map((r) => r.id);
}

export async function findUnits(db: Db, congressId: string, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({
      id: handlingUnits.id,
      name: handlingUnits.name,
      nameEn: handlingUnits.nameEn,
      active: handlingUnits.active,
    })
    .from(handlingUnits)
    .where(and(eq(handlingUnits.congressId, congressId), inArray(handlingUnits.id, [...unitIds])));
}

/** The unit's active staff accounts: the registry's lookup. */
export { findAccountIdsForUnit } from '../registry';

/** Who hears of an overdue item in a street: the staff of the congress (the street working committee's
 * office is staffed by congressStaff and liaisonStaff accounts). */
export async function findEscalationAccountIds(db: Db, congressId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: accountRoles.accountId })
    .from(accountRoles)
    .where(
      and(
        eq(accountRoles.congressId, congressId),
        inArray(accountRoles.role, ['congressStaff', 'liaisonStaff']),
      ),
    );
  return rows.map((r) => r.id);
}

export async function getStreetWorkingCommittee(db: Db, congressId: string, streetId: string) {
  const [row] = await db
    .select({ id: workingCommittees.id, name: workingCommittees.name })
    .from(workingCommittees)
    .where(
      and(
        eq(workingCommittees.congressId, congressId),
        eq(workingCommittees.streetId, streetId),
        eq(workingCommittees.kind, 'streetWorkingCommittee'),
      ),
    );
  return row ?? null;
}

/** The congress a public request is about: `?congressId=` when given and known, else the first district congress. */
export async function publicCongressId(db: Db, req: FastifyRequest): Promise<string | null> {
  const given = (req.query as { congressId?: unknown } | undefined)?.congressId;
  if (typeof given === 'string' && /^[0-9a-f-]{36}$/i.test(given)) {
    const [row] = await db.select({ id: congresses.id }).from(congresses).where(eq(congresses.id, given));
    if (row) return row.id;
  }
  const [first] = await db
    .select({ id: congresses.id })
    .from(congresses)
    .orderBy(sql`${congresses.level} = 'district' DESC`, asc(congresses.createdAt))
    .limit(1);
  return first?.id ?? null;
}
