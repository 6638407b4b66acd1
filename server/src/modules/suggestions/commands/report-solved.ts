// 跟踪办理: the lead unit reports a B or C item solved, which closes it (上海规定 Art. 22).
import type { Ctx } from '../../../platform/context';
import { step } from '../../../platform/step';
import { suggestionStep } from '../suggestions.repository';

export const reportSolved = (ctx: Ctx, id: string, note: string) =>
  step(
    ctx,
    suggestionStep(id, {
      action: 'reportSolved',
      event: 'reportSolved',
      apply: async () => ({
        set: { followUpSolvedAt: new Date(), closedAt: new Date() },
        audit: { note },
      }),
    }),
  );
