// The campaigns, newest first (staff and leaders), each with how many activities it groups.
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { campaigns } from '../activities.table';
import { READERS } from '../activities.policy';

export async function findCampaigns(db: Db, actor: Actor) {
  requireRole(actor, READERS);
  const items = await db
    .select({
      id: campaigns.id,
      kind: campaigns.kind,
      title: campaigns.title,
      from: campaigns.fromDate,
      to: campaigns.toDate,
      goal: campaigns.goal,
      activities: sql<number>`(SELECT count(*)::int FROM activities a WHERE a.campaign_id = "campaigns"."id")`,
    })
    .from(campaigns)
    .where(eq(campaigns.congressId, actor.congressId))
    .orderBy(desc(campaigns.fromDate), desc(campaigns.id))
    .limit(200);
  return { items };
}
