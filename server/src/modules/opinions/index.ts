// Citizens' opinions and liaison-place receptions: the closed loop from a citizen's words to a rated answer.
import type { Module } from '..';
import { opinionRoutes } from './opinions.routes';
import { opinionJobs, opinionSchedules } from './jobs/opinion.jobs';
import { seedOpinionsDemo } from './opinions.demo';
import { canReadOpinionPhoto } from './queries/can-read-photo';

export { countDeputyReceptions } from './queries/find-receptions';
export { createOpinionFromInspection } from './commands/create-opinion-from-inspection';

export const opinionsModule: Module = {
  name: 'opinions',
  routes: opinionRoutes,
  jobs: opinionJobs,
  schedules: opinionSchedules,
  // Each attempt on the form updates its two rate counters.
  churnedTables: ['opinion_rate_counters'],
  seedDemo: seedOpinionsDemo,
  fileReaders: { 'opinion.photo': canReadOpinionPhoto },
};
