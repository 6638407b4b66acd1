// Puts an excluded voter back on the list (political rights restored, an exclusion found wrong on complaint):
// the exclusion's fields are cleared; the audit row keeps what they were.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { electionVoters } from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { loadVoterStep } from '../elections.repository';

export function restoreVoter(ctx: Ctx, electionId: string, voterId: string) {
  return step(ctx, {
    policy: electionPolicy,
    action: 'restoreVoter',
    load: (w, actor) => loadVoterStep(w, actor, electionId, voterId, 'restoreVoter'),
    async write({ w, row: { voter } }) {
      if (!voter.exclusion)
        throw conflict('not_excluded', {
          zh: `${voter.name}在选民名单中，无需恢复`,
          en: `${voter.name} is on the list; there is nothing to restore`,
        });
      const before = {
        exclusion: voter.exclusion,
        exclusionReason: voter.exclusionReason,
        exclusionDecision: voter.exclusionDecision,
        excludedOn: voter.excludedOn,
        excludedBy: voter.excludedBy,
      };
      await w.db
        .update(electionVoters)
        .set({
          exclusion: null,
          exclusionReason: null,
          exclusionDecision: null,
          excludedOn: null,
          excludedBy: null,
        })
        .where(eq(electionVoters.id, voter.id));
      return {
        result: { id: voter.id, restored: true },
        audit: {
          action: 'election.restoreVoter',
          entityType: 'electionVoter',
          entityId: voter.id,
          congressId: voter.congressId,
          before,
          after: { exclusion: null },
        },
      };
    },
  });
}
