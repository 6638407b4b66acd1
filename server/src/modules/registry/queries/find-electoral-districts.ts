// Electoral districts of the congress, by street, paged (staff).
import { and, asc, eq, gt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { decodeCursor, page } from '../../../platform/http';
import { electoralDistricts } from '../registry.table';

export async function findElectoralDistricts(
  db: Db,
  congressId: string,
  f: { streetId?: string; cursor?: string; limit: number },
) {
  const after = decodeCursor(f.cursor, ['text', 'uuid']);
  const conds: (SQL | undefined)[] = [eq(electoralDistricts.congressId, congressId)];
  if (f.streetId) conds.push(eq(electoralDistricts.streetId, f.streetId));
  if (after) {
    conds.push(
      or(
        gt(electoralDistricts.name, String(after[0])),
        and(eq(electoralDistricts.name, String(after[0])), gt(electoralDistricts.id, String(after[1]))),
      ),
    );
  }
  const rows = await db
    .select()
    .from(electoralDistricts)
    .where(and(...conds))
    .orderBy(asc(electoralDistricts.name), asc(electoralDistricts.id))
    .limit(f.limit + 1);
  return page(rows, f.limit, (r) => [r.name, r.id]);
}
