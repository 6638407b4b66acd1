// A second vote for a shortfall (另行票决): when fewer options than the quota reached the threshold and the
// vote's rules allow it, a new vote among the remaining candidates for the empty places, with the same scope,
// rules, sitting and roll (the roll is copied when it is called). Its chosen options fill the places.
import { and, eq } from 'drizzle-orm';
import { DEFAULT_SHORTFALL_VOTE, canTakeVoteStep } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, unauthorized, wrongState } from '../../../platform/errors';
import { projectVoteCandidates, projectVotes } from '../ballots.table';
import { votePolicy } from '../ballots.policy';
import { loadVoteFor, type BallotSubject, type PublishedResult } from '../ballots.repository';
import { writeVote } from './create-vote';

export async function createShortfallVote(ctx: Ctx, subject: BallotSubject, voteId: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  return transact(ctx, async (w) => {
    // The parent's row lock serialises the making of its second vote.
    const { row: vote, resource } = await loadVoteFor(w.db, actor, voteId, 'update');
    votePolicy.authorize(actor, 'createShortfallVote', resource);
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
    const [existing] = await w.db
      .select({ id: projectVotes.id })
      .from(projectVotes)
      .where(and(eq(projectVotes.parentVoteId, voteId), eq(projectVotes.kind, 'shortfall')));
    if (existing)
      throw conflict(
        'shortfall_vote_exists',
        { zh: '已对差额不足的名额另行票决', en: 'A second vote for the shortfall already exists' },
        { voteId: existing.id },
      );
    const chosen = new Set(result.chosen);
    const remaining = (
      await w.db
        .select({ id: projectVoteCandidates.candidateId })
        .from(projectVoteCandidates)
        .where(eq(projectVoteCandidates.voteId, voteId))
        .orderBy(projectVoteCandidates.position)
    )
      .map((c) => c.id)
      .filter((id) => !chosen.has(id));
    return writeVote(
      w,
      vote.congressId,
      subject,
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
  });
}
