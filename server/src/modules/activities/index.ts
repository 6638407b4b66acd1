// 代表活动 (activities): deputies' activities with invitations, answers, the sign-in sheet and check-in, the
// record whose findings go to the units as opinions; campaigns (the activity month, enterprise visits with
// firms, questionnaire and visit records) with their computed dashboard and exports; pledges; and every
// deputy's public record with the duty points, term totals and the staff's ranking (issue 20). Other modules import only this file.
import type { Module } from '../../platform/module';
import { activityRoutes } from './activities.routes';
import { campaignRoutes } from './campaigns.routes';
import { visitRoutes } from './visits.routes';
import { pledgeRoutes } from './pledges.routes';
import { inviteNoticeJob } from './jobs/invite-notice';
import { seedActivitiesDemo } from './activities.demo';

export const activitiesModule: Module = {
  name: 'activities',
  async routes(app) {
    await app.register(activityRoutes);
    await app.register(campaignRoutes);
    await app.register(visitRoutes);
    await app.register(pledgeRoutes);
  },
  jobs: [inviteNoticeJob],
  seedDemo: seedActivitiesDemo,
};
