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
      const granted = new Map<string, Role[]>();
      for (const r of rules.flat())
        granted.set(r.action, [...new Set([...(granted.get(r.action) ?? []), ...r.roles])]);
      const rolesOf = (action: string) => granted.get(action) ?? [];
      return {
        ...policy,
        can(actor, action, resource) {
          const ok = policy.can(actor, action, resource);
          push({ kind: 'can', key: `${name}.${action}`, granted: rolesOf(action), ok });
          return ok;
        },
        authorize(actor, action, resource) {
          try {
            const role = policy.authorize(actor, action, resource);
            push({ kind: 'authorize', key: `${name}.${action}`, granted: rolesOf(action), ok: true });
            return role;
          } catch (err) {
            push({ kind: 'authorize', key: `${name}.${action}`, granted: rolesOf(action), ok: false });
            throw err;
          }
        },
      };
    },
    requireRole: (actor, roles) => {
      const key = `requireRole(${[...roles].sort().join(',')})`;
      try {
        const a = real.requireRole(actor, roles);
        push({ kind: 'requireRole', key, granted: roles, ok: true });
        return a;
      } catch (err) {
        push({ kind: 'requireRole', key, granted: roles, ok: false });
        throw err;
      }
    },
  };
}
