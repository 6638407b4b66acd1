// One liaison place with its deputies, as staff see it.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { liaisonPlaces } from '../registry.table';
import { placeDeputies, presentPlace } from './find-liaison-places';

export async function getLiaisonPlaceRecord(db: Db, congressId: string, id: string) {
  const [p] = await db
    .select()
    .from(liaisonPlaces)
    .where(and(eq(liaisonPlaces.congressId, congressId), eq(liaisonPlaces.id, id)));
  if (!p) throw notFound({ zh: '联络站点', en: 'liaison place' });
  const ds = await placeDeputies(db, [id]);
  return presentPlace(p, ds.get(id) ?? []);
}
