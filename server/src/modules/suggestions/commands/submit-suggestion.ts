// The proposer submits a draft or a revised suggestion: to its co-signers first if any are still to confirm.
// A draft may lack its content or category (issue 23 point 1): submitting it then answers 400 naming what is
// missing, and nothing changes.
import { SUBMIT_REQUIRED_FIELDS } from '@minyi/domain/suggestions';
import type { Ctx } from '../../../platform/context';
import { badRequest, invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { readSuggestionSettings, searchTextOf, suggestionStep } from '../suggestions.repository';
import { askCosigners, numberSubmitted } from './create-suggestion';

export interface SuggestionEdits {
  title?: string;
  content?: string;
  category?: string;
}

const FIELD_NAMES: Record<(typeof SUBMIT_REQUIRED_FIELDS)[number], { zh: string; en: string }> = {
  title: { zh: '标题', en: 'title' },
  content: { zh: '内容', en: 'content' },
  category: { zh: '类别', en: 'category' },
};

/** 400 naming every field a suggestion still lacks before it can be submitted; nothing when it is complete. */
export function requireComplete(fields: Record<(typeof SUBMIT_REQUIRED_FIELDS)[number], string>): void {
  const missing = SUBMIT_REQUIRED_FIELDS.filter((f) => !fields[f].trim());
  if (!missing.length) return;
  throw badRequest(
    missing.map((field) => ({
      field,
      in: 'body',
      code: 'required',
      message: {
        zh: `提交前请填写${FIELD_NAMES[field].zh}`,
        en: `${FIELD_NAMES[field].en} is required to submit`,
      },
    })),
    {
      zh: `提交前请填写：${missing.map((f) => FIELD_NAMES[f].zh).join('、')}`,
      en: `Fill in before submitting: ${missing.map((f) => FIELD_NAMES[f].en).join(', ')}`,
    },
  );
}

export async function submitSuggestion(ctx: Ctx, id: string, edits: SuggestionEdits) {
  return step(
    ctx,
    suggestionStep(id, {
      action: 'edit',
      event: (row, r) =>
        row.status === 'returnedForRevision'
          ? 'resubmit'
          : r.pendingCosignerIds.length
            ? 'requestCosigners'
            : 'submit',
      apply: async ({ w, row, resource, next }) => {
        const title = edits.title ?? row.title;
        const content = edits.content ?? row.content;
        const category = edits.category ?? row.category;
        requireComplete({ title, content, category });
        const settings = await readSuggestionSettings(w.db, row.congressId);
        if (!settings.suggestionCategories.some((c) => c.code === category)) {
          throw invalidField('category', '未知的建议类别', 'unknown suggestion category');
        }
        if (next === 'awaitingCosigners')
          await askCosigners(ctx.app, w, { ...row, title }, resource.pendingCosignerIds);
        const set = { ...edits, searchText: searchTextOf(title, content) };
        return {
          set: next === 'submitted' ? { ...set, ...(await numberSubmitted(ctx.app, w, row)) } : set,
          audit: { edits },
        };
      },
    }),
  );
}
