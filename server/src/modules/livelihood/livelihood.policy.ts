// Who may do what in the livelihood module (the vote's own policy is the ballots module's). Staff run the
// cycle; deputies comment and evaluate; the lead unit reports progress; the public proposes, supports and reads.
import { allow, definePolicy } from '../../platform/access';

export interface CandidateResource {
  congressId: string;
}

export const candidatePolicy = definePolicy<CandidateResource>('livelihoodCandidate', [
  allow(['congressStaff', 'leader', 'deputy', 'handlingUnitStaff'], ['read', 'readDeliberation']),
  allow('deputy', ['deliberate']),
]);

export interface ProjectResource {
  congressId: string;
  leadUnitId: string;
}

export const projectPolicy = definePolicy<ProjectResource>('livelihoodProject', [
  allow('congressStaff', ['plan', 'adjust', 'accept', 'recordInspection', 'reportProgress']),
  allow('handlingUnitStaff', ['reportProgress'], (a, r) => a.handlingUnitId === r.leadUnitId),
  allow('deputy', ['recordInspection', 'evaluate']),
]);

/** Roles that run the solicitation and shortlist (creating candidates, merging ideas). */
export const STAFF = ['congressStaff'] as const;
/** Roles that may read the staff views of the cycle. */
export const READERS = ['congressStaff', 'leader', 'deputy', 'handlingUnitStaff'] as const;
