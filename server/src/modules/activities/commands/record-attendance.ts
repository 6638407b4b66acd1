// The staff's sign-in sheet (签到表) for deputies without phones: deputies present. Recording a deputy again
// changes nothing (their first attendance stands, one per deputy and activity); a deputy not invited is
// recorded as not invited. The sheet opens with the check-in window (settings) and stays open afterwards.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { deputies } from '../../registry';
import { activityParticipants } from '../activities.table';
import { activityPolicy } from '../activities.policy';
import { loadActivityStep } from '../activities.repository';
import { readActivitiesSettings } from '../activities.settings';

export function recordActivityAttendance(ctx: Ctx, activityId: string, input: { deputyIds: string[] }) {
  return step(ctx, {
    policy: activityPolicy,
    action: 'recordAttendance',
    load: (w, a) => loadActivityStep(w, a, activityId),
    async write({ w, row }) {
      const { checkInWindow } = await readActivitiesSettings(w.db, row.congressId);
      const opens = row.startsAt.getTime() - checkInWindow.minutesBefore * 60_000;
      if (Date.now() < opens)
        throw conflict('not_started', {
          zh: '活动尚未开始，不能登记签到',
          en: 'The activity has not begun; attendance cannot be recorded yet',
        });
      const ids = [...new Set(input.deputyIds)];
      const found = await w.db
        .select({ id: deputies.id })
        .from(deputies)
        .where(and(eq(deputies.congressId, row.congressId), inArray(deputies.id, ids)));
      if (found.length !== ids.length)
        throw invalidField('deputyIds', '包含未知的代表', 'contains unknown deputies', 'unknown');
      const now = new Date();
      const added = await w.db
        .insert(activityParticipants)
        .values(
          ids.map((deputyId) => ({
            congressId: row.congressId,
            activityId: row.id,
            deputyId,
            attendedAt: now,
            attendedVia: 'sheet' as const,
          })),
        )
        .onConflictDoUpdate({
          target: [activityParticipants.activityId, activityParticipants.deputyId],
          set: { attendedAt: now, attendedVia: sql`'sheet'` },
          setWhere: sql`${activityParticipants.attendedAt} IS NULL`,
        })
        .returning({ deputyId: activityParticipants.deputyId });
      const [{ n }] = await w.db
        .select({ n: sql<number>`count(*)::int` })
        .from(activityParticipants)
        .where(and(eq(activityParticipants.activityId, row.id), isNotNull(activityParticipants.attendedAt)));
      return {
        result: { recorded: added.length, alreadyRecorded: ids.length - added.length, attendances: n },
        audit: {
          action: 'activity.recordAttendance',
          entityType: 'activity',
          entityId: row.id,
          congressId: row.congressId,
          after: { deputyIds: added.map((a) => a.deputyId), attendances: n },
        },
      };
    },
  });
}
