// The public ideas of a year, with their support.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { livelihoodIdeas } from '../livelihood.table';

export async function findIdeas(db: Db, congressId: string, year: number | undefined) {
  const rows = await db
    .select({
      id: livelihoodIdeas.id,
      year: livelihoodIdeas.year,
      title: livelihoodIdeas.title,
      content: livelihoodIdeas.content,
      streetId: livelihoodIdeas.streetId,
      estimatedCost: livelihoodIdeas.estimatedCost,
      source: livelihoodIdeas.source,
      supportCount: livelihoodIdeas.supportCount,
      status: livelihoodIdeas.status,
      createdAt: livelihoodIdeas.createdAt,
    })
    .from(livelihoodIdeas)
    .where(
      and(
        eq(livelihoodIdeas.congressId, congressId),
        year ? eq(livelihoodIdeas.year, year) : undefined,
        sql`${livelihoodIdeas.status} <> 'merged'`,
      ),
    )
    .orderBy(desc(livelihoodIdeas.supportCount), desc(livelihoodIdeas.createdAt))
    .limit(200);
  return { items: rows, nextCursor: null };
}
