// The candidate projects of a year with their lead units and deliberation counts.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { livelihoodCandidates, livelihoodDeliberations } from '../livelihood.table';
import { unitNames } from '../livelihood.repository';

export async function findCandidates(db: Db, congressId: string, year: number | undefined) {
  const rows = await db
    .select()
    .from(livelihoodCandidates)
    .where(
      and(
        eq(livelihoodCandidates.congressId, congressId),
        year ? eq(livelihoodCandidates.year, year) : undefined,
      ),
    )
    .orderBy(asc(livelihoodCandidates.createdAt))
    .limit(500);
  const names = await unitNames(
    db,
    rows.map((r) => r.leadUnitId),
  );
  const counts = rows.length
    ? await db
        .select({ id: livelihoodDeliberations.candidateId, n: sql<number>`count(*)::int` })
        .from(livelihoodDeliberations)
        .where(
          inArray(
            livelihoodDeliberations.candidateId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(livelihoodDeliberations.candidateId)
    : [];
  const countOf = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return {
    items: rows.map((r) => ({
      ...r,
      leadUnitName: names.get(r.leadUnitId) ?? '',
      deliberationCount: countOf.get(r.id) ?? 0,
    })),
    nextCursor: null,
  };
}
