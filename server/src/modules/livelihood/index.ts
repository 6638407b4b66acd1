// 民生实事 (livelihood projects): solicitation, shortlist, deliberation, the deputies' secret-ballot vote
// (district and street-level), implementation and evaluation. Other modules import only this file.
import type { Module } from '../../platform/module';
import { voteRoutes } from './votes.routes';
import { tellerRoutes } from './tellers.routes';
import { ideaRoutes } from './ideas.routes';
import { candidateRoutes } from './candidates.routes';
import { projectRoutes } from './projects.routes';
import { ideaFromOpinion } from './jobs/idea-from-opinion';
import { seedLivelihoodDemo } from './livelihood.demo';
import { isProgressPhoto } from './queries/is-progress-photo';
import { getLivelihoodWorkbench } from './queries/get-workbench';

export const livelihoodModule: Module = {
  name: 'livelihood',
  async routes(app) {
    await app.register(voteRoutes);
    await app.register(tellerRoutes);
    await app.register(ideaRoutes);
    await app.register(candidateRoutes);
    await app.register(projectRoutes);
  },
  subscriptions: [ideaFromOpinion],
  seedDemo: seedLivelihoodDemo,
  workbench: getLivelihoodWorkbench,
  fileReaders: {
    'livelihood.progressPhoto': (db, actor, fileId) => isProgressPhoto(db, actor.congressId, fileId),
  },
};
