// What waits for the signed-in user among deputies' suggestions (GET /workbench): a deputy's drafts, items
// returned for revision, co-signings asked of them and replies to rate; a unit's items to reply to (lead) or to
// advise on (assisting), with their deadlines; staff's reviews, assignments, hand-back and extension decisions
// and re-handling reviews; a leader's key suggestions not yet closed. One statement per role, counted in the
// database; "due soon" is the widest reminder threshold of the congress's settings, in working days.
import { HANDLING_STATUSES, type SuggestionStatus } from '@minyi/domain/suggestions';
import type { WorkbenchItem } from '@minyi/domain';
import type { Ctx } from '../../../platform/context';
import { readSuggestionSettings } from '../suggestions.repository';

const item = (kind: string, link: string, count = 0, dueSoon = 0, overdue = 0): WorkbenchItem => ({
  module: 'suggestions',
  kind,
  count,
  dueSoon,
  overdue,
  link,
});
const handling: readonly SuggestionStatus[] = HANDLING_STATUSES;

export async function getSuggestionsWorkbench(ctx: Ctx): Promise<WorkbenchItem[]> {
  const actor = ctx.actor!;
  const { database } = ctx.app;
  const congressId = actor.congressId;
  const roles = actor.roles;
  const items: WorkbenchItem[] = [];

  if (roles.includes('deputy') && actor.deputyId) {
    const [r] = await database.query<{ drafts: number; toRevise: number; toCosign: number; toRate: number }>(
      `SELECT count(*) FILTER (WHERE s.status = 'draft' AND s.proposer_deputy_id = $2)::int AS drafts,
              count(*) FILTER (WHERE s.status = 'returnedForRevision' AND s.proposer_deputy_id = $2)::int AS "toRevise",
              count(*) FILTER (WHERE s.status = 'replied' AND s.proposer_deputy_id = $2)::int AS "toRate",
              (SELECT count(*)::int FROM suggestion_cosigners c JOIN suggestions x ON x.id = c.suggestion_id
                WHERE c.congress_id = $1 AND c.deputy_id = $2 AND c.status = 'pending'
                  AND x.status = 'awaitingCosigners') AS "toCosign"
         FROM suggestions s
        WHERE s.congress_id = $1 AND s.proposer_deputy_id = $2
          AND s.status IN ('draft', 'returnedForRevision', 'replied')`,
      [congressId, actor.deputyId],
    );
    items.push(item('drafts', '/suggestions/mine?status=draft', r.drafts));
    items.push(item('toRevise', '/suggestions/mine?status=returnedForRevision', r.toRevise));
    items.push(item('toCosign', '/suggestions/mine?status=awaitingCosigners', r.toCosign));
    items.push(item('toRate', '/suggestions/mine?status=replied', r.toRate));
  }

  if (roles.includes('handlingUnitStaff') && actor.handlingUnitId) {
    const settings = await readSuggestionSettings(ctx.app.db, congressId);
    const now = new Date();
    const soon = await ctx.app.calendar.workingDaysAfter(
      congressId,
      now,
      Math.max(...settings.reminderWorkingDaysBefore),
    );
    const rows = await database.query<{ role: string; count: number; overdue: number; dueSoon: number }>(
      `SELECT a.role, count(*)::int AS count,
              count(*) FILTER (WHERE a.suggestion_deadline < $3)::int AS overdue,
              count(*) FILTER (WHERE a.suggestion_deadline >= $3 AND a.suggestion_deadline <= $4)::int AS "dueSoon"
         FROM suggestion_assignments a
        WHERE a.congress_id = $1 AND a.unit_id = $2 AND a.ended_at IS NULL
          AND a.suggestion_status = ANY($5::text[])
        GROUP BY a.role`,
      [congressId, actor.handlingUnitId, now, soon, handling],
    );
    for (const role of ['lead', 'assisting'] as const) {
      const r = rows.find((x) => x.role === role);
      if (r)
        items.push(
          item(role === 'lead' ? 'toReply' : 'toAdvise', '/suggestions', r.count, r.dueSoon, r.overdue),
        );
    }
  }

  if (roles.includes('congressStaff')) {
    const now = new Date();
    const [r] = await database.query<{
      toReview: number;
      toAssign: number;
      assignOverdue: number;
      handBacks: number;
      extensions: number;
      rehandlingReviews: number;
      overdue: number;
    }>(
      `SELECT count(*) FILTER (WHERE s.status = 'submitted')::int AS "toReview",
              count(*) FILTER (WHERE s.status = 'accepted')::int AS "toAssign",
              count(*) FILTER (WHERE s.status = 'accepted' AND s.assign_due_at < $2)::int AS "assignOverdue",
              count(*) FILTER (WHERE s.status = 'rehandlingReview')::int AS "rehandlingReviews",
              count(*) FILTER (WHERE s.status = ANY($3::text[]) AND s.deadline < $2)::int AS overdue,
              (SELECT count(*)::int FROM suggestion_hand_backs h
                WHERE h.congress_id = $1 AND h.status = 'pending') AS "handBacks",
              (SELECT count(*)::int FROM suggestion_extensions e
                WHERE e.congress_id = $1 AND e.status = 'pending') AS extensions
         FROM suggestions s
        WHERE s.congress_id = $1`,
      [congressId, now, handling],
    );
    items.push(item('toReview', '/suggestions?status=submitted', r.toReview));
    items.push(item('toAssign', '/suggestions?status=accepted', r.toAssign, 0, r.assignOverdue));
    items.push(item('handBacks', '/suggestions?status=handBackRequested', r.handBacks));
    items.push(item('extensions', '/suggestions', r.extensions));
    items.push(item('rehandlingReviews', '/suggestions?status=rehandlingReview', r.rehandlingReviews));
    items.push(item('overdue', '/suggestions?overdue=true', r.overdue, 0, r.overdue));
  }

  if (roles.includes('leader')) {
    const [r] = await database.query<{ count: number; overdue: number }>(
      `SELECT count(*)::int AS count,
              count(*) FILTER (WHERE s.status = ANY($3::text[]) AND s.deadline < $4)::int AS overdue
         FROM suggestions s
        WHERE s.congress_id = $1 AND s.is_key AND $2 = ANY(s.key_leader_account_ids)
          AND s.status NOT IN ('closed', 'withdrawn')`,
      [congressId, actor.accountId, handling, new Date()],
    );
    items.push(item('keyToSupervise', '/suggestions/key', r.count, 0, r.overdue));
  }
  return items;
}
