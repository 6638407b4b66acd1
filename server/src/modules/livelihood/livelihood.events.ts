// What the livelihood module announces (platform/events.ts). A leaf file: other modules may import it to
// subscribe, and it imports nothing of this module's.
import { z } from 'zod';
import { defineEvent } from '../../platform/events';

/**
 * Deputies' inspection findings were sent to the project's lead unit: the opinions module makes them an
 * opinion (with the id given here, already linked from the inspection), claimed by whoever recorded the
 * inspection and forwarded to the unit.
 */
export const inspectionFindingRecorded = defineEvent(
  'inspection.findingRecorded',
  z.object({
    congressId: z.string(),
    inspectionId: z.string(),
    opinionId: z.string(),
    projectId: z.string(),
    projectTitle: z.string(),
    leadUnitId: z.string(),
    streetId: z.string(),
    deputyIds: z.array(z.string()),
    findings: z.string(),
    /** The account that recorded the inspection, and its request: the opinion is claimed and forwarded as it. */
    actor: z.object({
      accountId: z.string(),
      username: z.string(),
      displayName: z.string(),
      roles: z.array(z.string()),
      congressId: z.string(),
      deputyId: z.string().nullable(),
      handlingUnitId: z.string().nullable(),
      via: z.enum(['session', 'token']),
    }),
    meta: z.object({ ip: z.string(), requestId: z.string() }),
  }),
);
