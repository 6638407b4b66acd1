// Discards a first teller's paper count that the second could not confirm (staff decide to recount).
import { and, eq } from 'drizzle-orm';
import { canTakeVoteStep } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, unauthorized, wrongState } from '../../../platform/errors';
import { projectVotePaperCounts } from '../ballots.table';
import { votePolicy } from '../ballots.policy';
import { loadVoteFor } from '../ballots.repository';

/** Discards a first teller's count that the second could not confirm (staff decide to recount). */
export async function discardPaperCounts(ctx: Ctx, voteId: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  return transact(ctx, async (w) => {
    const { row: vote, resource } = await loadVoteFor(w.db, actor, voteId, 'update');
    votePolicy.authorize(actor, 'enterPaperCount', resource);
    const congressId = vote.congressId;
    if (!canTakeVoteStep(vote.status, 'enterPaperCount')) throw wrongState(vote.status);
    if (vote.paperTally)
      throw conflict('paper_tally_accepted', {
        zh: '纸质选票计数已确认',
        en: 'The paper count was already accepted',
      });
    await w.db
      .delete(projectVotePaperCounts)
      .where(
        and(eq(projectVotePaperCounts.voteId, voteId), eq(projectVotePaperCounts.congressId, congressId)),
      );
    await w.audit({
      action: 'projectVote.discardPaperCounts',
      entityType: 'projectVote',
      entityId: voteId,
      congressId,
    });
  });
}
