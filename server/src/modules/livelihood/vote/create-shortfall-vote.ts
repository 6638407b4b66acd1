// A second vote for a shortfall (另行票决): when fewer projects than the quota reached the threshold and the
// vote's rules allow it, a new vote among the remaining candidates for the empty places, with the same scope,
// rules, sitting and roll (the roll is copied when it is called). Its chosen projects fill the places.
import { DEFAULT_SHORTFALL_VOTE, canTakeVoteStep } from '@minyi/domain/livelihood';
import type { Ctx } from '../../../platform/context';
import { conflict, wrongState } from '../../../platform/errors';
import { createVote } from './create-vote';
import { loadBallotCandidates, loadVote } from './vote.repository';
import type { PublishedResult } from './close-vote';

export async function createShortfallVote(ctx: Ctx, congressId: string, voteId: string) {
  const db = ctx.app.db;
  const vote = await loadVote(db, congressId, voteId);
  if (!canTakeVoteStep(vote.status, 'createShortfallVote')) throw wrongState(vote.status);
  if (!(vote.rules.shortfallVote ?? DEFAULT_SHORTFALL_VOTE))
    throw conflict('shortfall_vote_not_allowed', {
      zh: '本届设置不允许对差额不足的名额另行票决',
      en: 'The settings do not allow a second vote for a shortfall',
    });
  // A second vote fills places once: places still empty after it stay empty (LEGAL-RULES.md §2, 另行选举).
  if (vote.kind === 'shortfall')
    throw conflict('shortfall_vote_of_shortfall_vote', {
      zh: '另行票决后仍未选出的名额不再票决',
      en: 'Places still empty after a second vote stay empty',
    });
  const result = vote.result as PublishedResult | null;
  if (!result?.valid || result.shortfall <= 0)
    throw conflict('no_shortfall', {
      zh: '本次票决没有差额不足的名额',
      en: 'This vote left no place empty',
    });
  const chosen = new Set(result.chosen);
  const remaining = (await loadBallotCandidates(db, voteId))
    .filter((c) => !chosen.has(c.id))
    .map((c) => c.id);
  return createVote(
    ctx,
    congressId,
    {
      year: vote.year,
      title: `${vote.title}（差额不足名额另行票决）`,
      scope: vote.scope,
      streetId: vote.streetId,
      maxChoices: result.shortfall,
      candidateIds: remaining,
      voterRepresentatives: [],
    },
    { parentVoteId: voteId, kind: 'shortfall', rules: vote.rules, sittingId: vote.sittingId },
  );
}
