// The congress's terms, newest first (staff).
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { terms } from '../registry.table';

export async function findTerms(db: Db, congressId: string) {
  const items = await db
    .select()
    .from(terms)
    .where(eq(terms.congressId, congressId))
    .orderBy(desc(terms.number));
  return { items, nextCursor: null };
}
