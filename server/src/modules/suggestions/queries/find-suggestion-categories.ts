// The congress's suggestion topic categories, reply result categories and the categories followed up.
import { requireRole } from '../../../platform/access';
import type { Ctx } from '../../../platform/context';
import { readSuggestionSettings } from '../suggestions.repository';

export async function findSuggestionCategories(ctx: Ctx) {
  const actor = requireRole(ctx.actor, ['deputy', 'congressStaff', 'handlingUnitStaff', 'leader']);
  const s = await readSuggestionSettings(ctx.app.db, actor.congressId);
  return {
    items: s.suggestionCategories,
    replyCategories: s.replyCategories,
    followUpCategories: s.followUpCategories,
  };
}
