// What opinions need from the registry beyond its index.ts exports (the deputies of a place, several units at
// once, a street working committee and its members), read from the registry's tables in this one file.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accountRoles } from '../../platform/platform.table';
import {
  findAccountIdsForDeputies,
  getJurisdiction,
  committeeMembers,
  handlingUnits,
  liaisonPlaceDeputies,
  workingCommittees,
  jurisdictions,
} from '../registry';

// submit-opinion.ts reads these two from here.
export { getDeputy, getLiaisonPlace } from '../registry';

// Streets change rarely (a registry edit); the public form looks one up on every submission, before it knows
// the congress (the street tells it), hence a lookup by id alone.
const STREET_TTL_MS = 60_000;
type StreetRef = { id: string; congressId: string; name: string; nameEn: string } | null;
const streetCache = new Map<string, { at: number; value: StreetRef }>();
export async function getStreetCached(db: Db, streetId: string): Promise<StreetRef> {
  const hit = streetCache.get(streetId);
  if (hit && Date.now() - hit.at < STREET_TTL_MS) return hit.value;
  const [value] = await db
    .select({
      id: jurisdictions.id,
      congressId: jurisdictions.congressId,
      name: jurisdictions.name,
      nameEn: jurisdictions.nameEn,
    })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.id, streetId), eq(jurisdictions.level, 'street')));
  if (value) streetCache.set(streetId, { at: Date.now(), value });
  return value ?? null;
}

/** A community of this street, or null. */
export async function getCommunity(db: Db, congressId: string, communityId: string, streetId: string) {
  const j = await getJurisdiction(db, congressId, communityId);
  return j && j.level === 'community' && j.parentId === streetId ? { id: j.id } : null;
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

/** The street working committee of a street (the registry has no lookup for it yet), or null. */
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

/** Deputies currently on the working committee of a street (none when the street has no committee). */
export async function findStreetCommitteeDeputyIds(
  db: Db,
  congressId: string,
  streetId: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: committeeMembers.deputyId })
    .from(committeeMembers)
    .innerJoin(workingCommittees, eq(workingCommittees.id, committeeMembers.workingCommitteeId))
    .where(
      and(
        eq(committeeMembers.congressId, congressId),
        eq(workingCommittees.streetId, streetId),
        eq(workingCommittees.kind, 'streetWorkingCommittee'),
        isNull(committeeMembers.endedOn),
      ),
    );
  return rows.map((r) => r.id);
}

/** The streets whose working committee a deputy currently sits on, as a subquery. */
export const committeeStreetsOf = (db: Db, deputyId: string) =>
  db
    .select({ id: workingCommittees.streetId })
    .from(committeeMembers)
    .innerJoin(workingCommittees, eq(workingCommittees.id, committeeMembers.workingCommitteeId))
    .where(
      and(
        eq(committeeMembers.deputyId, deputyId),
        eq(workingCommittees.kind, 'streetWorkingCommittee'),
        isNull(committeeMembers.endedOn),
      ),
    );

/**
 * Who hears of an overdue item in a street: the active accounts of the current members of that street's
 * working committee; only when the street has no committee, or none of its members has an account, the
 * staff of the congress (congressStaff and liaisonStaff accounts).
 */
export async function findEscalationAccountIds(
  db: Db,
  congressId: string,
  streetId: string,
): Promise<string[]> {
  const members = await findStreetCommitteeDeputyIds(db, congressId, streetId);
  const ids = await findAccountIdsForDeputies(db, congressId, members);
  if (ids.length > 0) return ids;
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
