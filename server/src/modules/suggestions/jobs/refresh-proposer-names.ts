// Reacts to the registry's `deputy.renamed`: the stored list items of the deputy's suggestions carry the
// proposer's name, so they are stored again as the rows and the new name make them (storeSuggestionItems).
// A read model refreshed, not a state change: no audit row.
import { and, eq } from 'drizzle-orm';
import { subscribe } from '../../../platform/events';
import { deputyRenamed } from '../../registry/registry.events';
import { suggestions } from '../suggestions.table';
import { storeSuggestionItems } from '../suggestions.repository';

export const refreshProposerNames = subscribe({
  event: deputyRenamed,
  name: 'suggestions.refreshProposerNames',
  async handle(app, e) {
    const rows = await app.db
      .select({ id: suggestions.id })
      .from(suggestions)
      .where(and(eq(suggestions.congressId, e.congressId), eq(suggestions.proposerDeputyId, e.deputyId)));
    await app.db.transaction((tx) =>
      storeSuggestionItems(
        tx,
        rows.map((r) => r.id),
      ),
    );
  },
});
