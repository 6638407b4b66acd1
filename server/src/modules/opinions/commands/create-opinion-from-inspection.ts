// For the livelihood module: deputies' site-inspection findings become an opinion already forwarded to the
// project's lead unit, so the unit handles and answers them like any other (issue 5: "findings can become
// opinions to the unit"). Runs in the transaction of the job that reacts to `inspection.findingRecorded`
// (jobs/opinion-from-inspection.ts), with the opinion id the inspection already links to.
import type { Actor, RequestMeta, Work } from '../../../platform/context';
import { createForwardedOpinion } from './create-forwarded-opinion';

export interface OpinionFromInspection {
  congressId: string;
  /** The account that recorded the inspection: it claims and forwards the opinion. */
  actor: Actor;
  meta: RequestMeta;
  /** The id the inspection links to. */
  opinionId: string;
  inspectionId: string;
  projectId: string;
  projectTitle: string;
  leadUnitId: string;
  streetId: string;
  /** The inspecting deputies; the first one with a phone is the opinion's contact for progress texts. */
  deputyIds: string[];
  findings: string;
}

export const createOpinionFromInspection = (w: Work, input: OpinionFromInspection) =>
  createForwardedOpinion(
    w,
    {
      congressId: input.congressId,
      actor: input.actor,
      meta: input.meta,
      opinionId: input.opinionId,
      unitId: input.leadUnitId,
      streetId: input.streetId,
      deputyIds: input.deputyIds,
      content: `【民生实事视察】${input.projectTitle}：${input.findings}`,
      source: { inspectionId: input.inspectionId, projectId: input.projectId },
      forwardKey: `inspection:${input.inspectionId}`,
    },
    { inspectionId: input.inspectionId },
  );
