// The elections feature's endpoints (the elections, their electoral districts and candidates, the returns and
// the voter register's import): the one place of this feature that knows their URLs. Names are the server's
// operationIds; pages read through `paths` with useResource / usePagedList and write through the functions.
import { api } from '../../api';
import type { ImportReport } from './types';

export const paths = {
  /** Paged: `usePagedList(paths.findElections())`. */
  findElections: () => '/elections',
  getElection: (id: string | undefined) => `/elections/${id}`,
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
  body: { name: string },
  idempotencyKey: string,
) =>
  api.post<{ id: string }>(`/elections/${electionId}/districts/${districtId}/candidates`, body, {
    idempotencyKey,
  });
export const confirmElectionCandidates = (electionId: string, districtId: string) =>
  api.post(`/elections/${electionId}/districts/${districtId}/candidates:confirm`);

// Returns
export const enterElectionReturn = (
  electionId: string,
  districtId: string,
  body: {
    round: 'first' | 'runoff';
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
