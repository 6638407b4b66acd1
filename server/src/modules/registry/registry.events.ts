// What the registry announces (platform/events.ts). A leaf file: other modules may import it to subscribe,
// and it imports nothing of this module's. Modules that keep a deputy's or a unit's name in a stored read
// model (the suggestions list) refresh it after commit, instead of putting triggers on the registry's tables.
import { z } from 'zod';
import { defineEvent } from '../../platform/events';

/** A deputy's name changed. */
export const deputyRenamed = defineEvent(
  'deputy.renamed',
  z.object({ congressId: z.string(), deputyId: z.string(), name: z.string() }),
);

/** A handling unit's name changed. */
export const handlingUnitRenamed = defineEvent(
  'handlingUnit.renamed',
  z.object({ congressId: z.string(), unitId: z.string(), name: z.string() }),
);
