// The proposer edits a draft (issue 23 point 1): title, content, category, the deputies invited to co-sign and
// the attachments, in any order over several days, until it is submitted. Only the proposer (领衔代表) edits: a
// co-signer sees the draft and confirms or declines once it is submitted, but the text is the proposer's (403);
// anyone else is answered 404, as for every draft. A suggestion no longer a draft answers 409 with its status.
import { and, eq, notInArray } from 'drizzle-orm';
import type { EditDraftInput } from '@minyi/domain/suggestions';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { readSuggestionSettings, searchTextOf, suggestionStep } from '../suggestions.repository';
import { suggestionAttachments, suggestionCosigners } from '../suggestions.table';
import { checkAttachments, checkCosigners } from './create-suggestion';

export async function editDraft(ctx: Ctx, id: string, input: EditDraftInput) {
  const draftStep = suggestionStep(id, {
    action: 'edit',
    event: 'edit',
    apply: async ({ w, row, actor }) => {
      if (input.category) {
        const settings = await readSuggestionSettings(w.db, row.congressId);
        if (!settings.suggestionCategories.some((c) => c.code === input.category))
          throw invalidField('category', '未知的建议类别', 'unknown suggestion category');
      }
      if (input.cosignerIds) {
        const ids = await checkCosigners(w, row.congressId, row.proposerDeputyId, input.cosignerIds);
        await w.db
          .delete(suggestionCosigners)
          .where(
            and(
              eq(suggestionCosigners.suggestionId, id),
              ids.length ? notInArray(suggestionCosigners.deputyId, ids) : undefined,
            ),
          );
        if (ids.length)
          await w.db
            .insert(suggestionCosigners)
            .values(ids.map((deputyId) => ({ congressId: row.congressId, suggestionId: id, deputyId })))
            .onConflictDoNothing();
      }
      if (input.attachmentIds) {
        const kept = await w.db
          .select({ fileId: suggestionAttachments.fileId })
          .from(suggestionAttachments)
          .where(eq(suggestionAttachments.suggestionId, id));
        const keptIds = new Set(kept.map((k) => k.fileId));
        // Files already attached stay valid; a new one must be the proposer's own upload.
        await checkAttachments(
          w,
          row.congressId,
          input.attachmentIds.filter((f) => !keptIds.has(f)),
          actor.accountId,
        );
        const ids = [...new Set(input.attachmentIds)];
        await w.db
          .delete(suggestionAttachments)
          .where(
            and(
              eq(suggestionAttachments.suggestionId, id),
              ids.length ? notInArray(suggestionAttachments.fileId, ids) : undefined,
            ),
          );
        const added = ids.filter((f) => !keptIds.has(f));
        if (added.length)
          await w.db
            .insert(suggestionAttachments)
            .values(added.map((fileId) => ({ congressId: row.congressId, suggestionId: id, fileId })));
      }
      const { cosignerIds, attachmentIds, ...text } = input;
      const title = text.title ?? row.title;
      const content = text.content ?? row.content;
      return {
        set: { ...text, searchText: searchTextOf(title, content) },
        audit: {
          fields: Object.keys(input),
          ...(text.title !== undefined && { title }),
          ...(text.category !== undefined && { category: text.category }),
          ...(cosignerIds && { cosignerIds }),
          ...(attachmentIds && { attachmentIds }),
        },
      };
    },
  });
  // Only a draft: a suggestion returned for revision is edited as it is resubmitted (POST …/submit).
  return step(ctx, {
    ...draftStep,
    transition: (l) =>
      l.row.status === 'draft' ? draftStep.transition!(l) : { from: l.row.status, to: null },
  });
}
