// 换届选举 (elections): the direct election of the district's deputies — the election and its statutory
// timetable, electoral districts of 1 to 3 seats, the voter register (imported, checked, encrypted), candidates
// within the differential ratio, the agreed returns and the results computed from them, and the summary
// (issue 18). Other modules import only this file.
import type { Module } from '../../platform/module';
import { electionRoutes } from './elections.routes';
import { districtRoutes } from './districts.routes';
import { voterRoutes } from './voters.routes';
import { registerRoutes } from './register.routes';
import { pollingRoutes } from './polling.routes';
import { publicRoutes } from './public.routes';
import { seedElectionsDemo } from './elections.demo';
import './elections.settings';

export const electionsModule: Module = {
  name: 'elections',
  async routes(app) {
    await app.register(electionRoutes);
    await app.register(districtRoutes);
    await app.register(voterRoutes);
    await app.register(registerRoutes);
    await app.register(pollingRoutes);
    await app.register(publicRoutes);
  },
  seedDemo: seedElectionsDemo,
};
