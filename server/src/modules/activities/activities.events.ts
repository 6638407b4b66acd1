// What the activities module announces (platform/events.ts). A leaf file: other modules may import it to
// subscribe, and it imports nothing of this module's.
import { z } from 'zod';
import { defineEvent } from '../../platform/events';

/**
 * A finding of a deputies' activity (an inspection's problem) was sent to a handling unit: the opinions module
 * makes it an opinion with the id given here (already linked from the finding), claimed by whoever recorded
 * the activity and forwarded to the unit, with the opinions pipeline's deadline.
 */
const actorSchema = z.object({
  accountId: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  congressId: z.string(),
  deputyId: z.string().nullable(),
  handlingUnitId: z.string().nullable(),
  via: z.enum(['session', 'token']),
});
const metaSchema = z.object({ ip: z.string(), requestId: z.string() });

export const activityFindingRecorded = defineEvent(
  'activity.findingRecorded',
  z.object({
    congressId: z.string(),
    activityId: z.string(),
    activityTitle: z.string(),
    findingId: z.string(),
    opinionId: z.string(),
    unitId: z.string(),
    streetId: z.string(),
    placeId: z.string().nullable(),
    /** The deputies who attended; the first one with a phone is the opinion's contact for progress texts. */
    deputyIds: z.array(z.string()),
    content: z.string(),
    /** The account that recorded the activity, and its request: the opinion is claimed and forwarded as it. */
    actor: actorSchema,
    meta: metaSchema,
  }),
);

/**
 * A problem or suggestion a firm raised in an enterprise visit (走访企业) was sent to a handling unit: the
 * opinions module makes it an opinion with the id given here (already linked from the issue), claimed by the
 * account that recorded the visit and forwarded to the unit, with the opinions pipeline's deadline, replies and
 * rating, as an activity's finding is.
 */
export const firmIssueRecorded = defineEvent(
  'activity.firmIssueRecorded',
  z.object({
    congressId: z.string(),
    campaignId: z.string(),
    visitId: z.string(),
    issueId: z.string(),
    opinionId: z.string(),
    firmName: z.string(),
    unitId: z.string(),
    /** The firm's street. */
    streetId: z.string(),
    /** The deputy who visited: the opinion's deputy and contact for progress texts. */
    deputyId: z.string(),
    content: z.string(),
    /**
     * When the visit was recorded (ISO): the opinion's date and its deadline's base, so that a problem recorded
     * earlier (the demo's visits, dated before the server's start) has the deadline it would have had then.
     * Absent in events queued before it existed: then the job's own time.
     */
    recordedAt: z.string().datetime({ offset: true }).optional(),
    actor: actorSchema,
    meta: metaSchema,
  }),
);
