// The dashboard: overdue and soon-due items for a unit, and for leaders the key suggestions they lead plus overdue ones.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';

const ITEM = sql`s.id, s.number, s.title, s.status, s.deadline, s.is_key AS "isKey", u.name AS "leadUnitName",
  (s.status IN ('assigned', 'handBackRequested', 'rehandling') AND s.deadline < now()) AS overdue`;

export async function getDashboard(ctx: Ctx) {
  const actor = requireRole(ctx.actor, ['congressStaff', 'leader', 'handlingUnitStaff', 'deputy']);
  const db = ctx.app.db;
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const out: Record<string, unknown> = {};
  if (actor.handlingUnitId) {
    out.unit = {
      overdue:
        await rows(sql`SELECT ${ITEM} FROM suggestions s JOIN suggestion_assignments a ON a.suggestion_id = s.id AND a.ended_at IS NULL AND a.unit_id = ${actor.handlingUnitId}
        LEFT JOIN handling_units u ON u.id = s.lead_unit_id
        WHERE s.congress_id = ${actor.congressId} AND s.status IN ('assigned', 'handBackRequested', 'rehandling') AND s.deadline < now() ORDER BY s.deadline LIMIT 100`),
      dueSoon:
        await rows(sql`SELECT ${ITEM} FROM suggestions s JOIN suggestion_assignments a ON a.suggestion_id = s.id AND a.ended_at IS NULL AND a.unit_id = ${actor.handlingUnitId}
        LEFT JOIN handling_units u ON u.id = s.lead_unit_id
        WHERE s.congress_id = ${actor.congressId} AND s.status IN ('assigned', 'handBackRequested', 'rehandling') AND s.deadline >= now() AND s.deadline < now() + interval '30 days' ORDER BY s.deadline LIMIT 100`),
      followUp:
        await rows(sql`SELECT ${ITEM} FROM suggestions s LEFT JOIN handling_units u ON u.id = s.lead_unit_id
        WHERE s.congress_id = ${actor.congressId} AND s.lead_unit_id = ${actor.handlingUnitId} AND s.status = 'followUp' ORDER BY s.id DESC LIMIT 100`),
    };
  }
  if (actor.roles.includes('leader') || actor.roles.includes('congressStaff')) {
    out.key =
      await rows(sql`SELECT ${ITEM}, (SELECT count(*)::int FROM suggestion_supervisions v WHERE v.suggestion_id = s.id) AS supervisions
      FROM suggestions s LEFT JOIN handling_units u ON u.id = s.lead_unit_id
      WHERE s.congress_id = ${actor.congressId} AND s.is_key ${actor.roles.includes('congressStaff') ? sql`` : sql`AND ${actor.accountId}::uuid = ANY(s.key_leader_account_ids)`}
      ORDER BY s.seq NULLS LAST LIMIT 200`);
    out.overdue =
      await rows(sql`SELECT ${ITEM} FROM suggestions s LEFT JOIN handling_units u ON u.id = s.lead_unit_id
      WHERE s.congress_id = ${actor.congressId} AND s.status IN ('assigned', 'handBackRequested', 'rehandling') AND s.deadline < now() ORDER BY s.deadline LIMIT 200`);
  }
  return out;
}
