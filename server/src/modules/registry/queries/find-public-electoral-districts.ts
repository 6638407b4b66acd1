// Electoral districts, by street (public).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { electoralDistricts } from '../registry.table';

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
