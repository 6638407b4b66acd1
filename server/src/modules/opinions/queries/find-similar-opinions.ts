// Similar open opinions in the same street, so duplicates merge early. The database finds the candidates
// that share a word (Intl.Segmenter words in a `simple` tsvector), the best CANDIDATES of them by ts_rank;
// they are then ranked here by the text similarity of their character bigrams (textSimilarity in the domain)
// and kept only above SIMILAR_THRESHOLD. This replaces pg_trgm's similarity() over the segmented text, which
// had no threshold and listed items that shared one short word (小区, 积水) with the text (issue 23 point 11);
// a bounded candidate set keeps the ranking in JavaScript cheap.
import { sql } from 'drizzle-orm';
import { bigrams, OPEN_STATUSES, orQuery, SIMILAR_THRESHOLD, textSimilarity } from '@minyi/domain/opinions';
import type { Db } from '../../../db/client';
import { requireRole } from '../../../platform/access';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { getStreet } from '../../registry';
import { loadOpinion, resourceOf } from '../opinions.repository';
import { ENTRY_ROLES, opinionPolicy, QUEUE_ROLES } from '../opinions.policy';

export interface SimilarOpinion {
  id: string;
  trackingCode: string;
  content: string;
  status: string;
  createdAt: Date;
  score: number;
}

/** How many word-sharing candidates the database hands over for ranking. */
const CANDIDATES = 50;

async function findSimilarOpinions(
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
  const statuses = sql.join(
    OPEN_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const res = await db.execute(sql`
    SELECT id, tracking_code, public_content, status, created_at,
      ts_rank(search_tsv, to_tsquery('simple', ${tsq})) AS rank
    FROM opinions
    WHERE congress_id = ${input.congressId} AND street_id = ${input.streetId}
      AND status IN (${statuses}) AND NOT hidden
      ${input.publicOnly ? sql`AND is_public` : sql``}
      ${input.excludeId ? sql`AND id <> ${input.excludeId}` : sql``}
      AND search_tsv @@ to_tsquery('simple', ${tsq})
    ORDER BY rank DESC, created_at DESC
    LIMIT ${CANDIDATES}`);
  const rows = (res as unknown as { rows: Record<string, unknown>[] }).rows;
  const mine = bigrams(input.text);
  return rows
    .map((r) => ({
      id: r.id as string,
      trackingCode: r.tracking_code as string,
      content: r.public_content as string,
      status: r.status as string,
      createdAt: new Date(r.created_at as string),
      score: Math.round(textSimilarity(mine, r.public_content as string) * 1000) / 1000,
    }))
    .filter((r) => r.score >= SIMILAR_THRESHOLD)
    .sort((a, b) => b.score - a.score || b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, input.limit ?? 5);
}

/**
 * The form's look-up (public): similar open opinions in a street. Staff of the street's congress see the
 * items whole; anyone else their public text, status, time and score only (no id, no tracking code).
 */
export async function findSimilarInStreet(
  ctx: Ctx,
  congressId: string,
  query: { streetId: string; text: string },
) {
  const street = await getStreet(ctx.app.db, congressId, query.streetId);
  if (!street) throw invalidField('streetId', '未知的街道', 'unknown street', 'invalid', 'querystring');
  const actor = ctx.actor;
  const staff =
    !!actor && actor.congressId === street.congressId && ENTRY_ROLES.some((x) => actor.roles.includes(x));
  const items = await findSimilarOpinions(ctx.app.db, {
    congressId: street.congressId,
    streetId: street.id,
    text: query.text,
    publicOnly: !staff,
  });
  return {
    items: items.map((i) =>
      staff
        ? i
        : {
            trackingCode: undefined,
            content: i.content,
            status: i.status,
            createdAt: i.createdAt,
            score: i.score,
            id: undefined,
          },
    ),
  };
}

/** Triage: open opinions like this one in its street (the actor may claim it). */
export async function findSimilarToOpinion(ctx: Ctx, id: string) {
  const actor = requireRole(ctx.actor, QUEUE_ROLES);
  const o = await loadOpinion(ctx.app.db, actor.congressId, id);
  opinionPolicy.authorize(actor, 'claim', await resourceOf(ctx.app.db, o));
  const items = await findSimilarOpinions(ctx.app.db, {
    congressId: o.congressId,
    streetId: o.streetId,
    text: o.content,
    excludeId: o.id,
    publicOnly: false,
  });
  return { items };
}
