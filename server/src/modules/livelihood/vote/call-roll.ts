// Freezes the roll of a vote (the active deputies of the congress, or of the street) and starts sign-in. A
// runoff or a second vote takes its parent's frozen roll (the same members, voter representatives included),
// each to sign in again.
import { eq, inArray, sql } from 'drizzle-orm';
import { nextVoteStatus } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, wrongState } from '../../../platform/errors';
import { projectVoteRoll, projectVotes } from '../livelihood.table';
import { findRollDeputies, loadVote } from './vote.repository';
import { deputies } from '../../registry';

export async function callRoll(ctx: Ctx, congressId: string, voteId: string) {
  return transact(ctx, async (w) => {
    const vote = await loadVote(w.db, congressId, voteId, 'update');
    const next = nextVoteStatus(vote.status, 'callRoll');
    if (!next) throw wrongState(vote.status);
    if (vote.parentVoteId) {
      await w.db.execute(sql`
        INSERT INTO project_vote_roll (congress_id, vote_id, member_id, deputy_id, kind, name)
        SELECT congress_id, ${voteId}, member_id, deputy_id, kind, name FROM project_vote_roll
        WHERE vote_id = ${vote.parentVoteId} AND congress_id = ${congressId}
        ON CONFLICT DO NOTHING`);
    }
    const deputyIds = vote.parentVoteId
      ? []
      : await findRollDeputies(w.db, congressId, vote.scope === 'street' ? vote.streetId : null);
    const names = deputyIds.length
      ? await w.db
          .select({ id: deputies.id, name: deputies.name })
          .from(deputies)
          .where(inArray(deputies.id, deputyIds))
      : [];
    const nameOf = new Map(names.map((d) => [d.id, d.name]));
    for (let i = 0; i < deputyIds.length; i += 1000) {
      await w.db.insert(projectVoteRoll).values(
        deputyIds.slice(i, i + 1000).map((d) => ({
          congressId,
          voteId,
          memberId: d,
          deputyId: d,
          kind: 'deputy' as const,
          name: nameOf.get(d) ?? '',
        })),
      );
    }
    const n = await w.db.$count(projectVoteRoll, eq(projectVoteRoll.voteId, voteId));
    if (n === 0) throw conflict('empty_roll', { zh: '名单为空，无法点名', en: 'The roll is empty' });
    await w.db
      .update(projectVotes)
      .set({ status: next, rollCalledAt: new Date() })
      .where(eq(projectVotes.id, voteId));
    await w.audit({
      action: 'projectVote.callRoll',
      entityType: 'projectVote',
      entityId: voteId,
      congressId,
      before: { status: vote.status },
      after: { status: next, rollSize: n },
    });
    return { status: next, rollSize: n };
  });
}
