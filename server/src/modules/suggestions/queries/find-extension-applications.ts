// Extension applications awaiting the staff's decision (上海规定 Art. 19), oldest first, with the current deadline.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';

export async function findExtensionApplications(ctx: Ctx) {
  const actor = requireRole(ctx.actor, ['congressStaff', 'leader']);
  const res = (await ctx.app.db.execute(sql`
    SELECT e.id, e.suggestion_id AS "suggestionId", s.number, s.title, e.unit_id AS "unitId", u.name AS "unitName",
           e.reason, e.requested_at AS "requestedAt", s.deadline
    FROM suggestion_extensions e JOIN suggestions s ON s.id = e.suggestion_id LEFT JOIN handling_units u ON u.id = e.unit_id
    WHERE e.congress_id = ${actor.congressId} AND e.status = 'pending'
    ORDER BY e.requested_at LIMIT 500`)) as unknown as { rows: Record<string, unknown>[] };
  return { items: res.rows };
}
