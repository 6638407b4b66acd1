// The proposer withdraws a suggestion; only before it is assigned (the table forbids it afterwards).
import type { Ctx } from '../../../platform/context';
import { runStep } from '../workflow-step';

export const withdrawSuggestion = (ctx: Ctx, id: string) =>
  runStep(ctx, id, { action: 'withdraw', event: 'withdraw' }, async () => ({
    set: { closedAt: new Date() },
  }));
