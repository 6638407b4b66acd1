// Who may do what in a secret-ballot vote. Staff run the vote (roll, tellers, opening, close, the runoff and
// the second vote); members of the roll sign in and vote; the vote's tellers (three accounts named before it
// opens: congress staff, or deputies designated for the vote) hold the key ceremony and decrypt the totals;
// staff and leaders read every vote.
import type { Role } from '@minyi/domain';
import { allow, definePolicy } from '../../platform/access';

export interface VoteResource {
  congressId: string;
  /** The actor is a member of this vote's roll. */
  onRoll: boolean;
  /** The actor's place among this vote's tellers (1..3), or null. */
  tellerIndex?: number | null;
}

/** The roles a teller's account may hold: a teller is designated per vote, not a role of its own. */
const TELLER_ROLES: Role[] = ['congressStaff', 'deputy', 'leader'];
const isTeller = (_a: unknown, r: VoteResource) => r.tellerIndex != null;

export const votePolicy = definePolicy<VoteResource>('projectVote', [
  allow(
    ['congressStaff'],
    [
      'create',
      'callRoll',
      'appointTellers',
      'open',
      'close',
      'enterPaperCount',
      'signInMember',
      'createRunoff',
      'createShortfallVote',
    ],
  ),
  allow(['congressStaff', 'leader'], ['read', 'readCeremony']),
  allow('deputy', ['read', 'signIn', 'castBallot'], (_a, r) => r.onRoll),
  allow(
    TELLER_ROLES,
    ['read', 'readCeremony', 'postCeremonyKey', 'postDeal', 'postPartialDecryption'],
    isTeller,
  ),
]);
