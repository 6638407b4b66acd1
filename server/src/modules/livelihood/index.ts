// 民生实事 (livelihood projects): solicitation, shortlist, deliberation, the deputies' secret-ballot vote
// (district and street-level), implementation and evaluation. Other modules import only this file.
import type { Module } from '..';
import type { Work } from '../../platform/context';
import { shanghaiDate } from '@minyi/domain/calendar';
import { livelihoodRoutes } from './livelihood.routes';
import { submitIdea } from './commands/submit-idea';
import { seedLivelihoodDemo } from './livelihood.seed';
import { isProgressPhoto } from './queries/livelihood.queries';

export const livelihoodModule: Module = {
  name: 'livelihood',
  routes: livelihoodRoutes,
  seedDemo: seedLivelihoodDemo,
  fileReaders: {
    'livelihood.progressPhoto': (db, actor, fileId) => isProgressPhoto(db, actor.congressId, fileId),
  },
};

/**
 * For the opinions module: an opinion in the "project idea" category becomes a public project idea for
 * next year's solicitation, linked to the opinion (once per opinion). Runs in the caller's transaction.
 */
export async function submitProjectIdeaFromOpinion(
  w: Work,
  input: { congressId: string; title: string; content: string; streetId: string; opinionId: string },
): Promise<{ id: string }> {
  const year = Number(shanghaiDate(new Date()).slice(0, 4)) + 1;
  return submitIdea(
    w,
    input.congressId,
    {
      year,
      title: input.title.slice(0, 120),
      content: input.content.slice(0, 4000),
      streetId: input.streetId,
      estimatedCost: null,
      submitterName: '',
    },
    { source: 'opinion', opinionId: input.opinionId },
  );
}
