// Who may download a suggestion's attachment through GET /files/:id: whoever may view a suggestion it is
// attached to (the proposer and cosigners, staff and leaders, the units it was assigned to).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { suggestionAttachments, suggestions } from '../suggestions.table';
import { resourceOf } from '../suggestions.repository';
import { suggestionPolicy } from '../suggestions.policy';

export async function canReadSuggestionAttachment(db: Db, actor: Actor, fileId: string): Promise<boolean> {
  const rows = await db
    .select({ suggestion: suggestions })
    .from(suggestionAttachments)
    .innerJoin(suggestions, eq(suggestions.id, suggestionAttachments.suggestionId))
    .where(and(eq(suggestionAttachments.fileId, fileId), eq(suggestions.congressId, actor.congressId)));
  for (const { suggestion } of rows) {
    if (suggestionPolicy.can(actor, 'view', await resourceOf(db, suggestion))) return true;
  }
  return false;
}
