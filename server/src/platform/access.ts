// Policies as small declarative rules: who (roles) may do what (action) to which resource, and under
// which condition (scope: own congress, own unit, own mandate). A resource is sent with its abilities
// for the current user, so the web app never re-implements a rule.
import type { Abilities, Role } from '@minyi/domain';
import type { Actor } from './context';
import { forbidden, unauthorized } from './errors';

export interface Rule<R> {
  action: string;
  roles: readonly Role[];
  /** Extra condition, e.g. the actor's unit is the assigned unit. */
  when?: (actor: Actor, resource: R) => boolean;
  /** Rules apply within the actor's congress unless this is set. */
  anyCongress?: boolean;
}

export interface Policy<R> {
  readonly name: string;
  readonly actions: readonly string[];
  can(actor: Actor | null, action: string, resource: R): boolean;
  /** Throws 401 (no actor) or 403; returns the role that allowed it, for the audit row. */
  authorize(actor: Actor | null, action: string, resource: R): Role;
  abilities(actor: Actor | null, resource: R): Abilities;
}

/** Resources carry their congress so the tenancy check is never forgotten. */
type Scoped = { congressId?: string | null } | null | undefined;

export const allow = <R>(
  roles: Role | readonly Role[],
  action: string | readonly string[],
  when?: (actor: Actor, resource: R) => boolean,
  opts: { anyCongress?: boolean } = {},
): Rule<R>[] =>
  (typeof action === 'string' ? [action] : action).map((a) => ({
    action: a,
    roles: typeof roles === 'string' ? [roles] : roles,
    when,
    anyCongress: opts.anyCongress,
  }));

export function definePolicy<R extends Scoped>(name: string, rules: Rule<R>[][]): Policy<R> {
  const flat = rules.flat();
  const actions = [...new Set(flat.map((r) => r.action))];
  const match = (actor: Actor, action: string, resource: R): Role | null => {
    for (const rule of flat) {
      if (rule.action !== action) continue;
      const role = rule.roles.find((r) => actor.roles.includes(r));
      if (!role) continue;
      if (!rule.anyCongress && resource?.congressId && resource.congressId !== actor.congressId) continue;
      if (rule.when && !rule.when(actor, resource)) continue;
      return role;
    }
    return null;
  };
  return {
    name,
    actions,
    can: (actor, action, resource) => (actor ? match(actor, action, resource) !== null : false),
    authorize(actor, action, resource) {
      if (!actor) throw unauthorized();
      const role = match(actor, action, resource);
      if (!role) throw forbidden();
      return role;
    },
    abilities: (actor, resource) =>
      Object.fromEntries(actions.map((a) => [a, actor ? match(actor, a, resource) !== null : false])),
  };
}

/** Requires a signed-in actor with one of the roles (for lists and creates with no resource yet). */
export function requireRole(actor: Actor | null, roles: readonly Role[]): Actor {
  if (!actor) throw unauthorized();
  if (!roles.some((r) => actor.roles.includes(r))) throw forbidden();
  return actor;
}
