// Related suggestions in the same sitting, for merging (并案): words from Intl.Segmenter('zh') compared by pg_trgm.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { notFound } from '../../../platform/errors';
import { findSuggestion, resourceOf, SUGGESTION } from '../suggestions.repository';
import { isHiddenFrom } from '../suggestions.policy';

export async function findSimilarSuggestions(ctx: Ctx, id: string, limit = 10) {
  const actor = requireRole(ctx.actor, ['congressStaff', 'leader']);
  const row = await findSuggestion(ctx.app.db, actor.congressId, id);
  // Staff and leaders do not know a draft exists (issue 22 item 7).
  if (isHiddenFrom(actor, await resourceOf(ctx.app.db, row))) throw notFound(SUGGESTION);
  const res = (await ctx.app.db.execute(sql`
    SELECT s.id, s.number, s.title, s.status, s.handling_case_id AS "handlingCaseId",
           similarity(s.search_text, ${row.searchText}) AS score
    FROM suggestions s
    WHERE s.congress_id = ${actor.congressId} AND s.id <> ${row.id}
      AND s.sitting_id IS NOT DISTINCT FROM ${row.sittingId}::uuid
      AND s.status NOT IN ('draft', 'withdrawn', 'referredAsOpinion')
      AND similarity(s.search_text, ${row.searchText}) > 0.15
    ORDER BY score DESC, s.id
    LIMIT ${limit}
  `)) as unknown as {
    rows: {
      id: string;
      number: string;
      title: string;
      status: string;
      handlingCaseId: string | null;
      score: number;
    }[];
  };
  return { items: res.rows.map((r) => ({ ...r, score: Math.round(Number(r.score) * 100) / 100 })) };
}
