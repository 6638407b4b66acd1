// The proposer submits a draft or a revised suggestion: to its co-signers first if any are still to confirm.
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { readSuggestionSettings, searchTextOf, suggestionStep } from '../suggestions.repository';
import { numberSubmitted } from './create-suggestion';

export interface SuggestionEdits {
  title?: string;
  content?: string;
  category?: string;
}

export async function submitSuggestion(ctx: Ctx, id: string, edits: SuggestionEdits) {
  return step(
    ctx,
    suggestionStep(id, {
      action: 'edit',
      event: (row, r) =>
        row.status === 'returnedForRevision'
          ? 'resubmit'
          : r.pendingCosignerIds.length
            ? 'requestCosigners'
            : 'submit',
      apply: async ({ w, row, next }) => {
        if (edits.category) {
          const settings = await readSuggestionSettings(w.db, row.congressId);
          if (!settings.suggestionCategories.some((c) => c.code === edits.category)) {
            throw invalidField('category', '未知的建议类别', 'unknown suggestion category');
          }
        }
        const title = edits.title ?? row.title;
        const content = edits.content ?? row.content;
        const set = { ...edits, searchText: searchTextOf(title, content) };
        return {
          set: next === 'submitted' ? { ...set, ...(await numberSubmitted(ctx.app, w, row)) } : set,
          audit: { edits },
        };
      },
    }),
  );
}
