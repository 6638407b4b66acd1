// A deputy answers their own invitation: coming, or a leave of absence (请假) with its reason. The answer may
// change until the activity ends.
import { and, eq } from 'drizzle-orm';
import type { Rsvp } from '@minyi/domain/activities';
import type { Ctx } from '../../../platform/context';
import { conflict, forbidden } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { activityParticipants } from '../activities.table';
import { activityPolicy } from '../activities.policy';
import { loadActivityStep } from '../activities.repository';

export function answerInvitation(ctx: Ctx, activityId: string, input: Rsvp) {
  return step(ctx, {
    policy: activityPolicy,
    action: 'rsvp',
    load: (w, a) => loadActivityStep(w, a, activityId),
    async write({ w, row, actor }) {
      const deputyId = actor.deputyId;
      if (!deputyId) throw forbidden();
      if (row.endsAt.getTime() < Date.now())
        throw conflict('activity_over', { zh: '活动已结束', en: 'The activity is over' });
      await w.db
        .update(activityParticipants)
        .set({ rsvp: input.answer, leaveReason: input.answer === 'onLeave' ? input.reason : '' })
        .where(and(eq(activityParticipants.activityId, row.id), eq(activityParticipants.deputyId, deputyId)));
      return {
        result: { rsvp: input.answer },
        audit: {
          action: input.answer === 'onLeave' ? 'activity.requestLeave' : 'activity.accept',
          entityType: 'activity',
          entityId: row.id,
          congressId: row.congressId,
          after: {
            deputyId,
            rsvp: input.answer,
            ...(input.answer === 'onLeave' ? { reason: input.reason } : {}),
          },
        },
      };
    },
  });
}
