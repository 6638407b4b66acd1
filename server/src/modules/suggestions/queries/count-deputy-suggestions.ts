// For the activities module's deputy record: the suggestions a deputy led (proposer) and co-signed (confirmed)
// that were submitted in a period; drafts, withdrawn ones and unanswered co-signing requests are not counted.
// The record reads the same counts in one statement (activities/queries/deputy-work-statement.ts, ADR 0020):
// a change to what is counted here is made there too.
import { and, eq, gte, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { suggestionCosigners, suggestions } from '../suggestions.table';

export async function countDeputySuggestions(
  db: Db,
  congressId: string,
  deputyId: string,
  from: Date,
  to: Date,
): Promise<{ led: number; cosigned: number }> {
  const inPeriod = and(
    eq(suggestions.congressId, congressId),
    isNotNull(suggestions.submittedAt),
    ne(suggestions.status, 'withdrawn'),
    gte(suggestions.submittedAt, from),
    lt(suggestions.submittedAt, to),
  );
  const [led] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(suggestions)
    .where(and(inPeriod, eq(suggestions.proposerDeputyId, deputyId)));
  const [cosigned] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(suggestionCosigners)
    .innerJoin(suggestions, eq(suggestions.id, suggestionCosigners.suggestionId))
    .where(
      and(inPeriod, eq(suggestionCosigners.deputyId, deputyId), eq(suggestionCosigners.status, 'confirmed')),
    );
  return { led: Number(led?.n ?? 0), cosigned: Number(cosigned?.n ?? 0) };
}
