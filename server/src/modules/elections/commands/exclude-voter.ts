// Takes a voter off the list as the election committee confirmed (选举法 Art. 27): struck off for deprivation
// of political rights or death, or not listed as unable to exercise the right; the kind, the reason, the
// committee's decision and its day are kept with who recorded them. The registration stays (restorable).
import { eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { ExcludeVoter } from '@minyi/domain/elections';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { electionVoters } from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { loadVoterStep, notAfterToday } from '../elections.repository';

export function excludeVoter(ctx: Ctx, electionId: string, voterId: string, input: ExcludeVoter) {
  return step(ctx, {
    policy: electionPolicy,
    action: 'excludeVoter',
    load: (w, actor) => loadVoterStep(w, actor, electionId, voterId, 'excludeVoter'),
    async write({ w, actor, row: { voter } }) {
      notAfterToday('confirmedOn', input.confirmedOn, shanghaiDate(new Date()));
      if (voter.exclusion)
        throw conflict('already_excluded', {
          zh: `${voter.name}已不在选民名单中`,
          en: `${voter.name} is already off the list`,
        });
      const change = {
        exclusion: input.kind,
        exclusionReason: input.reason,
        exclusionDecision: input.decision,
        excludedOn: input.confirmedOn,
        excludedBy: actor.accountId,
      };
      await w.db.update(electionVoters).set(change).where(eq(electionVoters.id, voter.id));
      return {
        result: { id: voter.id, ...change },
        audit: {
          action: 'election.excludeVoter',
          entityType: 'electionVoter',
          entityId: voter.id,
          congressId: voter.congressId,
          after: change,
        },
      };
    },
  });
}
