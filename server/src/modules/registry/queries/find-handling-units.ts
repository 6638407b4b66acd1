// Handling units of the congress, filtered and paged, as staff see them.
import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { decodeCursor, page } from '../../../platform/http';
import { handlingUnits } from '../registry.table';

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

export function presentUnit(u: typeof handlingUnits.$inferSelect) {
  return {
    id: u.id,
    name: u.name,
    nameEn: u.nameEn,
    kind: u.kind,
    categories: u.categories,
    streetId: u.streetId,
    contactName: u.contactName,
    contactPhone: u.contactPhone,
    active: u.active,
  };
}

export async function findHandlingUnits(
  db: Db,
  congressId: string,
  f: { q?: string; kind?: string; category?: string; active?: boolean; cursor?: string; limit: number },
) {
  const after = decodeCursor(f.cursor, ['text', 'uuid']);
  const conds: (SQL | undefined)[] = [eq(handlingUnits.congressId, congressId)];
  if (f.q)
    conds.push(sql`(${handlingUnits.name} ILIKE ${like(f.q)} OR ${handlingUnits.nameEn} ILIKE ${like(f.q)})`);
  if (f.kind) conds.push(eq(handlingUnits.kind, f.kind as 'court'));
  if (f.category) conds.push(sql`${f.category} = ANY(${handlingUnits.categories})`);
  if (f.active !== undefined) conds.push(eq(handlingUnits.active, f.active));
  if (after) {
    conds.push(
      or(
        gt(handlingUnits.name, String(after[0])),
        and(eq(handlingUnits.name, String(after[0])), gt(handlingUnits.id, String(after[1]))),
      ),
    );
  }
  const rows = await db
    .select()
    .from(handlingUnits)
    .where(and(...conds))
    .orderBy(asc(handlingUnits.name), asc(handlingUnits.id))
    .limit(f.limit + 1);
  const paged = page(rows, f.limit, (r) => [r.name, r.id]);
  return { items: paged.items.map(presentUnit), nextCursor: paged.nextCursor };
}
