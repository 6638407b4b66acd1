// The count once the electronic totals are known (decrypted by the tellers, never a single ballot): the paper
// totals the two tellers agreed are added, the rules snapshotted on the vote are applied (quorum, threshold,
// top N, tie, runoff; a runoff by its runoff rule), the result is published, and the chosen options go to the
// calling module (livelihood puts the chosen projects into implementation), in the caller's transaction.
import { eq } from 'drizzle-orm';
import { tally } from '@minyi/domain/livelihood';
import type { Work } from '../../../platform/context';
import { projectVotes } from '../ballots.table';
import {
  loadOptions,
  turnoutOf,
  type BallotSubject,
  type PublishedResult,
  type VoteRow,
} from '../ballots.repository';

export async function publishTally(
  w: Work,
  subject: BallotSubject,
  vote: VoteRow,
  electronic: { counts: Record<string, number>; ballots: number },
): Promise<PublishedResult> {
  const candidates = await loadOptions(w.db, subject, vote.congressId, vote.id);
  const ids = candidates.map((c) => c.id);
  const paper = vote.paperTally ?? { ballots: 0, counts: {} };
  const counts = Object.fromEntries(
    ids.map((id) => [id, (electronic.counts[id] ?? 0) + (paper.counts[id] ?? 0)]),
  );
  const t = await turnoutOf(w.db, vote.id);
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
  const passed = new Set(r.ranking.filter((x) => x.passed).map((x) => x.candidateId));
  const closedAt = vote.closedAt ?? new Date();
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
        electronicVotes: electronic.counts[c.id] ?? 0,
        paperVotes: paper.counts[c.id] ?? 0,
        passed: passed.has(c.id),
        chosen: r.chosen.includes(c.id),
      }))
      .sort((a, b) => b.votes - a.votes || a.title.localeCompare(b.title)),
    closedAt: closedAt.toISOString(),
  };
  await w.db
    .update(projectVotes)
    .set({ status: 'closed', result: published as unknown as Record<string, unknown> })
    .where(eq(projectVotes.id, vote.id));
  await subject.onClosed(w, vote, r, candidates);
  return published;
}

/** What the audit row of the tally keeps of the result. */
export const tallyAudit = (r: PublishedResult) => ({
  valid: r.valid,
  invalidReason: r.invalidReason,
  chosen: r.chosen,
  runoff: r.runoff,
  shortfall: r.shortfall,
  turnout: r.turnout,
});
