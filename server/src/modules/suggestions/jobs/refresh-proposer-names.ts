// Reacts to the registry's `deputy.renamed`: the stored list items of the deputy's suggestions carry the
// proposer's name, so they are rebuilt (the fill trigger on suggestions builds each item on every update).
// A read model refreshed, not a state change: no audit row.
import { and, eq } from 'drizzle-orm';
import { subscribe } from '../../../platform/events';
import { deputyRenamed } from '../../registry/registry.events';
import { suggestions } from '../suggestions.table';

export const refreshProposerNames = subscribe({
  event: deputyRenamed,
  name: 'suggestions.refreshProposerNames',
  async handle(app, e) {
    await app.db
      .update(suggestions)
      .set({ listItem: '' })
      .where(and(eq(suggestions.congressId, e.congressId), eq(suggestions.proposerDeputyId, e.deputyId)));
  },
});
