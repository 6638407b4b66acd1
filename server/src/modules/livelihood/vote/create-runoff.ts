// A tie at the cut-off: a new vote among the tied candidates for the seats left, same scope, rules, sitting
// and roll; decided by the vote's runoff rule (by default the most votes, see RUNOFF_RULES).
import { conflict, wrongState } from '../../../platform/errors';
import type { Ctx } from '../../../platform/context';
import { canTakeVoteStep } from '@minyi/domain/livelihood';
import { createVote } from './create-vote';
import { loadVote } from './vote.repository';
import type { PublishedResult } from './close-vote';

export async function createRunoff(ctx: Ctx, congressId: string, voteId: string) {
  const vote = await loadVote(ctx.app.db, congressId, voteId);
  if (!canTakeVoteStep(vote.status, 'createRunoff')) throw wrongState(vote.status);
  const runoff = (vote.result as PublishedResult | null)?.runoff;
  if (!runoff)
    throw conflict('no_runoff_needed', {
      zh: '本次票决没有需要另行票决的并列项目',
      en: 'This vote has no tie to run off',
    });
  return createVote(
    ctx,
    congressId,
    {
      year: vote.year,
      title: `${vote.title}（并列项目另行票决）`,
      scope: vote.scope,
      streetId: vote.streetId,
      maxChoices: runoff.seats,
      candidateIds: runoff.candidateIds,
      voterRepresentatives: [],
    },
    { parentVoteId: voteId, kind: 'runoff', rules: vote.rules, sittingId: vote.sittingId },
  );
}
