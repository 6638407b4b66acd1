// Motions of the congress: staff and leaders see all, a deputy those they signed. Each says its source and whether
// it was made at a sitting (so who decides it: the presidium, else the chairpersons' meeting).
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';

export async function findMotions(ctx: Ctx) {
  const actor = requireRole(ctx.actor, ['congressStaff', 'leader', 'deputy']);
  const own =
    actor.roles.includes('congressStaff') || actor.roles.includes('leader')
      ? sql``
      : sql`AND EXISTS (SELECT 1 FROM motion_signers g WHERE g.motion_id = m.id AND g.deputy_id = ${actor.deputyId})`;
  const res = (await ctx.app.db.execute(sql`
    SELECT m.id, m.number, m.title, m.category, m.status, m.source, (m.sitting_id IS NOT NULL) AS "atSitting", m.decision_body AS "decisionBody", m.decision_note AS "decisionNote",
           m.suggestion_id AS "suggestionId", m.created_at AS "createdAt", d.name AS "proposerName",
           (SELECT count(*)::int FROM motion_signers g WHERE g.motion_id = m.id) AS signers
    FROM motions m LEFT JOIN deputies d ON d.id = m.proposer_deputy_id
    WHERE m.congress_id = ${actor.congressId} ${own}
    ORDER BY m.id DESC LIMIT 500`)) as unknown as { rows: Record<string, unknown>[] };
  return { items: res.rows };
}
