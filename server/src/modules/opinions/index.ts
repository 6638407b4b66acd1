// Citizens' opinions and liaison-place receptions: the closed loop from a citizen's words to a rated answer.
import type { Module } from '../../platform/module';
import { opinionRoutes } from './opinions.routes';
import { publicOpinionRoutes } from './opinions-public.routes';
import { receptionRoutes } from './receptions.routes';
import { routingRoutes } from './routing.routes';
import { receptionNoticeJob } from './jobs/reception-notice';
import { sweepDeadlinesJob } from './jobs/sweep-deadlines';
import { remindUnitJob } from './jobs/remind-unit';
import { escalateStreetJob } from './jobs/escalate-street';
import { forgetSubmissionKeysJob } from './jobs/forget-submission-keys';
import { seedOpinionsDemo } from './opinions.demo';
import { canReadOpinionPhoto } from './queries/can-read-photo';
import { opinionFromInspection } from './jobs/opinion-from-inspection';
import { opinionFromActivity } from './jobs/opinion-from-activity';
import { opinionFromFirmVisit } from './jobs/opinion-from-firm-visit';
import { getOpinionsWorkbench } from './queries/get-workbench';

export { countDeputyReceptions } from './queries/find-receptions';
export { countPlaceWork, type PlaceWork } from './queries/count-place-work';
export { getOpinionAnswers, getOpinionStates } from './queries/get-opinion-states';
export { rateForwardedOpinion } from './commands/rate-opinion';

export const opinionsModule: Module = {
  name: 'opinions',
  routes: async (app) => {
    await publicOpinionRoutes(app);
    await opinionRoutes(app);
    await routingRoutes(app);
    await receptionRoutes(app);
  },
  jobs: [receptionNoticeJob, sweepDeadlinesJob, remindUnitJob, escalateStreetJob, forgetSubmissionKeysJob],
  schedules: [
    { job: sweepDeadlinesJob.name, everyMs: 3_600_000 },
    { job: forgetSubmissionKeysJob.name, everyMs: 86_400_000 },
  ],
  subscriptions: [opinionFromInspection, opinionFromActivity, opinionFromFirmVisit],
  // Each attempt on the form updates its two rate counters.
  churnedTables: ['opinion_rate_counters'],
  seedDemo: seedOpinionsDemo,
  fileReaders: { 'opinion.photo': canReadOpinionPhoto },
  workbench: getOpinionsWorkbench,
};
