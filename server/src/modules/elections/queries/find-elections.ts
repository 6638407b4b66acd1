// The elections of the congress, newest election day first, each with its districts and seats. Cursor over
// (election day, id).
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { decodeCursor, page } from '../../../platform/http';
import { electionDistricts, elections } from '../elections.table';
import { READERS } from '../elections.policy';

export async function findElections(db: Db, actor: Actor, q: { cursor?: string; limit: number }) {
  requireRole(actor, READERS);
  const after = decodeCursor(q.cursor, ['text', 'uuid']);
  const rows = await db
    .select({
      id: elections.id,
      title: elections.title,
      electionDay: elections.electionDay,
      districts: sql<number>`(SELECT count(*)::int FROM ${electionDistricts} d WHERE d.election_id = "elections"."id")`,
      seats: sql<number>`(SELECT coalesce(sum(d.seats), 0)::int FROM ${electionDistricts} d WHERE d.election_id = "elections"."id")`,
    })
    .from(elections)
    .where(
      and(
        eq(elections.congressId, actor.congressId),
        after
          ? or(
              lt(elections.electionDay, after[0]),
              and(eq(elections.electionDay, after[0]), lt(elections.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(elections.electionDay), desc(elections.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, (r) => [r.electionDay, r.id]);
}
