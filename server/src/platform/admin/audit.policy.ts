// Who may read, verify and export the audit trail (三员分立): the auditor, and no other role; the system and
// security administrators whose actions it records never read it.
import type { Role } from '@minyi/domain';
import { allow, definePolicy } from '../access';

export const AUDIT_READERS: readonly Role[] = ['auditor'];

export const auditTrailPolicy = definePolicy<{ congressId: string } | null>('auditTrail', [
  allow(AUDIT_READERS, ['read', 'verify', 'export']),
]);
