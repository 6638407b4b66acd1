// 跟踪办理: the lead unit reports a B or C item solved, which closes it (上海规定 Art. 22).
import type { Ctx } from '../../../platform/context';
import { runStep } from '../workflow-step';

export const reportSolved = (ctx: Ctx, id: string, note: string) =>
  runStep(ctx, id, { action: 'reportSolved', event: 'reportSolved' }, async () => ({
    set: { followUpSolvedAt: new Date(), closedAt: new Date() },
    audit: { note },
  }));
