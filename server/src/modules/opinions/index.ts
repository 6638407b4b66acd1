// Citizens' opinions and liaison-place receptions: the closed loop from a citizen's words to a rated answer.
import type { Module } from '../../platform/module';
import { opinionRoutes } from './opinions.routes';
import { opinionJobs, opinionSchedules } from './jobs/opinion.jobs';
import { seedOpinionsDemo } from './opinions.demo';
import { canReadOpinionPhoto } from './queries/can-read-photo';
import { opinionFromInspection } from './jobs/opinion-from-inspection';

export { countDeputyReceptions } from './queries/find-receptions';

export const opinionsModule: Module = {
  name: 'opinions',
  routes: opinionRoutes,
  jobs: opinionJobs,
  schedules: opinionSchedules,
  subscriptions: [opinionFromInspection],
  // Each attempt on the form updates its two rate counters.
  churnedTables: ['opinion_rate_counters'],
  seedDemo: seedOpinionsDemo,
  fileReaders: { 'opinion.photo': canReadOpinionPhoto },
};
