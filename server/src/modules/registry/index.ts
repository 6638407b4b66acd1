// The registry: jurisdictions, terms and sittings, deputies and mandates, committees, handling units and
// liaison places. Other modules import only this file.
import type { Module } from '..';
import { registryRoutes } from './registry.routes';

export const registryModule: Module = {
  name: 'registry',
  routes: registryRoutes,
};

export {
  resolvePublicCongress,
  findDefaultCongressId,
  getStreet,
  getJurisdiction,
  getDeputy,
  getHandlingUnit,
  getLiaisonPlace,
  findActiveDeputyIds,
  findStandingCommitteeDeputyIds,
  findChairpersonsMeetingDeputyIds,
  getCongressLevel,
  findAccountIdsForUnit,
  findAccountIdForDeputy,
  findAccountIdsForDeputies,
  findHandlingUnitsForCategory,
  getCurrentTerm,
  getCurrentSitting,
} from './registry.lookup';
