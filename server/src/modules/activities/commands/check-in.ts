// A deputy checks themself in on the phone (the place's QR code) during the activity's check-in window
// (settings). The token of the QR code is asked only when the settings require it. A deputy who was not
// invited may check in and is recorded as not invited; checking in twice is one attendance (the first stands).
import { sql } from 'drizzle-orm';
import { inCheckInWindow } from '@minyi/domain/activities';
import type { Ctx } from '../../../platform/context';
import { conflict, forbidden, invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { activityParticipants } from '../activities.table';
import { activityPolicy } from '../activities.policy';
import { loadActivityStep } from '../activities.repository';
import { readActivitiesSettings } from '../activities.settings';

export function checkIn(ctx: Ctx, activityId: string, input: { token?: string }) {
  return step(ctx, {
    policy: activityPolicy,
    action: 'checkIn',
    load: (w, a) => loadActivityStep(w, a, activityId, false),
    async write({ w, row, actor }) {
      const deputyId = actor.deputyId;
      if (!deputyId) throw forbidden();
      const settings = await readActivitiesSettings(w.db, row.congressId);
      if (settings.requireCheckInToken && input.token !== row.checkInToken)
        throw invalidField(
          'token',
          input.token ? '二维码不是本次活动的' : '请扫描活动地点的二维码签到',
          input.token ? 'the QR code is not this activity’s' : 'scan the QR code at the place to check in',
          input.token ? 'invalid' : 'required',
        );
      const now = new Date();
      if (!inCheckInWindow(now, row, settings.checkInWindow))
        throw conflict('outside_window', {
          zh: `只能在活动开始前${settings.checkInWindow.minutesBefore}分钟至结束${settings.checkInWindow.minutesAfter ? `后${settings.checkInWindow.minutesAfter}分钟` : ''}之间签到`,
          en: `Check-in is open from ${settings.checkInWindow.minutesBefore} minutes before the start to ${settings.checkInWindow.minutesAfter} minutes after the end`,
        });
      // One statement: the line inserted, or the invited deputy's line marked present, or (checked in before)
      // left as it was — its first time stands, and a time other than this one says it was already there.
      const [line] = await w.db
        .insert(activityParticipants)
        .values({
          congressId: row.congressId,
          activityId: row.id,
          deputyId,
          attendedAt: now,
          attendedVia: 'checkIn',
        })
        .onConflictDoUpdate({
          target: [activityParticipants.activityId, activityParticipants.deputyId],
          set: {
            attendedAt: sql`coalesce(${activityParticipants.attendedAt}, excluded.attended_at)`,
            attendedVia: sql`coalesce(${activityParticipants.attendedVia}, excluded.attended_via)`,
          },
        })
        .returning({ attendedAt: activityParticipants.attendedAt, invited: activityParticipants.invited });
      const first = line.attendedAt?.getTime() === now.getTime();
      return {
        result: {
          attendedAt: line.attendedAt,
          invited: line.invited,
          alreadyCheckedIn: !first,
        },
        audit: {
          action: 'activity.checkIn',
          entityType: 'activity',
          entityId: row.id,
          congressId: row.congressId,
          after: { deputyId, invited: line.invited, alreadyCheckedIn: !first },
        },
      };
    },
  });
}
