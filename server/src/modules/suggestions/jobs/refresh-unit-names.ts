// Reacts to the registry's `handlingUnit.renamed`: the stored list items of the suggestions the unit leads
// carry its name, so they are rebuilt (the fill trigger on suggestions builds each item on every update).
// A read model refreshed, not a state change: no audit row.
import { and, eq } from 'drizzle-orm';
import { subscribe } from '../../../platform/events';
import { handlingUnitRenamed } from '../../registry/registry.events';
import { suggestions } from '../suggestions.table';

export const refreshUnitNames = subscribe({
  event: handlingUnitRenamed,
  name: 'suggestions.refreshUnitNames',
  async handle(app, e) {
    await app.db
      .update(suggestions)
      .set({ listItem: '' })
      .where(and(eq(suggestions.congressId, e.congressId), eq(suggestions.leadUnitId, e.unitId)));
  },
});
