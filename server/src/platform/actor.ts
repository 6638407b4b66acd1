// Who is acting and where the request came from: the leaf every other platform type builds on (it imports
// nothing of the platform, so any file may import it without an import cycle, type-only ones included).
import type { Role } from '@minyi/domain';

export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  roles: Role[];
  congressId: string;
  deputyId: string | null;
  handlingUnitId: string | null;
  /** How the request authenticated. */
  via: 'session' | 'token';
}

export interface RequestMeta {
  ip: string;
  requestId: string;
}
