// Similar open opinions in the same street, so duplicates merge early: Chinese words (Intl.Segmenter) in a
// `simple` tsvector, ranked together with pg_trgm similarity of the segmented text.
import { sql } from 'drizzle-orm';
import { OPEN_STATUSES, orQuery, searchText } from '@minyi/domain/opinions';
import type { Db } from '../../../db/client';

export interface SimilarOpinion {
  id: string;
  trackingCode: string;
  content: string;
  status: string;
  createdAt: Date;
  score: number;
}

export async function findSimilarOpinions(
  db: Db,
  input: {
    congressId: string;
    streetId: string;
    text: string;
    excludeId?: string;
    publicOnly: boolean;
    limit?: number;
  },
): Promise<SimilarOpinion[]> {
  const tsq = orQuery(input.text);
  if (!tsq) return [];
  const segmented = searchText(input.text);
  const statuses = sql.join(
    OPEN_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const res = await db.execute(sql`
    SELECT id, tracking_code, public_content, status, created_at,
      ts_rank(search_tsv, to_tsquery('simple', ${tsq})) + similarity(search_text, ${segmented}) AS score
    FROM opinions
    WHERE congress_id = ${input.congressId} AND street_id = ${input.streetId}
      AND status IN (${statuses}) AND NOT hidden
      ${input.publicOnly ? sql`AND is_public` : sql``}
      ${input.excludeId ? sql`AND id <> ${input.excludeId}` : sql``}
      AND search_tsv @@ to_tsquery('simple', ${tsq})
    ORDER BY score DESC, created_at DESC
    LIMIT ${input.limit ?? 5}`);
  const rows = (res as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((r) => ({
    id: r.id as string,
    trackingCode: r.tracking_code as string,
    content: r.public_content as string,
    status: r.status as string,
    createdAt: new Date(r.created_at as string),
    score: Number(r.score),
  }));
}
