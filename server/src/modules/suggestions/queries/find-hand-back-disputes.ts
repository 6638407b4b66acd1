// Hand-back requests staff could not settle: the list put to the chairpersons' meeting.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';

export async function findHandBackRequests(ctx: Ctx, status: 'pending' | 'disputed') {
  const actor = requireRole(ctx.actor, ['congressStaff', 'leader']);
  const res = (await ctx.app.db.execute(sql`
    SELECT h.id, h.suggestion_id AS "suggestionId", s.number, s.title, h.unit_id AS "unitId", u.name AS "unitName", h.reason, h.status,
           h.requested_at AS "requestedAt", h.decision_comment AS "decisionComment"
    FROM suggestion_hand_backs h JOIN suggestions s ON s.id = h.suggestion_id LEFT JOIN handling_units u ON u.id = h.unit_id
    WHERE h.congress_id = ${actor.congressId} AND h.status = ${status}
    ORDER BY h.requested_at LIMIT 500`)) as unknown as { rows: Record<string, unknown>[] };
  return { items: res.rows };
}
