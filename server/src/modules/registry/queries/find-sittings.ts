// The sittings of the congress, or of one term, latest first (staff).
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { sittings } from '../registry.table';

export async function findSittings(db: Db, congressId: string, termId?: string) {
  const conds = [eq(sittings.congressId, congressId)];
  if (termId) conds.push(eq(sittings.termId, termId));
  const items = await db
    .select()
    .from(sittings)
    .where(and(...conds))
    .orderBy(desc(sittings.startDate), desc(sittings.number));
  return { items, nextCursor: null };
}
