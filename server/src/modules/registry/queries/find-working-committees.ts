// Working committees and street working committees (staff).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { workingCommittees } from '../registry.table';

export async function findWorkingCommittees(db: Db, congressId: string, kind?: string) {
  const conds = [eq(workingCommittees.congressId, congressId)];
  if (kind) conds.push(eq(workingCommittees.kind, kind as 'workingCommittee'));
  const items = await db
    .select()
    .from(workingCommittees)
    .where(and(...conds))
    .orderBy(asc(workingCommittees.kind), asc(workingCommittees.name));
  return { items, nextCursor: null };
}
