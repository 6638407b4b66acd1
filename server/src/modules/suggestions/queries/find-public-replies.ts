// 答复公开: the replies a congress has published, for anyone without signing in. Only what the reply letter shows in
// public: number, title, topic, lead unit, result category, reply text (mobile numbers masked) and date; the
// proposer's name only when the congress's setting says so; never co-signers, phones or the suggestion's own text.
import { sql, type SQL } from 'drizzle-orm';
import { redactPublicText, type PublicReplyQuery } from '@minyi/domain/suggestions';
import type { Db } from '../../../db/client';
import { decodeCursor, page } from '../../../platform/http';
import { notFound } from '../../../platform/errors';
import { readSuggestionSettings } from '../suggestions.repository';

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(db: Db, q: SQL) => ((await db.execute(q)) as unknown as Rows<T>).rows;
const PUBLISHED_REPLY = { zh: '公开的答复', en: 'published reply' };

interface PublicReplyRow {
  id: string;
  number: string | null;
  title: string;
  category: string;
  sittingId: string | null;
  proposerName: string | null;
  leadUnitId: string | null;
  leadUnitName: string | null;
  resultCategory: string;
  replyContent: string;
  round: number;
  repliedAt: string;
  /** The reply's timestamp as Postgres text, exact to the microsecond, for the cursor. */
  sortAt: string;
}

/** The latest reply of each published suggestion, newest first; cursor over (reply time, suggestion id). */
export async function findPublicReplies(db: Db, congressId: string, q: PublicReplyQuery) {
  const settings = await readSuggestionSettings(db, congressId);
  // The filter choices, so the public page needs no signed-in lookup.
  const facets = {
    categories: settings.suggestionCategories,
    resultCategories: settings.replyCategories,
  };
  // Publication follows the congress's current policy: when it is switched off, nothing is shown.
  if (!settings.publishReplies) return { items: [], nextCursor: null, ...facets };
  const conds: SQL[] = [sql`s.congress_id = ${congressId}`, sql`s.published`];
  if (q.sittingId) conds.push(sql`s.sitting_id = ${q.sittingId}`);
  if (q.year) conds.push(sql`extract(year FROM r.created_at AT TIME ZONE 'Asia/Shanghai') = ${q.year}`);
  if (q.category) conds.push(sql`s.category = ${q.category}`);
  if (q.result) conds.push(sql`r.category = ${q.result}`);
  if (q.unitId) conds.push(sql`r.unit_id = ${q.unitId}`);
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
    conds.push(sql`(s.title ILIKE ${like} OR s.number ILIKE ${like})`);
  }
  const cursor = decodeCursor(q.cursor, ['timestamp', 'uuid']);
  if (cursor)
    conds.push(sql`(r.created_at, s.id) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`);
  const rows = await rowsOf<PublicReplyRow>(
    db,
    sql`
    SELECT s.id, s.number, s.title, s.category, s.sitting_id AS "sittingId",
           ${settings.publicRepliesShowProposer ? sql`d.name` : sql`NULL`} AS "proposerName",
           r.unit_id AS "leadUnitId", u.name AS "leadUnitName", r.category AS "resultCategory",
           r.content AS "replyContent", r.round, r.created_at AS "repliedAt", r.created_at::text AS "sortAt"
    FROM suggestions s
    JOIN LATERAL (
      SELECT p.unit_id, p.category, p.content, p.round, p.created_at FROM suggestion_replies p
      WHERE p.suggestion_id = s.id ORDER BY p.round DESC LIMIT 1
    ) r ON true
    LEFT JOIN handling_units u ON u.id = r.unit_id
    LEFT JOIN deputies d ON d.id = s.proposer_deputy_id
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY r.created_at DESC, s.id DESC
    LIMIT ${q.limit + 1}`,
  );
  const paged = page(rows, q.limit, (r) => [r.sortAt, r.id]);
  return {
    items: paged.items.map(({ sortAt: _sortAt, ...r }) => ({
      ...r,
      replyContent: redactPublicText(r.replyContent),
      repliedAt: new Date(r.repliedAt).toISOString(),
      categoryLabel: labelOf(settings.suggestionCategories, r.category),
      resultLabel: labelOf(settings.replyCategories, r.resultCategory),
    })),
    nextCursor: paged.nextCursor,
    ...facets,
  };
}

const labelOf = (list: { code: string; zh: string; en: string }[], code: string) => {
  const c = list.find((x) => x.code === code);
  return c ? { zh: c.zh, en: c.en } : { zh: code, en: code };
};

/** One published suggestion's replies, every round (a re-handled item has two); 404 when it is not published. */
export async function getPublicReply(db: Db, congressId: string, id: string) {
  const settings = await readSuggestionSettings(db, congressId);
  if (!settings.publishReplies) throw notFound(PUBLISHED_REPLY);
  const [s] = await rowsOf<{
    id: string;
    number: string | null;
    title: string;
    category: string;
    sittingId: string | null;
    proposerName: string | null;
  }>(
    db,
    sql`SELECT s.id, s.number, s.title, s.category, s.sitting_id AS "sittingId",
          ${settings.publicRepliesShowProposer ? sql`d.name` : sql`NULL`} AS "proposerName"
        FROM suggestions s LEFT JOIN deputies d ON d.id = s.proposer_deputy_id
        WHERE s.id = ${id} AND s.congress_id = ${congressId} AND s.published`,
  );
  if (!s) throw notFound(PUBLISHED_REPLY);
  const replies = await rowsOf<{
    round: number;
    unitId: string;
    unitName: string | null;
    resultCategory: string;
    content: string;
    repliedAt: string;
  }>(
    db,
    sql`SELECT p.round, p.unit_id AS "unitId", u.name AS "unitName", p.category AS "resultCategory",
          p.content, p.created_at AS "repliedAt"
        FROM suggestion_replies p LEFT JOIN handling_units u ON u.id = p.unit_id
        WHERE p.suggestion_id = ${id} ORDER BY p.round`,
  );
  if (replies.length === 0) throw notFound(PUBLISHED_REPLY);
  const latest = replies[replies.length - 1];
  return {
    ...s,
    categoryLabel: labelOf(settings.suggestionCategories, s.category),
    leadUnitId: latest.unitId,
    leadUnitName: latest.unitName,
    resultCategory: latest.resultCategory,
    resultLabel: labelOf(settings.replyCategories, latest.resultCategory),
    replies: replies.map((r) => ({
      ...r,
      content: redactPublicText(r.content),
      repliedAt: new Date(r.repliedAt).toISOString(),
      resultLabel: labelOf(settings.replyCategories, r.resultCategory),
    })),
  };
}
