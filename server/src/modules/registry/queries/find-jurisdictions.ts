// The congress's jurisdictions that match, all of them (public; a stable contract).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { jurisdictions } from '../registry.table';

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
