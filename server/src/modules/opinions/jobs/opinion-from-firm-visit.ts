// Reacts to the activities module's `activity.firmIssueRecorded`: a problem a firm raised in an enterprise
// visit becomes an opinion, claimed by whoever recorded the visit and forwarded to the unit chosen. A retry
// after the opinion was made changes nothing.
import { eq } from 'drizzle-orm';
import type { Role } from '@minyi/domain';
import { transact } from '../../../platform/context';
import { subscribe } from '../../../platform/events';
import { firmIssueRecorded } from '../../activities/activities.events';
import { opinions } from '../opinions.table';
import { createForwardedOpinion } from '../commands/create-forwarded-opinion';

export const opinionFromFirmVisit = subscribe({
  event: firmIssueRecorded,
  name: 'opinions.opinionFromFirmVisit',
  async handle(app, payload) {
    const actor = { ...payload.actor, roles: payload.actor.roles as Role[] };
    await transact({ app, actor, meta: payload.meta }, async (w) => {
      const [made] = await w.db
        .select({ id: opinions.id })
        .from(opinions)
        .where(eq(opinions.id, payload.opinionId));
      if (made) return;
      await createForwardedOpinion(
        w,
        {
          congressId: payload.congressId,
          actor,
          meta: payload.meta,
          opinionId: payload.opinionId,
          unitId: payload.unitId,
          streetId: payload.streetId,
          liaisonPlaceId: null,
          deputyIds: [payload.deputyId],
          content: `【企业走访】${payload.firmName}：${payload.content}`,
          source: { campaignId: payload.campaignId, visitId: payload.visitId, issueId: payload.issueId },
          forwardKey: `visit:${payload.visitId}`,
          recordedAt: payload.recordedAt ? new Date(payload.recordedAt) : undefined,
        },
        { visitId: payload.visitId },
      );
    });
  },
});
