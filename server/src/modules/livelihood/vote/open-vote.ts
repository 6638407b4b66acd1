// Opens the ballot: only with quorum (two thirds of the roll signed in by default).
import { eq } from 'drizzle-orm';
import { hasQuorum, nextVoteStatus, quorumNeeded } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, wrongState } from '../../../platform/errors';
import { projectVotes } from '../livelihood.table';
import { loadVote, turnoutOf } from './vote.repository';

export async function openVote(ctx: Ctx, congressId: string, voteId: string) {
  return transact(ctx, async (w) => {
    const vote = await loadVote(w.db, congressId, voteId, 'update');
    const next = nextVoteStatus(vote.status, 'open');
    if (!next) throw wrongState(vote.status);
    const t = await turnoutOf(w.db, voteId);
    if (!hasQuorum(t.rollSize, t.signedIn, vote.rules)) {
      const needed = quorumNeeded(t.rollSize, vote.rules);
      throw conflict(
        'no_quorum',
        {
          zh: `未达法定人数：应到 ${t.rollSize}，实到 ${t.signedIn}，需 ${needed}`,
          en: `No quorum: ${t.signedIn} of ${t.rollSize} signed in, ${needed} needed`,
        },
        { rollSize: t.rollSize, signedIn: t.signedIn, needed },
      );
    }
    await w.db
      .update(projectVotes)
      .set({ status: next, openedAt: new Date() })
      .where(eq(projectVotes.id, voteId));
    await w.audit({
      action: 'projectVote.open',
      entityType: 'projectVote',
      entityId: voteId,
      congressId,
      before: { status: vote.status },
      after: { status: next, ...t },
    });
    return { status: next };
  });
}
