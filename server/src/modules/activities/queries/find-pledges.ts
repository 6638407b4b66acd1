// A deputy's pledges of a year (承诺践诺), public: each with its status and the notes of what was done, oldest
// first, and how many are fulfilled.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { deputies } from '../../registry';
import { pledgeProgress, pledges } from '../activities.table';

export async function findPledges(db: Db, congressId: string, deputyId: string, year: number) {
  const [d] = await db
    .select({ id: deputies.id })
    .from(deputies)
    .where(and(eq(deputies.congressId, congressId), eq(deputies.id, deputyId)));
  if (!d) throw notFound({ zh: '代表', en: 'deputy' });
  const rows = await db
    .select({
      id: pledges.id,
      content: pledges.content,
      status: pledges.status,
      createdAt: pledges.createdAt,
    })
    .from(pledges)
    .where(and(eq(pledges.congressId, congressId), eq(pledges.deputyId, deputyId), eq(pledges.year, year)))
    .orderBy(asc(pledges.createdAt), asc(pledges.id));
  const notes = rows.length
    ? await db
        .select({
          pledgeId: pledgeProgress.pledgeId,
          note: pledgeProgress.note,
          status: pledgeProgress.status,
          at: pledgeProgress.createdAt,
        })
        .from(pledgeProgress)
        .where(
          inArray(
            pledgeProgress.pledgeId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(pledgeProgress.createdAt))
    : [];
  return {
    year,
    items: rows.map((r) => ({
      ...r,
      progress: notes.filter((n) => n.pledgeId === r.id).map(({ pledgeId: _p, ...n }) => n),
    })),
    fulfilled: rows.filter((r) => r.status === 'fulfilled').length,
  };
}
