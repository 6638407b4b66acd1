// 并案: staff put similar suggestions of one sitting into one handling case; each deputy still gets their own reply and rating.
import { and, eq, inArray } from 'drizzle-orm';
import { nextStatus } from '@minyi/domain/suggestions';
import { transact, type Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { conflict, invalidField, wrongState } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { suggestionHandlingCases, suggestions } from '../suggestions.table';
import { UNSUBMITTED_STATUSES } from '../suggestions.policy';
import { storeSuggestionItems } from '../suggestions.repository';

export async function mergeSuggestions(ctx: Ctx, input: { suggestionIds: string[]; title?: string }) {
  const actor = requireRole(ctx.actor, ['congressStaff']);
  const ids = [...new Set(input.suggestionIds)];
  if (ids.length < 2)
    throw invalidField('suggestionIds', '至少选择两件建议', 'choose at least two suggestions');
  return transact(ctx, async (w) => {
    const rows = await w.db
      .select()
      .from(suggestions)
      .where(and(eq(suggestions.congressId, actor.congressId), inArray(suggestions.id, ids)))
      .orderBy(suggestions.seq)
      .for('update');
    // A draft is its authors' until submitted: to staff it does not exist (issue 22 item 7).
    const known = rows.filter((r) => !(UNSUBMITTED_STATUSES as readonly string[]).includes(r.status));
    if (known.length !== ids.length) throw invalidField('suggestionIds', '建议不存在', 'unknown suggestion');
    for (const r of rows) if (!nextStatus(r.status, 'merge')) throw wrongState(r.status);
    if (new Set(rows.map((r) => r.sittingId ?? 'recess')).size > 1) {
      throw invalidField(
        'suggestionIds',
        '只能合并同一次会议的建议',
        'only suggestions of the same sitting can be merged',
      );
    }
    if (rows.some((r) => r.handlingCaseId))
      throw conflict('already_merged', {
        zh: '已有建议并案办理',
        en: 'A suggestion is already in a handling case',
      });
    const caseId = newId();
    await w.db.insert(suggestionHandlingCases).values({
      id: caseId,
      congressId: actor.congressId,
      title: input.title ?? rows[0].title,
      createdBy: actor.accountId,
    });
    await w.db
      .update(suggestions)
      .set({ handlingCaseId: caseId, updatedAt: new Date() })
      .where(inArray(suggestions.id, ids));
    await storeSuggestionItems(w.db, ids);
    for (const r of rows) {
      await w.audit({
        action: 'suggestion.merge',
        entityType: 'suggestion',
        entityId: r.id,
        before: { handlingCaseId: null },
        after: { handlingCaseId: caseId },
      });
    }
    return { id: caseId, suggestionIds: rows.map((r) => r.id) };
  });
}
