// Opens the ballot: only with quorum (two thirds of the roll signed in by default) and once the tellers' key
// ceremony has given the vote its public key (ballots are encrypted to it).
import { eq } from 'drizzle-orm';
import { hasQuorum, nextVoteStatus, quorumNeeded, type VoteStatus } from '@minyi/domain/livelihood';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { projectVotes } from '../ballots.table';
import { votePolicy } from '../ballots.policy';
import { checkOwner, loadVoteFor, turnoutOf, type BallotSubject } from '../ballots.repository';

/** `subject`: the calling module's (absent: livelihood's); a vote of another module is answered 404. */
export function openVote(ctx: Ctx, voteId: string, subject: Pick<BallotSubject, 'owner'> = {}) {
  return step(ctx, {
    policy: votePolicy,
    action: 'open',
    load: (w, actor) => loadVoteFor(w.db, actor, voteId, 'update'),
    transition: ({ row }) => ({ from: row.status, to: nextVoteStatus(row.status, 'open') }),
    async write({ w, row: vote, to }) {
      checkOwner(vote, subject);
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
      if (!vote.publicKey)
        throw conflict('key_ceremony_incomplete', {
          zh: '三名计票人尚未完成密钥生成，不能开始投票',
          en: "The three tellers' key ceremony is not complete; the vote cannot open yet",
        });
      const status = to as VoteStatus;
      await w.db
        .update(projectVotes)
        .set({ status, openedAt: new Date() })
        .where(eq(projectVotes.id, voteId));
      return {
        result: { status },
        audit: {
          action: 'projectVote.open',
          entityType: 'projectVote',
          entityId: voteId,
          congressId: vote.congressId,
          after: { ...t },
        },
      };
    },
  });
}
