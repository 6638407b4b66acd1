// Closes the vote (issue 21): casting stops, a paper statement entered by one teller must have been confirmed
// or discarded, and the encrypted ballots are combined per candidate (the homomorphic sum: no ballot is
// decrypted). The combined ciphertexts are stored; the vote waits in `counting` for two of its three tellers'
// partial decryptions (decrypt-totals.ts), which give the totals and the result.
import { eq } from 'drizzle-orm';
import { combineBallots } from '@minyi/domain/ballots/crypto';
import { nextVoteStatus, type VoteStatus } from '@minyi/domain/livelihood';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { projectVotePaperCounts, projectVotes } from '../ballots.table';
import { votePolicy } from '../ballots.policy';
import {
  ballotContext,
  checkOwner,
  candidateCount,
  loadEncryptedBallots,
  loadVoteFor,
  type BallotSubject,
  type PublishedResult,
} from '../ballots.repository';
import { publishTally, tallyAudit } from './publish-tally';

interface Closed {
  status: VoteStatus;
  electronicBallots: number;
  /** The count, when there was nothing to decrypt (no electronic ballot); else after the tellers'. */
  result: PublishedResult | null;
}

export function closeVote(ctx: Ctx, subject: BallotSubject, voteId: string) {
  return step(ctx, {
    policy: votePolicy,
    action: 'close',
    load: (w, actor) => loadVoteFor(w.db, actor, voteId, 'update'),
    transition: ({ row }) => ({ from: row.status, to: nextVoteStatus(row.status, 'close') }),
    async write({ w, row: vote, to }) {
      checkOwner(vote, subject);
      if (
        !vote.paperTally &&
        (await w.db.$count(projectVotePaperCounts, eq(projectVotePaperCounts.voteId, voteId)))
      )
        throw conflict('paper_count_unconfirmed', {
          zh: '纸质选票计数只有一名计票人录入：须由第二名计票人确认，或作废后重新清点',
          en: "One teller's paper count awaits a second teller's: confirm it, or discard it and recount",
        });
      const ctxB = ballotContext(vote, await candidateCount(w.db, voteId));
      const ballots = await loadEncryptedBallots(w.db, voteId);
      const closedAt = new Date();
      if (!ballots.length) {
        // No electronic ballot: nothing to decrypt; the count is the paper ballots alone, at once.
        await w.db.update(projectVotes).set({ closedAt, combined: [] }).where(eq(projectVotes.id, voteId));
        const result = await publishTally(w, subject, { ...vote, closedAt }, { counts: {}, ballots: 0 });
        const out: Closed = { status: 'closed', electronicBallots: 0, result };
        return {
          result: out,
          audit: {
            action: 'projectVote.close',
            entityType: 'projectVote',
            entityId: voteId,
            congressId: vote.congressId,
            after: { status: 'closed', electronicBallots: 0, ...tallyAudit(result) },
          },
        };
      }
      const combined = combineBallots(
        ctxB,
        ballots.map((b) => b.ballot),
      );
      await w.db
        .update(projectVotes)
        .set({ status: to as VoteStatus, closedAt, combined })
        .where(eq(projectVotes.id, voteId));
      const out: Closed = { status: to as VoteStatus, electronicBallots: ballots.length, result: null };
      return {
        result: out,
        audit: {
          action: 'projectVote.close',
          entityType: 'projectVote',
          entityId: voteId,
          congressId: vote.congressId,
          after: { electronicBallots: ballots.length, combined },
        },
      };
    },
  });
}
