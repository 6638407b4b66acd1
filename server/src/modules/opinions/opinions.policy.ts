// Who may do what to an opinion. Staff of the congress and liaison staff triage; a deputy triages what came
// through them or their liaison place, and reads what is in the street of the working committee they sit on
// (overdue items escalate to it); a handling unit sees and handles what it is assigned (only the lead unit
// replies); leaders read. Citizens act through the tracking code, not through an account.
import { allow, definePolicy } from '../../platform/access';
import type { Actor } from '../../platform/context';

export interface OpinionResource {
  congressId: string;
  deputyId: string | null;
  /** Deputies of the liaison place the opinion came through. */
  placeDeputyIds: readonly string[];
  /** Deputies on the working committee of the opinion's street (overdue items escalate to them). */
  streetCommitteeDeputyIds: readonly string[];
  leadUnitId: string | null;
  activeUnitIds: readonly string[];
  /** Every unit ever assigned (they keep read access to what they handled). */
  everUnitIds: readonly string[];
}

const ownDeputy = (a: Actor, r: OpinionResource) =>
  !!a.deputyId && (r.deputyId === a.deputyId || r.placeDeputyIds.includes(a.deputyId));
const streetCommittee = (a: Actor, r: OpinionResource) =>
  !!a.deputyId && r.streetCommitteeDeputyIds.includes(a.deputyId);
const activeUnit = (a: Actor, r: OpinionResource) =>
  !!a.handlingUnitId && r.activeUnitIds.includes(a.handlingUnitId);
const leadUnit = (a: Actor, r: OpinionResource) =>
  !!a.handlingUnitId && a.handlingUnitId === r.leadUnitId && r.activeUnitIds.includes(a.handlingUnitId);
const everUnit = (a: Actor, r: OpinionResource) =>
  !!a.handlingUnitId && r.everUnitIds.includes(a.handlingUnitId);

const TRIAGE = ['claim', 'decide', 'verify', 'close'] as const;

export const opinionPolicy = definePolicy<OpinionResource>('opinion', [
  allow(['congressStaff', 'liaisonStaff'], ['view', ...TRIAGE, 'hide', 'revealPhone']),
  allow('leader', 'view'),
  allow('deputy', ['view', ...TRIAGE], ownDeputy),
  allow('deputy', 'view', streetCommittee),
  allow('handlingUnitStaff', 'view', everUnit),
  allow('handlingUnitStaff', ['addNote', 'handBack'], activeUnit),
  allow('handlingUnitStaff', 'reply', leadUnit),
]);

/** The module's configuration: the routing table, the block list, the settings (abilities go to the client). */
export const opinionAdminPolicy = definePolicy<{ congressId: string }>('opinionAdmin', [
  allow('congressStaff', ['manageRoutes', 'manageSettings', 'manageBlocks']),
  allow('liaisonStaff', 'manageBlocks'),
]);

/** Lists and settings. */
export const TRIAGE_ROLES = ['congressStaff', 'liaisonStaff', 'deputy'] as const;
export const QUEUE_ROLES = [
  'congressStaff',
  'liaisonStaff',
  'deputy',
  'handlingUnitStaff',
  'leader',
] as const;
export const MANAGE_ROLES = ['congressStaff'] as const;
export const RECEPTION_ROLES = ['congressStaff', 'liaisonStaff'] as const;
export const ENTRY_ROLES = ['congressStaff', 'liaisonStaff', 'deputy'] as const;
