// What a deputy still has to do in the secret votes they are on the roll of (the work home): votes signing in
// where they have not signed in, and open votes where they have not voted. Counts only: whether a member has
// voted is already public to the tellers' roll (project_vote_voters), and nothing of a ballot is read.
import type { Ctx } from '../../../platform/context';
import type { BallotOwner } from '../ballots.table';

export interface VotesAwaiting {
  toSignIn: number;
  toVote: number;
  /** Of toVote, votes the member has not signed in to yet (they sign in with their ballot). */
  voteIds: string[];
}

/** Of one module's votes (livelihood's by default: its work home links to its own vote pages). */
export async function countVotesAwaiting(
  ctx: Ctx,
  owner: BallotOwner = 'livelihood',
): Promise<VotesAwaiting> {
  const actor = ctx.actor!;
  if (!actor.deputyId) return { toSignIn: 0, toVote: 0, voteIds: [] };
  const rows = await ctx.app.database.query<{
    id: string;
    status: string;
    signedIn: boolean;
    voted: boolean;
  }>(
    `SELECT v.id, v.status, r.signed_in_at IS NOT NULL AS "signedIn",
            EXISTS (SELECT 1 FROM project_vote_voters x WHERE x.vote_id = v.id AND x.member_id = r.member_id) AS voted
       FROM project_vote_roll r JOIN project_votes v ON v.id = r.vote_id
      WHERE r.congress_id = $1 AND r.deputy_id = $2 AND v.status IN ('signingIn', 'open')
        AND v.owner = $3`,
    [actor.congressId, actor.deputyId, owner],
  );
  const toSignIn = rows.filter((r) => r.status === 'signingIn' && !r.signedIn);
  const toVote = rows.filter((r) => r.status === 'open' && !r.voted);
  return {
    toSignIn: toSignIn.length,
    toVote: toVote.length,
    voteIds: [...toSignIn, ...toVote].map((r) => r.id),
  };
}
