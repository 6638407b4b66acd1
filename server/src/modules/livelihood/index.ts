// 民生实事 (livelihood projects): solicitation, shortlist, deliberation, the deputies' secret-ballot vote
// (district and street-level), implementation and evaluation. Other modules import only this file.
import type { Module } from '../../platform/module';
import { livelihoodRoutes } from './livelihood.routes';
import { ideaFromOpinion } from './jobs/idea-from-opinion';
import { seedLivelihoodDemo } from './livelihood.demo';
import { isProgressPhoto } from './queries/is-progress-photo';

export const livelihoodModule: Module = {
  name: 'livelihood',
  routes: livelihoodRoutes,
  subscriptions: [ideaFromOpinion],
  seedDemo: seedLivelihoodDemo,
  fileReaders: {
    'livelihood.progressPhoto': (db, actor, fileId) => isProgressPhoto(db, actor.congressId, fileId),
  },
};
