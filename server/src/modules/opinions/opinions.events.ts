// What the opinions module announces (platform/events.ts). A leaf file: other modules may import it to
// subscribe, and it imports nothing of this module's.
import { z } from 'zod';
import { defineEvent } from '../../platform/events';

/**
 * An opinion was taken in (any channel). A project idea carries the id its livelihood idea is to have: the
 * opinion links to it at once, the livelihood module creates it after commit.
 */
export const opinionSubmitted = defineEvent(
  'opinion.submitted',
  z.object({
    congressId: z.string(),
    opinionId: z.string(),
    category: z.string(),
    streetId: z.string(),
    /** The content with personal details redacted (what the public may read). */
    publicContent: z.string(),
    projectIdeaId: z.string().nullable(),
  }),
);
