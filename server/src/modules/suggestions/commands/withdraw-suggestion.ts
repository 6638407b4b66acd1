// The proposer withdraws a suggestion; only before it is assigned (the table forbids it afterwards).
import type { Ctx } from '../../../platform/context';
import { step } from '../../../platform/step';
import { suggestionStep } from '../suggestions.repository';

export const withdrawSuggestion = (ctx: Ctx, id: string) =>
  step(
    ctx,
    suggestionStep(id, {
      action: 'withdraw',
      event: 'withdraw',
      apply: async () => ({
        set: { closedAt: new Date() },
      }),
    }),
  );
