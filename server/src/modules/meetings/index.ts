// 会议 (meetings): sittings of the congress, meetings of the standing committee and of the chairpersons'
// meeting: agenda with documents and their deadlines, the roll from the registry, the sign-in sheet and quorum,
// named votes counted against ALL members, secret ones on the encrypted-ballot engine (ballots/index.ts), the register of office-holders, and the rules register (issue 17). Other modules import only this file.
import type { Module } from '../../platform/module';
import { meetingRoutes } from './meetings.routes';
import { meetingVoteRoutes } from './meeting-votes.routes';
import { meetingVoteTellerRoutes } from './meeting-vote-tellers.routes';
import { officeHolderRoutes } from './office-holders.routes';
import { oversightRoutes } from './oversight.routes';
import { inquiryRoutes } from './inquiries.routes';
import { proceduralRuleRoutes } from './procedural-rules.routes';
import { seedMeetingsDemo } from './meetings.demo';
import { getMeetingsWorkbench } from './queries/get-workbench';

export { countMeetingsAttended } from './queries/count-meetings-attended';

export const meetingsModule: Module = {
  name: 'meetings',
  async routes(app) {
    await app.register(meetingRoutes);
    await app.register(meetingVoteRoutes);
    await app.register(meetingVoteTellerRoutes);
    await app.register(officeHolderRoutes);
    await app.register(oversightRoutes);
    await app.register(inquiryRoutes);
    await app.register(proceduralRuleRoutes);
  },
  seedDemo: seedMeetingsDemo,
  workbench: getMeetingsWorkbench,
};
