// What waits for the signed-in user at meetings (GET /workbench): a member's open votes not yet cast (on the
// roll of a meeting in session), and staff's meetings of today still to hold or close.
import { shanghaiDate } from '@minyi/domain/calendar';
import type { WorkbenchItem } from '@minyi/domain';
import type { Ctx } from '../../../platform/context';
import { findVotedIn } from '../../ballots';

const item = (kind: string, link: string, count = 0, dueSoon = 0, overdue = 0): WorkbenchItem => ({
  module: 'meetings',
  kind,
  count,
  dueSoon,
  overdue,
  link,
});

export async function getMeetingsWorkbench(ctx: Ctx): Promise<WorkbenchItem[]> {
  const actor = ctx.actor!;
  const { database } = ctx.app;
  const items: WorkbenchItem[] = [];

  if (actor.deputyId) {
    const open = await database.query<{ id: string; secret: boolean }>(
      `SELECT v.id, v.secret FROM meeting_votes v
         JOIN meeting_members mm ON mm.meeting_id = v.meeting_id AND mm.deputy_id = $2
        WHERE v.congress_id = $1 AND v.status = 'open'
          AND NOT EXISTS (SELECT 1 FROM meeting_ballots b WHERE b.vote_id = v.id AND b.deputy_id = $2)`,
      [actor.congressId, actor.deputyId],
    );
    // A secret vote's mark is the engine's (nothing of the ballot is read).
    const secretVoted = await findVotedIn(
      ctx.app.db,
      open.filter((v) => v.secret).map((v) => v.id),
      actor.deputyId,
    );
    const count = open.filter((v) => !secretVoted.has(v.id)).length;
    // An open vote is cast now or never: each one is due.
    items.push(item('votesToCast', '/meetings/votes', count, count));
  }

  if (actor.roles.includes('congressStaff')) {
    const today = shanghaiDate(new Date());
    const [r] = await database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM meetings
        WHERE congress_id = $1 AND status <> 'closed' AND start_date <= $2::date AND end_date >= $2::date`,
      [actor.congressId, today],
    );
    items.push(item('meetingsToday', '/meetings', r.count, r.count));
  }
  return items;
}
