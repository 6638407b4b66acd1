// Reacts to the opinions module's `opinion.submitted`: a project idea (the opinion carries the idea's id)
// joins next year's solicitation. Other categories are not this module's concern.
import { subscribe } from '../../../platform/events';
import { systemCtx, transact } from '../../../platform/context';
import { opinionSubmitted } from '../../opinions/opinions.events';
import { submitProjectIdeaFromOpinion } from '../commands/submit-idea-from-opinion';

export const ideaFromOpinion = subscribe({
  event: opinionSubmitted,
  name: 'livelihood.ideaFromOpinion',
  // Most opinions carry no idea: they write no delivery job (one a submission, bench/opinions.bench.ts).
  wants: (e) => Boolean(e.projectIdeaId),
  async handle(app, e) {
    if (!e.projectIdeaId) return;
    const ideaId = e.projectIdeaId;
    await transact(systemCtx(app), (w) =>
      submitProjectIdeaFromOpinion(w, {
        congressId: e.congressId,
        title: e.publicContent.slice(0, 40),
        content: e.publicContent,
        streetId: e.streetId,
        opinionId: e.opinionId,
        ideaId,
      }),
    );
  },
});
