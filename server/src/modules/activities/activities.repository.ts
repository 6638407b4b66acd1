// The loaders and lockers the activity commands share.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor, Work } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { activities, activityParticipants, campaignFirms, campaigns } from './activities.table';
import type { ActivityResource, CampaignResource } from './activities.policy';

export type ActivityRow = typeof activities.$inferSelect;

export const ACTIVITY = { zh: '代表活动', en: 'activity' };
export const CAMPAIGN = { zh: '专项活动', en: 'campaign' };

/**
 * Loads an activity of the actor's congress for a step, with the actor's own line (one statement); 404 when absent
 * or in another congress. Locked (FOR UPDATE) unless `lock` is false: a deputy's check-in changes only their own
 * line (whose key it inserts or updates), so a thousand deputies checking in at once do not queue on the activity.
 */
export async function loadActivityStep(
  w: Work,
  actor: Actor,
  activityId: string,
  lock = true,
): Promise<{ row: ActivityRow; resource: ActivityResource }> {
  const q = w.db
    .select({ row: activities, invited: activityParticipants.invited })
    .from(activities)
    .leftJoin(
      activityParticipants,
      and(
        eq(activityParticipants.activityId, activities.id),
        eq(activityParticipants.deputyId, actor.deputyId ?? sql`NULL::uuid`),
      ),
    )
    .where(and(eq(activities.id, activityId), eq(activities.congressId, actor.congressId)));
  const [found] = lock ? await q.for('update', { of: activities }) : await q;
  if (!found) throw notFound(ACTIVITY);
  const row = found.row;
  const line = found.invited === null ? undefined : { invited: found.invited };
  return {
    row,
    resource: { congressId: row.congressId, participant: !!line, invited: !!line?.invited },
  };
}

/** A campaign of the congress, or 404. */
export async function loadCampaign(w: Pick<Work, 'db'>, congressId: string, campaignId: string) {
  const [row] = await w.db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.congressId, congressId)));
  if (!row) throw notFound(CAMPAIGN);
  return row;
}

export const FIRM = { zh: '企业', en: 'firm' };
export const PLEDGE = { zh: '承诺', en: 'pledge' };

/** A campaign of the actor's congress (locked when `lock`) with whether the actor's deputy has firms in it. */
export async function loadCampaignStep(
  w: Pick<Work, 'db'>,
  actor: Actor,
  campaignId: string,
  lock = false,
): Promise<{ row: typeof campaigns.$inferSelect; resource: CampaignResource }> {
  const q = w.db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.congressId, actor.congressId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound(CAMPAIGN);
  const [mine] = actor.deputyId
    ? await w.db
        .select({ firmId: campaignFirms.firmId })
        .from(campaignFirms)
        .where(and(eq(campaignFirms.campaignId, row.id), eq(campaignFirms.deputyId, actor.deputyId)))
        .limit(1)
    : [];
  return { row, resource: { congressId: row.congressId, assigned: !!mine } };
}
