// A tie at the cut-off: a new vote among the tied candidates for the seats left, same scope, rules, sitting
// and roll; decided by the vote's runoff rule (by default the most votes, see RUNOFF_RULES).
import { canTakeVoteStep } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, unauthorized, wrongState } from '../../../platform/errors';
import { votePolicy } from '../ballots.policy';
import { loadVoteFor, type BallotSubject, type PublishedResult } from '../ballots.repository';
import { writeVote } from './create-vote';

export async function createRunoff(ctx: Ctx, subject: BallotSubject, voteId: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  return transact(ctx, async (w) => {
    // The parent's row lock serialises the making of its runoff.
    const { row: vote, resource } = await loadVoteFor(w.db, actor, voteId, 'update');
    votePolicy.authorize(actor, 'createRunoff', resource);
    if (!canTakeVoteStep(vote.status, 'createRunoff')) throw wrongState(vote.status);
    const runoff = (vote.result as PublishedResult | null)?.runoff;
    if (!runoff)
      throw conflict('no_runoff_needed', {
        zh: '本次票决没有需要另行票决的并列项目',
        en: 'This vote has no tie to run off',
      });
    return writeVote(
      w,
      vote.congressId,
      subject,
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
  });
}
