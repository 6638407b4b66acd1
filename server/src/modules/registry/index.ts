// The registry: jurisdictions, terms and sittings, deputies and mandates, committees, handling units and
// liaison places. Other modules import only this file.
import type { Module } from '../../platform/module';
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

/**
 * Read-only references to the registry's tables, for other modules' queries that join them for a name or
 * filter by them where a lookup per row would cost a round trip each (lists, reply letters, rosters). Other
 * modules only read them; every write goes through the registry's commands.
 */
export {
  committeeMembers,
  deputies,
  handlingUnits,
  jurisdictions,
  liaisonPlaceDeputies,
  liaisonPlaces,
  mandates,
  sittings,
  terms,
  workingCommittees,
} from './registry.table';
