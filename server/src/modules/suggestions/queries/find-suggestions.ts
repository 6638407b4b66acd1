// The suggestion lists: staff and leaders see the congress's, a deputy their own and co-signed, a unit what is assigned to it.
// Filters: unit, status, overdue, sitting, key, text; newest first, cursor paging on the id (UUIDv7, time-ordered).
// The list is the staff's most-opened page, so it takes the hot-path shape of ADRs 0009 and 0010: a hand-built statement,
// prepared (named per text: PostgreSQL parses and plans each filter combination once per connection), whose
// items are the rows' stored JSON (migration 0402), joined into one row by PostgreSQL and sent on as they are.
import { HANDLING_STATUSES } from '@minyi/domain/suggestions';
import type { Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { UNSUBMITTED_STATUSES } from '../suggestions.policy';
import { decodeCursor, jsonPageOf } from '../../../platform/http';
import { aggregatePage, join, prepared, raw, stmt, type Statement } from '../../../platform/statement';

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

// Constants of the domain, inlined as literals so the statement text stays the same for every request.
const handling = raw(HANDLING_STATUSES.map((s) => `'${s}'`).join(', '));
const unsubmitted = raw(UNSUBMITTED_STATUSES.map((s) => `'${s}'`).join(', '));

// An item of the list: the row's stored JSON (migration 0402) with "overdue", which depends on the hour.
const item = `s.list_item || ',"overdue":'
  || CASE WHEN s.status IN (${handling.text}) AND s.deadline < now() THEN 'true' ELSE 'false' END || '}'`;

export async function findSuggestions(ctx: Ctx, q: SuggestionListQuery) {
  const actor = requireRole(ctx.actor, ['congressStaff', 'leader', 'deputy', 'handlingUnitStaff']);
  const conds: Statement[] = [stmt`s.congress_id = ${actor.congressId}`];
  const staffLike = actor.roles.includes('congressStaff') || actor.roles.includes('leader');
  if (!staffLike || q.mine === 'true') {
    // Own work only: a deputy's suggestions and co-signings, a unit's active assignments.
    const own: Statement[] = [];
    if (actor.deputyId) {
      own.push(stmt`s.proposer_deputy_id = ${actor.deputyId}`);
      own.push(
        stmt`EXISTS (SELECT 1 FROM suggestion_cosigners c WHERE c.suggestion_id = s.id AND c.deputy_id = ${actor.deputyId})`,
      );
    }
    if (actor.handlingUnitId) {
      own.push(
        stmt`EXISTS (SELECT 1 FROM suggestion_assignments a WHERE a.suggestion_id = s.id AND a.unit_id = ${actor.handlingUnitId} AND a.ended_at IS NULL)`,
      );
    }
    if (actor.roles.includes('leader') && q.mine === 'true')
      own.push(stmt`${actor.accountId}::uuid = ANY(s.key_leader_account_ids)`);
    conds.push(own.length ? stmt`(${join(own, ' OR ')})` : stmt`false`);
  } else {
    // Staff and leaders never see another's draft, in the list or its count (issue 22 item 7); their own
    // (a leader who is also a deputy) they do.
    const mineIfDraft = actor.deputyId
      ? stmt` OR s.proposer_deputy_id = ${actor.deputyId} OR EXISTS (SELECT 1 FROM suggestion_cosigners c WHERE c.suggestion_id = s.id AND c.deputy_id = ${actor.deputyId})`
      : stmt``;
    conds.push(stmt`(s.status NOT IN (${unsubmitted})${mineIfDraft})`);
  }
  // Filtered by unit, the query is driven from the unit's active assignments, newest suggestion first, so it
  // reads only that unit's rows; a unit holds a suggestion once. Each assignment carries its suggestion's
  // status and deadline (migration 0401), so a status filter is one ordered range of
  // suggestion_assignments_unit_idx and the overdue test reads the index, not the suggestion: a page of 50
  // probes about 50 suggestions, whatever the mix of statuses. The same tests on `s` below keep the answer
  // exact whatever the copy says. The join clause `= ANY (ARRAY[…])` can only be a nested loop probing the
  // suggestion by key: the prepared statement's generic plan otherwise sometimes merge-joined with a scan of
  // every suggestion in the status (5 ms of database time a request instead of 1).
  if (q.unitId) {
    conds.push(stmt`a.congress_id = ${actor.congressId} AND a.unit_id = ${q.unitId} AND a.ended_at IS NULL`);
    if (q.status) conds.push(stmt`a.suggestion_status = ${q.status}`);
    // With a status given, the overdue test on the copy is the deadline alone (an IN list on the status
    // would make the index range unordered); the status's own test is on `s`.
    if (q.overdue === 'true')
      conds.push(
        q.status
          ? stmt`a.suggestion_deadline < now()`
          : stmt`a.suggestion_status IN (${handling}) AND a.suggestion_deadline < now()`,
      );
  }
  const from = q.unitId
    ? stmt`suggestion_assignments a JOIN suggestions s ON s.id = ANY (ARRAY[a.suggestion_id])`
    : stmt`suggestions s`;
  const orderKey = q.unitId ? stmt`a.suggestion_id` : stmt`s.id`;
  if (q.status) conds.push(stmt`s.status = ${q.status}`);
  if (q.overdue === 'true') conds.push(stmt`s.status IN (${handling}) AND s.deadline < now()`);
  if (q.overdue === 'false') conds.push(stmt`NOT (s.status IN (${handling}) AND s.deadline < now())`);
  if (q.sittingId) conds.push(stmt`s.sitting_id = ${q.sittingId}`);
  if (q.key === 'true') conds.push(stmt`s.is_key`);
  if (q.q) conds.push(stmt`(s.title ILIKE ${`%${q.q}%`} OR s.number ILIKE ${`%${q.q}%`})`);
  const cursor = decodeCursor(q.cursor, ['uuid']);
  if (cursor) conds.push(stmt`${orderKey} < ${String(cursor[0])}::uuid`);

  const text = stmt`
    SELECT s.id, ${raw(item)} AS json
    FROM ${from}
    WHERE ${join(conds, ' AND ')}
    ORDER BY ${orderKey} DESC
    LIMIT ${q.limit + 1}`;
  // The page as one row (aggregatePage); the limit + 1 is the statement's last parameter.
  const [row] = await ctx.app.database.query<{ items: string | null; rowCount: number }>(
    ...prepared({
      text: aggregatePage(text.text, `$${text.params.length}`, ['r.id::text']),
      params: text.params,
    }),
  );
  return jsonPageOf(row, q.limit, 1);
}
