// The security matrix's recorder (security-matrix.test.ts): the platform's access module with every policy
// (`definePolicy`) and `requireRole` wrapped, so each request's access checks are recorded as it runs. Only
// types come from the server here: the test mocks '../src/platform/access' with `recordingAccess`.
import type { Role } from '@minyi/domain';
import type * as Access from '../src/platform/access';

/** What one request checked, as it ran. */
export interface Check {
  kind: 'authorize' | 'requireRole' | 'can';
  /** `policy.action`, or the roles `requireRole` names. */
  key: string;
  /** The roles some rule grants for the action (any condition), or the roles named. */
  granted: readonly Role[];
  /** Of those, the roles whose every rule has a condition on the record (`when`). */
  conditional: readonly Role[];
  ok: boolean;
}

/** The checks of the request in flight (requests run one at a time), or null between requests. */
export const spy = { checks: null as Check[] | null };

export function recordingAccess(real: typeof Access): typeof Access {
  const push = (c: Check) => spy.checks?.push(c);
  return {
    ...real,
    definePolicy: (name, rules) => {
      const policy = real.definePolicy(name, rules);
      const granted = new Map<string, Set<Role>>();
      const unconditional = new Map<string, Set<Role>>();
      const add = (m: Map<string, Set<Role>>, action: string, roles: readonly Role[]) =>
        m.set(action, new Set([...(m.get(action) ?? []), ...roles]));
      for (const r of rules.flat()) {
        add(granted, r.action, r.roles);
        if (!r.when) add(unconditional, r.action, r.roles);
      }
      const grants = (action: string) => {
        const all = [...(granted.get(action) ?? [])];
        return { granted: all, conditional: all.filter((x) => !unconditional.get(action)?.has(x)) };
      };
      return {
        ...policy,
        can(actor, action, resource) {
          const ok = policy.can(actor, action, resource);
          push({ kind: 'can', key: `${name}.${action}`, ...grants(action), ok });
          return ok;
        },
        authorize(actor, action, resource) {
          try {
            const role = policy.authorize(actor, action, resource);
            push({ kind: 'authorize', key: `${name}.${action}`, ...grants(action), ok: true });
            return role;
          } catch (err) {
            push({ kind: 'authorize', key: `${name}.${action}`, ...grants(action), ok: false });
            throw err;
          }
        },
      };
    },
    requireRole: (actor, roles) => {
      const key = `requireRole(${[...roles].sort().join(',')})`;
      try {
        const a = real.requireRole(actor, roles);
        push({ kind: 'requireRole', key, granted: roles, conditional: [], ok: true });
        return a;
      } catch (err) {
        push({ kind: 'requireRole', key, granted: roles, conditional: [], ok: false });
        throw err;
      }
    },
  };
}
