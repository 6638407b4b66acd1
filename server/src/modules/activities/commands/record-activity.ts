// The record after an activity (活动记录): its summary and findings. Each finding goes to a handling unit as an
// opinion through the opinions pipeline (claimed by the recorder, forwarded to the unit with the pipeline's
// deadline, answered and rated like any other): announced here (`activity.findingRecorded`) with the opinion's
// id, which the finding keeps as its link; the opinions module makes the opinion after commit. A record may be
// written again (the summary replaced, new findings added; findings already sent stay).
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { ActivityRecord } from '@minyi/domain/activities';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { handlingUnits, jurisdictions } from '../../registry';
import { activities, activityFindings, activityParticipants } from '../activities.table';
import { activityPolicy } from '../activities.policy';
import { loadActivityStep } from '../activities.repository';
import { activityFindingRecorded } from '../activities.events';

export function recordActivity(ctx: Ctx, activityId: string, input: ActivityRecord) {
  return step(ctx, {
    policy: activityPolicy,
    action: 'record',
    load: (w, a) => loadActivityStep(w, a, activityId),
    async write({ w, row, actor }) {
      if (row.startsAt.getTime() > Date.now())
        throw conflict('not_held_yet', {
          zh: '活动尚未举行，不能填写活动记录',
          en: 'The activity has not been held; it cannot be recorded yet',
        });
      const congressId = row.congressId;
      const unitIds = [...new Set(input.findings.map((f) => f.unitId))];
      const units = unitIds.length
        ? await w.db
            .select({ id: handlingUnits.id })
            .from(handlingUnits)
            .where(and(eq(handlingUnits.congressId, congressId), inArray(handlingUnits.id, unitIds)))
        : [];
      const streetIds = [...new Set(input.findings.flatMap((f) => (f.streetId ? [f.streetId] : [])))];
      const streets = streetIds.length
        ? await w.db
            .select({ id: jurisdictions.id })
            .from(jurisdictions)
            .where(
              and(
                eq(jurisdictions.congressId, congressId),
                eq(jurisdictions.level, 'street'),
                inArray(jurisdictions.id, streetIds),
              ),
            )
        : [];
      input.findings.forEach((f, i) => {
        if (!units.some((u) => u.id === f.unitId))
          throw invalidField(`findings.${i}.unitId`, '承办单位不存在', 'no such handling unit', 'unknown');
        if (f.streetId && !streets.some((s) => s.id === f.streetId))
          throw invalidField(`findings.${i}.streetId`, '街道不存在', 'no such street', 'unknown');
        if (!f.streetId && !row.streetId)
          throw invalidField(
            `findings.${i}.streetId`,
            '活动不在联络站点举行，请注明问题所在街道',
            'the activity was not held at a liaison place: name the street of the problem',
            'required',
          );
      });
      const attended = await w.db
        .select({ deputyId: activityParticipants.deputyId })
        .from(activityParticipants)
        .where(and(eq(activityParticipants.activityId, row.id), isNotNull(activityParticipants.attendedAt)));
      const now = new Date();
      const findings = input.findings.map((f) => ({
        id: newId(),
        congressId,
        activityId: row.id,
        content: f.content,
        unitId: f.unitId,
        streetId: (f.streetId ?? row.streetId)!,
        opinionId: newId(),
        createdAt: now,
      }));
      if (findings.length) await w.db.insert(activityFindings).values(findings);
      for (const f of findings)
        await w.publish(activityFindingRecorded, {
          congressId,
          activityId: row.id,
          activityTitle: row.title,
          findingId: f.id,
          opinionId: f.opinionId,
          unitId: f.unitId,
          streetId: f.streetId,
          placeId: row.placeId,
          deputyIds: attended.map((a) => a.deputyId),
          content: f.content,
          actor,
          meta: ctx.meta,
        });
      await w.db
        .update(activities)
        .set({ summary: input.summary, recordedAt: row.recordedAt ?? now, updatedAt: now })
        .where(eq(activities.id, row.id));
      return {
        result: { findings: findings.map((f) => ({ id: f.id, opinionId: f.opinionId })) },
        audit: {
          action: 'activity.record',
          entityType: 'activity',
          entityId: row.id,
          congressId,
          after: { summary: input.summary, findings },
        },
      };
    },
  });
}
