// The workbench queue: staff see the congress, deputies what came through them or their places, a unit
// what it is assigned. Filters: status, due, street, category, unit, place, text. Keyset-paginated on
// (created_at, id) — or (assigned_at, id) for a unit — so page N costs the same as page 1 at any size.
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { andQuery, type OpinionQueueQuery } from '@minyi/domain/opinions';
import type { Ctx } from '../../../platform/context';
import { decodeCursor, jsonPageOf, page } from '../../../platform/http';
import { liaisonPlaceDeputies } from '../../registry';
import { opinionAssignments, opinions } from '../opinions.table';
import { readOpinionSettingsCached } from '../opinions.repository';
import { dueFlag } from './due';
import { aggregatePage, isoText, prepared } from '../../../platform/statement';
import { committeeStreetsOf } from '../opinions.repository';

const STAFF = ['congressStaff', 'liaisonStaff', 'leader'] as const;

// A unit's unfiltered queue, the page every unit opens many times a day: one statement, prepared, keyset on
// (assigned_at, opinion_id) with a row comparison the index serves; its items are the opinions' stored JSON as
// each assignment carries it (migrations 0301, 0303) with the unit's role and the due flag added, in the shape of
// the general path below, folded into one row (aggregatePage): the page reads the assignments alone. The texts
// are built once: $1 congress, $2 unit, $3 now, $4 due-soon bound, $5 limit (+1), and after a cursor $6
// assigned_at, $7 opinion id. The cursor's time is rendered for the page's last row alone.
// "due" as dueFlag: only a forwarded item with a deadline is overdue or due soon.
const unitQueueItem = `a.opinion_item || ',"role":' || to_json(a.role)::text || ',"due":' || CASE
    WHEN a.opinion_status = 'forwarded' AND a.opinion_deadline < $3::timestamptz THEN '"overdue"'
    WHEN a.opinion_status = 'forwarded' AND a.opinion_deadline <= $4::timestamptz THEN '"dueSoon"'
    ELSE 'null' END || '}'`;
const unitQueue = (
  after: string,
) => `SELECT a.opinion_id AS id, a.assigned_at AS "sortAt", ${unitQueueItem} AS json
  FROM opinion_assignments a
  WHERE a.congress_id = $1 AND a.unit_id = $2 AND a.active ${after}
  ORDER BY a.assigned_at DESC, a.opinion_id DESC
  LIMIT $5`;
const UNIT_QUEUE_KEYS = [isoText('r."sortAt"'), 'r.id::text'];
const UNIT_QUEUE_FIRST = aggregatePage(unitQueue(''), '$5', UNIT_QUEUE_KEYS);
const UNIT_QUEUE_AFTER = aggregatePage(
  unitQueue('AND (a.assigned_at, a.opinion_id) < ($6, $7)'),
  '$5',
  UNIT_QUEUE_KEYS,
);

export async function findOpinions(ctx: Ctx, q: OpinionQueueQuery) {
  const actor = ctx.actor!;
  const db = ctx.app.db;
  const congressId = actor.congressId;
  const isStaff = STAFF.some((r) => actor.roles.includes(r));
  const isDeputy = !isStaff && actor.roles.includes('deputy') && !!actor.deputyId;
  // A unit account sees its own unit's queue only.
  const unitId = isStaff ? (q.unitId ?? null) : isDeputy ? null : actor.handlingUnitId;
  if (!isStaff && !isDeputy && !unitId) return { items: [], nextCursor: null };

  const settings = await readOpinionSettingsCached(db, congressId);
  const now = new Date();
  const dueSoonFrom = await ctx.app.calendar.workingDaysAfter(congressId, now, settings.dueSoonWorkingDays);
  const cursor = decodeCursor(q.cursor, ['timestamp', 'uuid']) as [string, string] | null;

  const where: (SQL | undefined)[] = [eq(opinions.congressId, congressId)];
  if (q.status) where.push(eq(opinions.status, q.status));
  if (q.streetId) where.push(eq(opinions.streetId, q.streetId));
  if (q.category) where.push(eq(opinions.category, q.category));
  if (q.liaisonPlaceId) where.push(eq(opinions.liaisonPlaceId, q.liaisonPlaceId));
  if (q.due === 'overdue') where.push(eq(opinions.status, 'forwarded'), lt(opinions.deadlineAt, now));
  if (q.due === 'dueSoon') {
    where.push(
      eq(opinions.status, 'forwarded'),
      sql`${opinions.deadlineAt} >= ${now}`,
      sql`${opinions.deadlineAt} <= ${dueSoonFrom}`,
    );
  }
  if (q.q) {
    const tsq = andQuery(q.q);
    if (tsq) where.push(sql`${opinions.searchTsv} @@ to_tsquery('simple', ${tsq})`);
  }
  if (isDeputy) {
    const places = db
      .select({ id: liaisonPlaceDeputies.liaisonPlaceId })
      .from(liaisonPlaceDeputies)
      .where(eq(liaisonPlaceDeputies.deputyId, actor.deputyId!));
    where.push(
      or(
        eq(opinions.deputyId, actor.deputyId!),
        inArray(opinions.liaisonPlaceId, places),
        // Overdue items escalate to the working committee of their street: its deputies see them here.
        and(
          eq(opinions.status, 'forwarded'),
          lt(opinions.deadlineAt, now),
          inArray(opinions.streetId, committeeStreetsOf(db, actor.deputyId!)),
        ),
      ),
    );
  }

  const columns = {
    id: opinions.id,
    trackingCode: opinions.trackingCode,
    content: opinions.content,
    publicContent: opinions.publicContent,
    category: opinions.category,
    streetId: opinions.streetId,
    channel: opinions.channel,
    status: opinions.status,
    hidden: opinions.hidden,
    leadUnitId: opinions.leadUnitId,
    deadlineAt: opinions.deadlineAt,
    reopenCount: opinions.reopenCount,
    createdAt: opinions.createdAt,
  };
  const limit = q.limit;
  let rows: (typeof columns extends infer _ ? Record<string, unknown> : never)[];
  let keyOf: (r: Record<string, unknown>) => [string, string];
  const plainUnitQueue =
    unitId && !q.status && !q.streetId && !q.category && !q.liaisonPlaceId && !q.due && !q.q && !isDeputy;
  if (plainUnitQueue) {
    const params: unknown[] = [congressId, unitId, now, dueSoonFrom, limit + 1];
    if (cursor) params.push(new Date(cursor[0]), cursor[1]);
    const [row] = await ctx.app.database.query<{ items: string | null; rowCount: number }>(
      ...prepared({ text: cursor ? UNIT_QUEUE_AFTER : UNIT_QUEUE_FIRST, params }),
    );
    return jsonPageOf(row, limit, 2);
  } else if (unitId) {
    if (cursor) {
      const at = new Date(cursor[0]);
      where.push(
        or(
          lt(opinionAssignments.assignedAt, at),
          and(eq(opinionAssignments.assignedAt, at), lt(opinionAssignments.opinionId, cursor[1])),
        ),
      );
    }
    rows = await db
      .select({ ...columns, role: opinionAssignments.role, sortAt: opinionAssignments.assignedAt })
      .from(opinionAssignments)
      .innerJoin(opinions, eq(opinions.id, opinionAssignments.opinionId))
      .where(
        and(
          eq(opinionAssignments.congressId, congressId),
          eq(opinionAssignments.unitId, unitId),
          eq(opinionAssignments.active, true),
          ...where,
        ),
      )
      .orderBy(desc(opinionAssignments.assignedAt), desc(opinionAssignments.opinionId))
      .limit(limit + 1);
    keyOf = (r) => [(r.sortAt as Date).toISOString(), r.id as string];
  } else {
    if (cursor) {
      const at = new Date(cursor[0]);
      where.push(or(lt(opinions.createdAt, at), and(eq(opinions.createdAt, at), lt(opinions.id, cursor[1]))));
    }
    rows = await db
      .select(columns)
      .from(opinions)
      .where(and(...where))
      .orderBy(desc(opinions.createdAt), desc(opinions.id))
      .limit(limit + 1);
    keyOf = (r) => [(r.createdAt as Date).toISOString(), r.id as string];
  }
  const seesFullText = isStaff || isDeputy;
  const result = page(rows, limit, keyOf);
  return {
    nextCursor: result.nextCursor,
    items: result.items.map((r) => ({
      id: r.id as string,
      trackingCode: r.trackingCode as string,
      content: seesFullText ? (r.content as string) : (r.publicContent as string),
      category: r.category as string,
      streetId: r.streetId as string,
      channel: r.channel as string,
      status: r.status as string,
      hidden: r.hidden as boolean,
      leadUnitId: r.leadUnitId as string | null,
      role: (r.role as string | undefined) ?? null,
      deadlineAt: r.deadlineAt as Date | null,
      due: dueFlag(r as never, now, dueSoonFrom),
      reopenCount: r.reopenCount as number,
      createdAt: r.createdAt as Date,
    })),
  };
}
