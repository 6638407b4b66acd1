// The activities list, newest first: every activity for staff and leaders (by campaign, by kind); for a
// deputy, their own (invited or attended). Each with its place, counts of invited and attended, and the
// caller's own line. Cursor over (start, id).
import { and, desc, eq, exists, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { decodeCursor, page } from '../../../platform/http';
import { liaisonPlaces } from '../../registry';
import { activities, activityParticipants } from '../activities.table';
import { READERS } from '../activities.policy';

const NO_DEPUTY = '00000000-0000-0000-0000-000000000000';

export async function findActivities(
  db: Db,
  actor: Actor,
  q: { campaignId?: string; kind?: string; mine?: 'true' | 'false'; cursor?: string; limit: number },
) {
  const after = decodeCursor(q.cursor, ['text', 'uuid']);
  const staff = READERS.some((r) => actor.roles.includes(r));
  if (!staff && !actor.deputyId) throw forbidden();
  const own = !staff || q.mine === 'true';
  const me = actor.deputyId ?? NO_DEPUTY;
  const mine = db
    .select({ one: sql`1` })
    .from(activityParticipants)
    .where(and(eq(activityParticipants.activityId, activities.id), eq(activityParticipants.deputyId, me)));
  const rows = await db
    .select({
      id: activities.id,
      kind: activities.kind,
      title: activities.title,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      placeId: activities.placeId,
      placeName: liaisonPlaces.name,
      address: activities.address,
      campaignId: activities.campaignId,
      organiserKind: activities.organiserKind,
      organiserName: activities.organiserName,
      recorded: sql<boolean>`${activities.recordedAt} IS NOT NULL`,
      invited: sql<number>`(SELECT count(*)::int FROM activity_participants p WHERE p.activity_id = "activities"."id" AND p.invited)`,
      attended: sql<number>`(SELECT count(*)::int FROM activity_participants p WHERE p.activity_id = "activities"."id" AND p.attended_at IS NOT NULL)`,
      my: sql<{
        invited: boolean;
        rsvp: string;
        attendedAt: string | null;
      } | null>`(SELECT json_build_object('invited', p.invited, 'rsvp', p.rsvp, 'attendedAt', p.attended_at) FROM activity_participants p WHERE p.activity_id = "activities"."id" AND p.deputy_id = ${me})`,
    })
    .from(activities)
    .leftJoin(liaisonPlaces, eq(liaisonPlaces.id, activities.placeId))
    .where(
      and(
        eq(activities.congressId, actor.congressId),
        q.campaignId ? eq(activities.campaignId, q.campaignId) : undefined,
        q.kind ? eq(activities.kind, q.kind) : undefined,
        own ? exists(mine) : undefined,
        after
          ? or(
              lt(activities.startsAt, new Date(after[0])),
              and(eq(activities.startsAt, new Date(after[0])), lt(activities.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(activities.startsAt), desc(activities.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, (r) => [r.startsAt.toISOString(), r.id]);
}
