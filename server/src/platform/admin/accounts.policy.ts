// Who may manage accounts (三员分立): the system administrator manages accounts, the security
// administrator grants and revokes roles (never its own), the auditor only reads the audit trail.
import type { Abilities, Role } from '@minyi/domain';
import { allow, definePolicy } from '../access';
import type { Actor } from '../context';

export interface AccountResource {
  id: string;
  congressId: string;
  status: 'active' | 'disabled';
  lockedUntil: Date | null;
}

export const ACCOUNT_READERS: readonly Role[] = ['systemAdmin', 'securityAdmin'];

const notSelf = (actor: Actor, a: AccountResource) => actor.accountId !== a.id;

/** Who may attempt each step; the account's state is checked by the command (409 when wrong). */
export const accountPolicy = definePolicy<AccountResource>('account', [
  allow(ACCOUNT_READERS, 'read'),
  allow('systemAdmin', ['disable', 'resetPassword'], notSelf),
  allow('systemAdmin', ['enable', 'unlock']),
  allow('securityAdmin', ['grantRole', 'revokeRole'], notSelf),
]);

const isLocked = (a: AccountResource) => a.lockedUntil !== null && a.lockedUntil > new Date();

/** What the actor can do to the account now (policy and state), for the UI. */
export function accountAbilities(actor: Actor | null, a: AccountResource): Abilities {
  const can = accountPolicy.abilities(actor, a);
  return {
    ...can,
    disable: can.disable && a.status === 'active',
    enable: can.enable && a.status === 'disabled',
    unlock: can.unlock && isLocked(a),
  };
}
