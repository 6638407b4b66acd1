// The public progress view: the projects of a year with a summary per year.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { livelihoodProjects } from '../livelihood.table';
import { unitNames, summarize } from '../livelihood.repository';

/** The public progress page (Decidim accountability): every project of a year with its status and progress. */
export async function findProjects(db: Db, congressId: string, year: number | undefined) {
  const rows = await db
    .select()
    .from(livelihoodProjects)
    .where(
      and(
        eq(livelihoodProjects.congressId, congressId),
        year ? eq(livelihoodProjects.year, year) : undefined,
      ),
    )
    .orderBy(asc(livelihoodProjects.year), asc(livelihoodProjects.title))
    .limit(500);
  const names = await unitNames(
    db,
    rows.map((r) => r.leadUnitId),
  );
  const years = [...new Set(rows.map((r) => r.year))].sort();
  return {
    items: rows.map((r) => ({
      id: r.id,
      year: r.year,
      title: r.title,
      leadUnitId: r.leadUnitId,
      leadUnitName: names.get(r.leadUnitId) ?? '',
      budget: r.budget,
      streetId: r.streetId,
      status: r.status,
      percent: r.percent,
      targetDate: r.targetDate,
      adjustmentReason: r.adjustmentReason,
      updatedAt: r.updatedAt,
    })),
    summaries: years.map((y) => ({
      year: y,
      ...summarize(rows.filter((r) => r.year === y).map((r) => r.status)),
    })),
    nextCursor: null,
  };
}
