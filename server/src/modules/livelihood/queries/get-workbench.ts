// What waits for the signed-in user among livelihood projects (GET /workbench): a deputy's votes to sign in to
// and to cast (through the ballots engine's count, nothing of a ballot read); a lead unit's projects whose
// report for this month is not in yet (overdue after the month's 25th, the report being due by month's end);
// staff's citizens' ideas still open for the shortlist.
import { shanghaiDate } from '@minyi/domain/calendar';
import type { WorkbenchItem } from '@minyi/domain';
import type { Ctx } from '../../../platform/context';
import { countVotesAwaiting } from '../../ballots';

const item = (kind: string, link: string, count = 0, dueSoon = 0, overdue = 0): WorkbenchItem => ({
  module: 'livelihood',
  kind,
  count,
  dueSoon,
  overdue,
  link,
});
/** From this day of the month a missing monthly report is shown as due soon. */
const REPORT_DUE_SOON_FROM_DAY = 25;

export async function getLivelihoodWorkbench(ctx: Ctx): Promise<WorkbenchItem[]> {
  const actor = ctx.actor!;
  const { database } = ctx.app;
  const congressId = actor.congressId;
  const items: WorkbenchItem[] = [];

  if (actor.roles.includes('deputy') && actor.deputyId) {
    const votes = await countVotesAwaiting(ctx);
    const link = (n: number) =>
      n === 1 && votes.voteIds.length === 1 ? `/livelihood/votes/${votes.voteIds[0]}` : '/livelihood/votes';
    items.push(item('toSignIn', link(votes.toSignIn), votes.toSignIn));
    items.push(item('toVote', link(votes.toVote), votes.toVote, votes.toVote));
  }

  if (actor.roles.includes('handlingUnitStaff') && actor.handlingUnitId) {
    const today = shanghaiDate(new Date());
    const month = today.slice(0, 7);
    const [r] = await database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM livelihood_projects p
        WHERE p.congress_id = $1 AND p.lead_unit_id = $2 AND p.status NOT IN ('completed', 'accepted')
          AND NOT EXISTS (SELECT 1 FROM livelihood_progress_reports x WHERE x.project_id = p.id AND x.month = $3)`,
      [congressId, actor.handlingUnitId, month],
    );
    const late = Number(today.slice(8, 10)) >= REPORT_DUE_SOON_FROM_DAY ? r.count : 0;
    items.push(item('progressToReport', '/livelihood/projects', r.count, late));
  }

  if (actor.roles.includes('congressStaff')) {
    const [r] = await database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM livelihood_ideas WHERE congress_id = $1 AND status = 'open'`,
      [congressId],
    );
    items.push(item('ideasOpen', '/livelihood/ideas', r.count));
  }
  return items;
}
