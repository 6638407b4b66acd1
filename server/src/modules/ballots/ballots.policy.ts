// Who may do what in a secret-ballot vote. Staff run the vote (roll, opening, tellers, close, the runoff and
// the second vote); members of the roll sign in and vote; staff and leaders read every vote.
import { allow, definePolicy } from '../../platform/access';

export interface VoteResource {
  congressId: string;
  /** The actor is a member of this vote's roll. */
  onRoll: boolean;
}

export const votePolicy = definePolicy<VoteResource>('projectVote', [
  allow(
    ['congressStaff'],
    [
      'create',
      'callRoll',
      'open',
      'close',
      'enterPaperCount',
      'signInMember',
      'createRunoff',
      'createShortfallVote',
    ],
  ),
  allow(['congressStaff', 'leader'], ['read']),
  allow('deputy', ['read', 'signIn', 'castBallot'], (_a, r) => r.onRoll),
]);
