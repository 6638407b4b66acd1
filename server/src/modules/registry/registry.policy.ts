// Who may do what in the registry: congress staff keep it; leaders and liaison staff read it.
import type { Role } from '@minyi/domain';
import { allow, definePolicy } from '../../platform/access';

export const REGISTRY_READERS: readonly Role[] = ['congressStaff', 'leader', 'liaisonStaff'];
/** The system administrator links accounts to deputies and handling units, so may look them up (masked). */
export const ACCOUNT_LINK_READERS: readonly Role[] = [...REGISTRY_READERS, 'systemAdmin'];
export const REGISTRY_WRITERS: readonly Role[] = ['congressStaff'];

export type RegistryResource = { congressId: string };

/**
 * A deputy's personal data is masked on every screen and in every export (PIPL Art. 51; LEGAL-RULES.md §8).
 * Revealing one value is a deliberate act, written to the audit trail: the mobile number for those who
 * contact deputies (congress staff, liaison staff, leaders), the ID number and the address for congress staff,
 * who keep the registry. Only congress staff export the roll in clear (to re-import it), audited too.
 */
export const PHONE_REVEALERS: readonly Role[] = ['congressStaff', 'liaisonStaff', 'leader'];
export const PII_KEEPERS: readonly Role[] = ['congressStaff'];
export const PERSONAL_DATA_FIELDS = ['phone', 'idNumber', 'address'] as const;
export type PersonalDataField = (typeof PERSONAL_DATA_FIELDS)[number];
/** The policy's action that reveals each field. */
export const REVEAL_ACTION = {
  phone: 'revealPhone',
  idNumber: 'revealIdNumber',
  address: 'revealAddress',
} as const satisfies Record<PersonalDataField, string>;

/** One policy for every registry record: read, edit, and the mandate steps. */
export const registryPolicy = definePolicy<RegistryResource>('registry', [
  allow(REGISTRY_READERS, 'read'),
  allow(REGISTRY_WRITERS, ['edit', 'changeStatus', 'assignDeputies']),
]);

/** A deputy's personal data in clear: revealed one field at a time, or the whole roll exported. */
export const personalDataPolicy = definePolicy<RegistryResource>('deputyPersonalData', [
  allow(PHONE_REVEALERS, REVEAL_ACTION.phone),
  allow(PII_KEEPERS, [REVEAL_ACTION.idNumber, REVEAL_ACTION.address, 'exportClear']),
]);
