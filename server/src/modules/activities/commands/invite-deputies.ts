// Invites deputies to an activity (in-app notice after commit). A deputy invited again, or one who already
// checked in uninvited, is marked invited; nothing else about their line changes.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { deputies } from '../../registry';
import { activityParticipants } from '../activities.table';
import { activityPolicy } from '../activities.policy';
import { loadActivityStep } from '../activities.repository';
import { INVITE_NOTICE_JOB } from '../jobs/invite-notice';

export function inviteDeputies(ctx: Ctx, activityId: string, input: { deputyIds: string[] }) {
  return step(ctx, {
    policy: activityPolicy,
    action: 'invite',
    load: (w, a) => loadActivityStep(w, a, activityId),
    async write({ w, row }) {
      if (row.endsAt.getTime() < Date.now())
        throw conflict('activity_over', {
          zh: '活动已结束，不能再邀请代表',
          en: 'The activity is over; no one can be invited any more',
        });
      const ids = [...new Set(input.deputyIds)];
      const found = await w.db
        .select({ id: deputies.id })
        .from(deputies)
        .where(and(eq(deputies.congressId, row.congressId), inArray(deputies.id, ids)));
      if (found.length !== ids.length)
        throw invalidField('deputyIds', '包含未知的代表', 'contains unknown deputies', 'unknown');
      const before = await w.db
        .select({ deputyId: activityParticipants.deputyId })
        .from(activityParticipants)
        .where(
          and(
            eq(activityParticipants.activityId, row.id),
            eq(activityParticipants.invited, true),
            inArray(activityParticipants.deputyId, ids),
          ),
        );
      const already = new Set(before.map((b) => b.deputyId));
      const added = ids.filter((id) => !already.has(id));
      if (added.length) {
        await w.db
          .insert(activityParticipants)
          .values(
            added.map((deputyId) => ({
              congressId: row.congressId,
              activityId: row.id,
              deputyId,
              invited: true,
            })),
          )
          .onConflictDoUpdate({
            target: [activityParticipants.activityId, activityParticipants.deputyId],
            set: { invited: sql`true` },
          });
        await w.enqueue(INVITE_NOTICE_JOB, { activityId: row.id, deputyIds: added });
      }
      return {
        result: { invited: added.length, alreadyInvited: ids.length - added.length },
        audit: {
          action: 'activity.invite',
          entityType: 'activity',
          entityId: row.id,
          congressId: row.congressId,
          after: { deputyIds: added },
        },
      };
    },
  });
}
