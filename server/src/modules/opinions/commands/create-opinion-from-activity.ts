// For the activities module: a finding of a deputies' activity (an inspection's problem) becomes an opinion
// already forwarded to the unit the staff chose, so the unit handles and answers it like any other, with the
// pipeline's deadline (issue 20: "findings go to the units as opinions with deadlines"). Runs in the
// transaction of the job that reacts to `activity.findingRecorded` (jobs/opinion-from-activity.ts), with the
// opinion id the finding already links to.
import type { Actor, RequestMeta, Work } from '../../../platform/context';
import { createForwardedOpinion } from './create-forwarded-opinion';

export interface OpinionFromActivity {
  congressId: string;
  /** The account that recorded the activity: it claims and forwards the opinion. */
  actor: Actor;
  meta: RequestMeta;
  /** The id the finding links to. */
  opinionId: string;
  activityId: string;
  activityTitle: string;
  findingId: string;
  unitId: string;
  streetId: string;
  placeId: string | null;
  /** The deputies who attended; the first one with a phone is the opinion's contact for progress texts. */
  deputyIds: string[];
  content: string;
}

export const createOpinionFromActivity = (w: Work, input: OpinionFromActivity) =>
  createForwardedOpinion(
    w,
    {
      congressId: input.congressId,
      actor: input.actor,
      meta: input.meta,
      opinionId: input.opinionId,
      unitId: input.unitId,
      streetId: input.streetId,
      liaisonPlaceId: input.placeId,
      deputyIds: input.deputyIds,
      content: `【代表活动】${input.activityTitle}：${input.content}`,
      source: { activityId: input.activityId, findingId: input.findingId },
      forwardKey: `activity:${input.activityId}`,
    },
    { activityId: input.activityId },
  );
