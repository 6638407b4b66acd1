// The registry: jurisdictions, terms and sittings, deputies and mandates, committees, handling units and
// liaison places. Other modules import only this file.
import type { FastifyInstance } from 'fastify';
import type { Module } from '../../platform/module';
import { publicRoutes } from './public.routes';
import { jurisdictionRoutes } from './jurisdictions.routes';
import { termRoutes } from './terms.routes';
import { bodyRoutes } from './bodies.routes';
import { deputyRoutes } from './deputies.routes';
import { unitRoutes } from './units.routes';
import { placeRoutes } from './places.routes';
import { seedRegistryDemo } from './registry.demo';

/** The registry's routes, resource by resource (the order is the OpenAPI document's). */
async function registryRoutes(app: FastifyInstance) {
  for (const routes of [
    publicRoutes,
    jurisdictionRoutes,
    termRoutes,
    bodyRoutes,
    deputyRoutes,
    unitRoutes,
    placeRoutes,
  ])
    await routes(app);
}

export const registryModule: Module = {
  name: 'registry',
  routes: registryRoutes,
  seedDemoDistrict: seedRegistryDemo,
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
  findBodyMembersOn,
  getCongressLevel,
  findAccountIdsForUnit,
  findAccountIdForDeputy,
  findAccountIdsForDeputies,
  findHandlingUnitsForCategory,
  getCurrentTerm,
  getCurrentSitting,
} from './registry.repository';

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
