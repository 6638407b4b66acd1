// Closes the vote: mixes the ballot box, reconciles (ballots cast ≤ members signed in, else void; a paper
// statement entered by one teller must be confirmed or discarded first), tallies by the rules snapshotted on
// the vote (a runoff by its runoff rule), publishes the result, and hands the chosen options to the calling
// module (livelihood puts the chosen projects into implementation), all in one transaction.
import { eq } from 'drizzle-orm';
import { nextVoteStatus, tally, type VoteStatus } from '@minyi/domain/livelihood';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { projectVotePaperCounts, projectVotes } from '../ballots.table';
import { votePolicy } from '../ballots.policy';
import {
  compactSecretTables,
  countElectronic,
  loadOptions,
  loadVoteFor,
  mixBallots,
  turnoutOf,
  type BallotSubject,
  type PublishedResult,
} from '../ballots.repository';

export async function closeVote(ctx: Ctx, subject: BallotSubject, voteId: string): Promise<PublishedResult> {
  const result = await step(ctx, {
    policy: votePolicy,
    action: 'close',
    load: (w, actor) => loadVoteFor(w.db, actor, voteId, 'update'),
    transition: ({ row }) => ({ from: row.status, to: nextVoteStatus(row.status, 'close') }),
    async write({ w, row: vote, to }) {
      await mixBallots(w.db, voteId);
      const candidates = await loadOptions(w.db, subject, vote.congressId, voteId);
      const ids = candidates.map((c) => c.id);
      const electronic = await countElectronic(w.db, voteId, ids);
      if (
        !vote.paperTally &&
        (await w.db.$count(projectVotePaperCounts, eq(projectVotePaperCounts.voteId, voteId)))
      )
        throw conflict('paper_count_unconfirmed', {
          zh: '纸质选票计数只有一名计票人录入：须由第二名计票人确认，或作废后重新清点',
          en: "One teller's paper count awaits a second teller's: confirm it, or discard it and recount",
        });
      const paper = vote.paperTally ?? { ballots: 0, counts: {} };
      const counts = Object.fromEntries(
        ids.map((id) => [id, electronic.counts[id] + (paper.counts[id] ?? 0)]),
      );
      const t = await turnoutOf(w.db, voteId);
      const r = tally({
        rollSize: t.rollSize,
        signedIn: t.signedIn,
        ballotsCast: electronic.ballots + paper.ballots,
        voidBallots: paper.void ?? 0,
        maxChoices: vote.maxChoices,
        counts,
        rules: vote.rules,
        kind: vote.kind,
      });
      const closedAt = new Date();
      const passed = new Set(r.ranking.filter((x) => x.passed).map((x) => x.candidateId));
      const published: PublishedResult = {
        ...r,
        advisory: vote.rules.advisory,
        maxChoices: vote.maxChoices,
        electronicBallots: electronic.ballots,
        paperBallots: paper.ballots,
        paperStatement: vote.paperTally
          ? {
              issued: paper.issued ?? null,
              returned: paper.ballots,
              valid: paper.valid ?? null,
              void: paper.void ?? 0,
              blank: paper.blank ?? null,
            }
          : null,
        candidates: candidates
          .map((c) => ({
            id: c.id,
            title: c.title,
            votes: counts[c.id],
            electronicVotes: electronic.counts[c.id],
            paperVotes: paper.counts[c.id] ?? 0,
            passed: passed.has(c.id),
            chosen: r.chosen.includes(c.id),
          }))
          .sort((a, b) => b.votes - a.votes || a.title.localeCompare(b.title)),
        closedAt: closedAt.toISOString(),
      };
      await w.db
        .update(projectVotes)
        .set({
          status: to as VoteStatus,
          closedAt,
          result: published as unknown as Record<string, unknown>,
        })
        .where(eq(projectVotes.id, voteId));
      await subject.onClosed(w, vote, r, candidates);
      return {
        result: published,
        audit: {
          action: 'projectVote.close',
          entityType: 'projectVote',
          entityId: voteId,
          congressId: vote.congressId,
          after: {
            valid: r.valid,
            invalidReason: r.invalidReason,
            chosen: r.chosen,
            runoff: r.runoff,
            shortfall: r.shortfall,
            turnout: r.turnout,
          },
        },
      };
    },
  });
  await compactSecretTables(ctx.app.database, () => undefined);
  return result;
}
