// The campaigns, newest first, each with how many activities it groups: staff and leaders see all; an account
// linked to a deputy sees the campaigns where it has firms to visit (to record its visits on the phone).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { forbidden, unauthorized } from '../../../platform/errors';
import { campaigns } from '../activities.table';
import { READERS } from '../activities.policy';

export async function findCampaigns(db: Db, actor: Actor | null) {
  if (!actor) throw unauthorized();
  const reader = READERS.some((r) => actor.roles.includes(r));
  if (!reader && !actor.deputyId) throw forbidden();
  const items = await db
    .select({
      id: campaigns.id,
      kind: campaigns.kind,
      title: campaigns.title,
      from: campaigns.fromDate,
      to: campaigns.toDate,
      goal: campaigns.goal,
      activities: sql<number>`(SELECT count(*)::int FROM activities a WHERE a.campaign_id = "campaigns"."id")`,
      mine: actor.deputyId
        ? sql<number>`(SELECT count(*)::int FROM campaign_firms f WHERE f.campaign_id = "campaigns"."id" AND f.deputy_id = ${actor.deputyId})`
        : sql<number>`0`,
    })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.congressId, actor.congressId),
        reader
          ? undefined
          : sql`EXISTS (SELECT 1 FROM campaign_firms f WHERE f.campaign_id = "campaigns"."id" AND f.deputy_id = ${actor.deputyId})`,
      ),
    )
    .orderBy(desc(campaigns.fromDate), desc(campaigns.id))
    .limit(200);
  return { items };
}
