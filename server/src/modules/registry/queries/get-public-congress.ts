// The congress as anyone may see it: its current term and sitting, and its streets (public).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { congresses } from '../../../platform/platform.table';
import { jurisdictions } from '../registry.table';
import { getCurrentSitting, getCurrentTerm } from '../registry.repository';

export async function getPublicCongress(db: Db, congressId: string) {
  const [c] = await db.select().from(congresses).where(eq(congresses.id, congressId));
  if (!c) throw notFound({ zh: '人大', en: 'congress' });
  const term = await getCurrentTerm(db, congressId);
  const sitting = await getCurrentSitting(db, congressId);
  const streets = await db
    .select({ id: jurisdictions.id, name: jurisdictions.name, nameEn: jurisdictions.nameEn })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.congressId, congressId), eq(jurisdictions.level, 'street')))
    .orderBy(asc(jurisdictions.code), asc(jurisdictions.name));
  return {
    id: c.id,
    name: c.name,
    nameEn: c.nameEn,
    level: c.level,
    currentTerm: term ? { id: term.id, number: term.number } : null,
    currentSitting: sitting ? { id: sitting.id, number: sitting.number, status: sitting.status } : null,
    streets,
  };
}
