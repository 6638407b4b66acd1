// The published result of a closed vote.
import type { Db } from '../../../db/client';
import { wrongState } from '../../../platform/errors';
import { loadVote, voteSummary, type PublishedResult } from '../ballots.repository';

/** The published result; refused while the vote runs (results are secret until close). */
export async function getResults(
  db: Db,
  congressId: string,
  voteId: string,
): Promise<{ vote: ReturnType<typeof voteSummary>; result: PublishedResult }> {
  const vote = await loadVote(db, congressId, voteId);
  if (vote.status !== 'closed' || !vote.result) {
    throw wrongState(vote.status, {
      zh: '票决结束前不公布结果',
      en: 'Results are published when the vote closes',
    });
  }
  return { vote: voteSummary(vote), result: vote.result as unknown as PublishedResult };
}
