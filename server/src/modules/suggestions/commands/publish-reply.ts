// Publishes the reply on the public site when the congress's policy allows it (Art. 51 ¶3 makes the report public).
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { readSuggestionSettings, suggestionStep } from '../suggestions.repository';
import { step } from '../../../platform/step';

export const publishReply = (ctx: Ctx, id: string) =>
  step(
    ctx,
    suggestionStep(id, {
      action: 'publish',
      event: 'publish',
      apply: async ({ w, row }) => {
        const settings = await readSuggestionSettings(w.db, row.congressId);
        if (!settings.publishReplies) {
          throw conflict('publication_disabled', {
            zh: '本级人大未开启答复公开',
            en: 'Publishing replies is not enabled for this congress',
          });
        }
        return { set: { published: true } };
      },
    }),
  );
