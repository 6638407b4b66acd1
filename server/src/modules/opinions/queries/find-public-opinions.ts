// Opinions whose authors allowed public display: redacted content, never a name or phone; hidden ones left out.
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { decodeCursor, page } from '../../../platform/http';
import { opinions } from '../opinions.table';

export async function findPublicOpinions(
  db: Db,
  q: { congressId: string; streetId?: string; cursor?: string; limit: number },
) {
  const where: (SQL | undefined)[] = [
    eq(opinions.congressId, q.congressId),
    eq(opinions.isPublic, true),
    eq(opinions.hidden, false),
  ];
  if (q.streetId) where.push(eq(opinions.streetId, q.streetId));
  const cursor = decodeCursor(q.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  if (cursor) {
    const at = new Date(cursor[0]);
    where.push(or(lt(opinions.createdAt, at), and(eq(opinions.createdAt, at), lt(opinions.id, cursor[1]))));
  }
  const rows = await db
    .select({
      id: opinions.id,
      content: opinions.publicContent,
      category: opinions.category,
      streetId: opinions.streetId,
      status: opinions.status,
      replyOutcome: opinions.replyOutcome,
      replyContent: opinions.replyContent,
      rating: opinions.rating,
      createdAt: opinions.createdAt,
    })
    .from(opinions)
    .where(and(...where))
    .orderBy(desc(opinions.createdAt), desc(opinions.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
}
