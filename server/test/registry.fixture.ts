// Registry rows that module tests need before their own: a current term with its second sitting in session.
import type { Db } from '../src/db/client';
import { newId } from '../src/platform/ids';
import { sittings, terms } from './tables';

/** A current term (7th) and its 2nd sitting, in session from 2026-11-20 to 2026-12-31. */
export async function addSittingInSession(db: Db, congressId: string) {
  const termId = newId();
  const sittingId = newId();
  await db.insert(terms).values({
    id: termId,
    congressId,
    number: 7,
    startDate: '2021-10-01',
    endDate: '2026-09-30',
    isCurrent: true,
  });
  await db.insert(sittings).values({
    id: sittingId,
    congressId,
    termId,
    number: 2,
    startDate: '2026-11-20',
    endDate: '2026-12-31',
    status: 'inSession',
  });
  return { termId, sittingId };
}
