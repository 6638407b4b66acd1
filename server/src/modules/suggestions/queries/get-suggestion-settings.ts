// The suggestion settings of the actor's congress (staff, the system administrator, leaders).
import { requireRole } from '../../../platform/access';
import type { Ctx } from '../../../platform/context';
import { readSuggestionSettings } from '../suggestions.repository';

export function getSuggestionSettings(ctx: Ctx) {
  const actor = requireRole(ctx.actor, ['congressStaff', 'systemAdmin', 'leader']);
  return readSuggestionSettings(ctx.app.db, actor.congressId);
}
