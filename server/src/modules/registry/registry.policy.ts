// Who may do what in the registry: congress staff keep it; leaders and liaison staff read it.
import type { Role } from '@minyi/domain';
import { allow, definePolicy } from '../../platform/access';

export const REGISTRY_READERS: readonly Role[] = ['congressStaff', 'leader', 'liaisonStaff'];
/** The system administrator links accounts to deputies and handling units, so may look them up (masked). */
export const ACCOUNT_LINK_READERS: readonly Role[] = [...REGISTRY_READERS, 'systemAdmin'];
export const REGISTRY_WRITERS: readonly Role[] = ['congressStaff'];

export type RegistryResource = { congressId: string };

/** One policy for every registry record: read, edit, and the mandate steps. */
export const registryPolicy = definePolicy<RegistryResource>('registry', [
  allow(REGISTRY_READERS, 'read'),
  allow(REGISTRY_WRITERS, ['edit', 'changeStatus', 'assignDeputies']),
]);
