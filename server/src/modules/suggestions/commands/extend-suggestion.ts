// Staff approve 6 months instead of 3 for a complex item (代表法 Art. 51 ¶2 "涉及面广、处理难度大").
import { endOfShanghaiDay, shanghaiDate } from '@minyi/domain/calendar';
import { replyDueDate } from '@minyi/domain/suggestions';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { readSuggestionSettings } from '../suggestions.repository';
import { runStep } from '../workflow-step';

export async function extendSuggestion(ctx: Ctx, id: string, reason: string) {
  return runStep(ctx, id, { action: 'extend', event: 'extend' }, async ({ w, row }) => {
    if (row.extended)
      throw conflict('already_extended', { zh: '已批准延期', en: 'An extension was already approved' });
    const settings = await readSuggestionSettings(w.db, row.congressId);
    const deadline = endOfShanghaiDay(replyDueDate(shanghaiDate(row.assignedAt!), settings, true));
    return { set: { extended: true, extensionReason: reason, deadline }, audit: { reason, deadline } };
  });
}
