// Who may do what in an election. Congress staff (the election office, 选联工委) set it up, keep the register
// and the candidates (exclusions, transfers, publication, complaints, voter cards), record polling day's turnout
// and enter the returns; leaders read it. Voters, deputies and units have no part here; a citizen checks their
// own registration through the public look-up (public.routes.ts), which needs no account.
import { allow, definePolicy } from '../../platform/access';

export interface ElectionResource {
  congressId: string;
}

export const electionPolicy = definePolicy<ElectionResource>('election', [
  allow(['congressStaff', 'leader'], 'read'),
  allow('congressStaff', [
    'addDistrict',
    'importVoters',
    'readVoters',
    'approveProxy',
    'excludeVoter',
    'restoreVoter',
    'transferVoter',
    'fileComplaint',
    'decideComplaint',
    'reportTurnout',
  ]),
]);

export const electionDistrictPolicy = definePolicy<ElectionResource>('electionDistrict', [
  allow(['congressStaff', 'leader'], 'read'),
  allow('congressStaff', [
    'addCandidate',
    'publishNominees',
    'dropNominee',
    'holdPrimary',
    'confirmCandidates',
    'enterReturn',
    'publishVoterList',
    'issueVoterCards',
    'addStation',
  ]),
]);

/** Roles that set up elections. */
export const STAFF = ['congressStaff'] as const;
/** Roles that read every election. */
export const READERS = ['congressStaff', 'leader'] as const;
