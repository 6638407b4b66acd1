// One handling unit, as staff see it.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { handlingUnits } from '../registry.table';

export async function getHandlingUnitRecord(db: Db, congressId: string, id: string) {
  const [u] = await db
    .select()
    .from(handlingUnits)
    .where(and(eq(handlingUnits.congressId, congressId), eq(handlingUnits.id, id)));
  if (!u) throw notFound({ zh: '承办单位', en: 'handling unit' });
  return u;
}
