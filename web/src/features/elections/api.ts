// The elections feature's endpoints (the elections, their electoral districts and candidates, the returns and
// the voter register's import): the one place of this feature that knows their URLs. Names are the server's
// operationIds; pages read through `paths` with useResource / usePagedList and write through the functions.
import { api } from '../../api';
import type { ImportReport, RegistrationAnswer } from './types';

export const paths = {
  /** Paged: `usePagedList(paths.findElections())`. */
  findElections: () => '/elections',
  getElection: (id: string | undefined) => `/elections/${id}`,
  /** Paged: `usePagedList(paths.findElectionVoters(id), { name, districtId, status })`. */
  findElectionVoters: (id: string | undefined) => `/elections/${id}/voters`,
  getElectionVoterList: (id: string | undefined, districtId: string | undefined) =>
    `/elections/${id}/districts/${districtId}/voter-list`,
  getElectionVoterCard: (id: string | undefined, voterId: string | undefined) =>
    `/elections/${id}/voters/${voterId}/card`,
  findElectionComplaints: (id: string | undefined) => `/elections/${id}/complaints`,
  getElectionTurnout: (id: string | undefined) => `/elections/${id}/turnout`,
};

// Elections
export const createElection = (body: object, idempotencyKey: string) =>
  api.post<{ id: string }>('/elections', body, { idempotencyKey });

// Electoral districts and their candidates
export const addElectionDistrict = (electionId: string, body: object, idempotencyKey: string) =>
  api.post<{ id: string }>(`/elections/${electionId}/districts`, body, { idempotencyKey });
export const addElectionCandidate = (
  electionId: string,
  districtId: string,
  body: {
    name: string;
    nominatedBy?: string;
    nominator?: string;
    nominatorIdNumbers?: string[];
    profile?: string;
  },
  idempotencyKey: string,
) =>
  api.post<{ id: string }>(`/elections/${electionId}/districts/${districtId}/candidates`, body, {
    idempotencyKey,
  });
export const publishElectionNominees = (electionId: string, districtId: string, body: object) =>
  api.post(`/elections/${electionId}/districts/${districtId}/nominees:publish`, body);
export const dropElectionNominee = (
  electionId: string,
  districtId: string,
  candidateId: string,
  body: { note: string },
) => api.post(`/elections/${electionId}/districts/${districtId}/candidates/${candidateId}/drop`, body);
export const holdElectionPrimary = (electionId: string, districtId: string, body: object) =>
  api.post(`/elections/${electionId}/districts/${districtId}/candidates:primary`, body);

// The public look-up of one's own registration (no account)
export const checkVoterRegistration = (body: { name: string; idNumber: string }) =>
  api.post<RegistrationAnswer>('/elections/registration:check', body);
export const confirmElectionCandidates = (electionId: string, districtId: string) =>
  api.post(`/elections/${electionId}/districts/${districtId}/candidates:confirm`);

// Returns
export const enterElectionReturn = (
  electionId: string,
  districtId: string,
  body: {
    round: 'first' | 'runoff' | 'revote';
    registered: number | null;
    participated: number | null;
    ballotsIssued: number | null;
    ballotsReturned: number | null;
    void: number | null;
    others: number | null;
    votes: Record<string, number | null>;
  },
) => api.post(`/elections/${electionId}/districts/${districtId}/return`, body);

// The voter register
export const importVoters = (electionId: string, form: FormData) =>
  api.upload<ImportReport>(`/elections/${electionId}/voters:import`, form);

// The register's operations
export const excludeElectionVoter = (electionId: string, voterId: string, body: object) =>
  api.post(`/elections/${electionId}/voters/${voterId}/exclusion`, body);
export const restoreElectionVoter = (electionId: string, voterId: string) =>
  api.delete(`/elections/${electionId}/voters/${voterId}/exclusion`);
export const transferElectionVoter = (electionId: string, voterId: string, body: object) =>
  api.post(`/elections/${electionId}/voters/${voterId}/transfer`, body);
export const publishElectionVoterList = (electionId: string, districtId: string, body: object) =>
  api.post(`/elections/${electionId}/districts/${districtId}/voter-list`, body);
export const issueElectionVoterCards = (electionId: string, districtId: string, body: object) =>
  api.post<{ issued: number }>(`/elections/${electionId}/districts/${districtId}/voter-cards`, body);
export const fileElectionComplaint = (electionId: string, body: object, idempotencyKey: string) =>
  api.post<{ id: string }>(`/elections/${electionId}/complaints`, body, { idempotencyKey });
export const decideElectionComplaint = (electionId: string, complaintId: string, body: object) =>
  api.post(`/elections/${electionId}/complaints/${complaintId}/decision`, body);

// Polling day
export const addElectionStation = (
  electionId: string,
  districtId: string,
  body: object,
  idempotencyKey: string,
) =>
  api.post<{ id: string }>(`/elections/${electionId}/districts/${districtId}/stations`, body, {
    idempotencyKey,
  });
export const reportElectionTurnout = (
  electionId: string,
  stationId: string,
  body: { ballotsIssued: number; ballotsReturned: number },
  idempotencyKey: string,
) => api.post(`/elections/${electionId}/stations/${stationId}/reports`, body, { idempotencyKey });
