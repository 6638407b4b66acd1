// Congress staff (or the system administrator) change the suggestion settings of their congress; fields not
// sent keep their value, and the change is audited (platform/settings.ts).
import { suggestionSettingsSchema, SUGGESTION_SETTINGS_KEY } from '@minyi/domain/suggestions';
import { requireRole } from '../../../platform/access';
import { transact, type Ctx } from '../../../platform/context';
import { writeSettings } from '../../../platform/settings';

export function changeSuggestionSettings(ctx: Ctx, body: Record<string, unknown>) {
  const actor = requireRole(ctx.actor, ['congressStaff', 'systemAdmin']);
  return transact(ctx, (w) =>
    writeSettings(w, actor.congressId, SUGGESTION_SETTINGS_KEY, suggestionSettingsSchema, body),
  );
}
