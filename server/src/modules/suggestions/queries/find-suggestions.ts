// The suggestion lists: staff and leaders see the congress's, a deputy their own and co-signed, a unit what is assigned to it.
// Filters: unit, status, overdue, sitting, key, text; newest first, cursor paging on the id (UUIDv7, time-ordered).
import { sql, type SQL } from 'drizzle-orm';
import { HANDLING_STATUSES } from '@minyi/domain/suggestions';
import type { Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { decodeCursor, page } from '../../../platform/http';

export interface SuggestionListQuery {
  cursor?: string;
  limit: number;
  unitId?: string;
  status?: string;
  overdue?: 'true' | 'false';
  sittingId?: string;
  key?: 'true' | 'false';
  mine?: 'true' | 'false';
  q?: string;
}

const handling = sql.join(
  HANDLING_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

export async function findSuggestions(ctx: Ctx, q: SuggestionListQuery) {
  const actor = requireRole(ctx.actor, ['congressStaff', 'leader', 'deputy', 'handlingUnitStaff']);
  const conds: SQL[] = [sql`s.congress_id = ${actor.congressId}`];
  const staffLike = actor.roles.includes('congressStaff') || actor.roles.includes('leader');
  if (!staffLike || q.mine === 'true') {
    // Own work only: a deputy's suggestions and co-signings, a unit's active assignments.
    const own: SQL[] = [];
    if (actor.deputyId) {
      own.push(sql`s.proposer_deputy_id = ${actor.deputyId}`);
      own.push(
        sql`EXISTS (SELECT 1 FROM suggestion_cosigners c WHERE c.suggestion_id = s.id AND c.deputy_id = ${actor.deputyId})`,
      );
    }
    if (actor.handlingUnitId) {
      own.push(
        sql`EXISTS (SELECT 1 FROM suggestion_assignments a WHERE a.suggestion_id = s.id AND a.unit_id = ${actor.handlingUnitId} AND a.ended_at IS NULL)`,
      );
    }
    if (actor.roles.includes('leader') && q.mine === 'true')
      own.push(sql`s.leader_account_id = ${actor.accountId}`);
    conds.push(own.length ? sql`(${sql.join(own, sql` OR `)})` : sql`false`);
  }
  // Filtered by unit, the query is driven from the unit's active assignments, newest suggestion first
  // (index suggestion_assignments_unit_idx), so it reads only that unit's rows; a unit holds a suggestion once.
  if (q.unitId)
    conds.push(sql`a.congress_id = ${actor.congressId} AND a.unit_id = ${q.unitId} AND a.ended_at IS NULL`);
  const from = q.unitId
    ? sql`suggestion_assignments a JOIN suggestions s ON s.id = a.suggestion_id`
    : sql`suggestions s`;
  const orderKey = q.unitId ? sql`a.suggestion_id` : sql`s.id`;
  if (q.status) conds.push(sql`s.status = ${q.status}`);
  if (q.overdue === 'true') conds.push(sql`s.status IN (${handling}) AND s.deadline < now()`);
  if (q.overdue === 'false') conds.push(sql`NOT (s.status IN (${handling}) AND s.deadline < now())`);
  if (q.sittingId) conds.push(sql`s.sitting_id = ${q.sittingId}`);
  if (q.key === 'true') conds.push(sql`s.is_key`);
  if (q.q) conds.push(sql`(s.title ILIKE ${`%${q.q}%`} OR s.number ILIKE ${`%${q.q}%`})`);
  const cursor = decodeCursor(q.cursor, 1);
  if (cursor) conds.push(sql`${orderKey} < ${String(cursor[0])}::uuid`);

  const res = (await ctx.app.db.execute(sql`
    SELECT s.id, s.number, s.title, s.category, s.status, s.submitted_at AS "submittedAt", s.deadline, s.assign_due_at AS "assignDueAt",
           s.reply_category AS "replyCategory", s.rating, s.is_key AS "isKey", s.extended, s.handling_case_id AS "handlingCaseId",
           d.name AS "proposerName", u.name AS "leadUnitName", s.lead_unit_id AS "leadUnitId",
           (s.status IN (${handling}) AND s.deadline < now()) AS overdue
    FROM ${from}
    LEFT JOIN deputies d ON d.id = s.proposer_deputy_id
    LEFT JOIN handling_units u ON u.id = s.lead_unit_id
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY ${orderKey} DESC
    LIMIT ${q.limit + 1}
  `)) as unknown as { rows: Record<string, unknown>[] };
  const rows = res.rows.map((r) => ({
    ...r,
    submittedAt: r.submittedAt ? new Date(r.submittedAt as string).toISOString() : null,
    deadline: r.deadline ? new Date(r.deadline as string).toISOString() : null,
    assignDueAt: r.assignDueAt ? new Date(r.assignDueAt as string).toISOString() : null,
  }));
  return page(rows as ((typeof rows)[number] & { id: string })[], q.limit, (r) => [r.id]);
}
