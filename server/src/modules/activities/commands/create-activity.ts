// A deputies' activity (代表活动): its kind (one of the congress's kinds), organiser, place (a liaison place of
// the registry, or an address), time, topic, campaign, outside participants and the deputies invited. The
// place's street is kept for the dashboard per street; a token is made for the place's QR code.
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { CreateActivity } from '@minyi/domain/activities';
import { transact, type Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { deputies, liaisonPlaces } from '../../registry';
import { activities, activityParticipants, campaigns } from '../activities.table';
import { STAFF } from '../activities.policy';
import { readActivitiesSettings } from '../activities.settings';
import { INVITE_NOTICE_JOB } from '../jobs/invite-notice';

export async function createActivity(ctx: Ctx, input: CreateActivity) {
  const actor = requireRole(ctx.actor, STAFF);
  const congressId = actor.congressId;
  return transact(ctx, async (w) => {
    const settings = await readActivitiesSettings(w.db, congressId);
    if (!settings.kinds.includes(input.kind))
      throw invalidField(
        'kind',
        `不是本级人大设置的活动类型（${settings.kinds.join('、')}）`,
        `is not one of the congress's kinds of activity (${settings.kinds.join(', ')})`,
        'unknown_kind',
      );
    let streetId: string | null = null;
    if (input.placeId) {
      const [place] = await w.db
        .select({ streetId: liaisonPlaces.streetId })
        .from(liaisonPlaces)
        .where(and(eq(liaisonPlaces.id, input.placeId), eq(liaisonPlaces.congressId, congressId)));
      if (!place) throw invalidField('placeId', '联络站点不存在', 'no such liaison place', 'unknown');
      streetId = place.streetId;
    } else if (!input.address)
      throw invalidField(
        'placeId',
        '请选择联络站点或填写地址',
        'give a liaison place or an address',
        'required',
      );
    if (input.campaignId) {
      const [c] = await w.db
        .select({ id: campaigns.id })
        .from(campaigns)
        .where(and(eq(campaigns.id, input.campaignId), eq(campaigns.congressId, congressId)));
      if (!c) throw invalidField('campaignId', '专项活动不存在', 'no such campaign', 'unknown');
    }
    const invited = [...new Set(input.deputyIds)];
    if (invited.length) {
      const found = await w.db
        .select({ id: deputies.id })
        .from(deputies)
        .where(and(eq(deputies.congressId, congressId), inArray(deputies.id, invited)));
      if (found.length !== invited.length)
        throw invalidField('deputyIds', '包含未知的代表', 'contains unknown deputies', 'unknown');
    }
    const row = {
      id: newId(),
      congressId,
      kind: input.kind,
      title: input.title,
      topic: input.topic,
      organiserKind: input.organiserKind,
      organiserName: input.organiserName,
      placeId: input.placeId ?? null,
      streetId,
      address: input.address,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      campaignId: input.campaignId ?? null,
      outsideParticipants: input.outsideParticipants,
      checkInToken: randomBytes(12).toString('base64url'),
      createdBy: actor.accountId,
    };
    await w.db.insert(activities).values(row);
    if (invited.length) {
      await w.db
        .insert(activityParticipants)
        .values(invited.map((deputyId) => ({ congressId, activityId: row.id, deputyId, invited: true })));
      await w.enqueue(INVITE_NOTICE_JOB, { activityId: row.id, deputyIds: invited });
    }
    const { checkInToken: _token, ...shown } = row;
    await w.audit({
      action: 'activity.create',
      entityType: 'activity',
      entityId: row.id,
      congressId,
      after: { ...shown, invited: invited.length },
    });
    return { id: row.id };
  });
}
