// What waits for the signed-in user among citizens' opinions (GET /workbench): opinions to claim (staff, and a
// deputy for what came through them or their liaison places), those a unit handed back, a unit's opinions to
// answer with their deadlines, what is due soon or overdue at the units (staff, leaders), and a deputy's receptions to
// come. Counted in the database; due soon is the congress's setting in working days, as the queue shows it.
import type { WorkbenchItem } from '@minyi/domain';
import type { Ctx } from '../../../platform/context';
import { dueSoonBound } from './due';

const item = (kind: string, link: string, count = 0, dueSoon = 0, overdue = 0): WorkbenchItem => ({
  module: 'opinions',
  kind,
  count,
  dueSoon,
  overdue,
  link,
});

export async function getOpinionsWorkbench(ctx: Ctx): Promise<WorkbenchItem[]> {
  const actor = ctx.actor!;
  const { database } = ctx.app;
  const roles = actor.roles;
  const congressId = actor.congressId;
  const now = new Date();
  const soon = await dueSoonBound(ctx.app, congressId, now);
  const items: WorkbenchItem[] = [];

  if (roles.includes('congressStaff') || roles.includes('liaisonStaff') || roles.includes('leader')) {
    const [r] = await database.query<{
      toClaim: number;
      handedBack: number;
      overdue: number;
      dueSoon: number;
    }>(
      `SELECT count(*) FILTER (WHERE status = 'submitted')::int AS "toClaim",
              count(*) FILTER (WHERE status = 'returnedToStaff')::int AS "handedBack",
              count(*) FILTER (WHERE status = 'forwarded' AND deadline_at < $2)::int AS overdue,
              count(*) FILTER (WHERE status = 'forwarded' AND deadline_at >= $2 AND deadline_at <= $3)::int AS "dueSoon"
         FROM opinions
        WHERE congress_id = $1 AND status IN ('submitted', 'returnedToStaff', 'forwarded')`,
      [congressId, now, soon],
    );
    if (!roles.includes('leader') || roles.includes('congressStaff') || roles.includes('liaisonStaff')) {
      items.push(item('toClaim', '/opinions/workbench?status=submitted', r.toClaim));
      items.push(item('handedBack', '/opinions/workbench?status=returnedToStaff', r.handedBack));
    }
    // Forwarded items due soon or overdue at the units, for staff to press (the rest are on time).
    const due = r.overdue + r.dueSoon;
    items.push(
      item(
        'atUnitsDue',
        `/opinions/workbench?due=${r.overdue ? 'overdue' : 'dueSoon'}`,
        due,
        r.dueSoon,
        r.overdue,
      ),
    );
  }

  if (roles.includes('handlingUnitStaff') && actor.handlingUnitId) {
    const [r] = await database.query<{ count: number; overdue: number; dueSoon: number }>(
      `SELECT count(*)::int AS count,
              count(*) FILTER (WHERE opinion_deadline < $3)::int AS overdue,
              count(*) FILTER (WHERE opinion_deadline >= $3 AND opinion_deadline <= $4)::int AS "dueSoon"
         FROM opinion_assignments
        WHERE congress_id = $1 AND unit_id = $2 AND active AND opinion_status = 'forwarded'`,
      [congressId, actor.handlingUnitId, now, soon],
    );
    items.push(item('toAnswer', '/opinions/workbench?status=forwarded', r.count, r.dueSoon, r.overdue));
  }

  if (roles.includes('deputy') && actor.deputyId) {
    const [r] = await database.query<{ toClaim: number; receptions: number; today: number }>(
      `SELECT (SELECT count(*)::int FROM opinions o
                WHERE o.congress_id = $1 AND o.status = 'submitted'
                  AND (o.deputy_id = $2 OR o.liaison_place_id IN
                       (SELECT liaison_place_id FROM liaison_place_deputies WHERE deputy_id = $2))) AS "toClaim",
              (SELECT count(*)::int FROM reception_deputies rd JOIN receptions r ON r.id = rd.reception_id
                WHERE rd.congress_id = $1 AND rd.deputy_id = $2 AND r.status = 'scheduled' AND r.ends_at >= $3)
                AS receptions,
              (SELECT count(*)::int FROM reception_deputies rd JOIN receptions r ON r.id = rd.reception_id
                WHERE rd.congress_id = $1 AND rd.deputy_id = $2 AND r.status = 'scheduled'
                  AND r.ends_at >= $3 AND r.starts_at <= $4) AS today`,
      [congressId, actor.deputyId, now, soon],
    );
    items.push(item('toClaim', '/opinions/workbench?status=submitted', r.toClaim));
    items.push(item('receptionsToAttend', '/receptions', r.receptions, r.today));
  }
  return items;
}
