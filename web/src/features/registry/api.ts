// The registry feature's endpoints (deputies and their mandates, handling units, liaison places,
// jurisdictions and electoral districts, terms and sittings, committees): the one place of this feature that
// knows their URLs. Names are the server's operationIds; pages read through `paths` with useResource /
// usePagedList and write through the functions.
import { api, download, qs } from '../../api';
import type { Ref } from './shared';

/** Paged lists take their filters from usePagedList; these are the lists' bare paths. */
export const paths = {
  getPublicCongress: () => '/public/congress',
  findStreets: () => '/jurisdictions?level=street',
  findJurisdictions: () => '/jurisdictions',
  findCommunities: (streetId: string) => `/jurisdictions${qs({ level: 'community', parentId: streetId })}`,
  findElectoralDistricts: (streetId: string) => `/electoral-districts${qs({ streetId, limit: 200 })}`,
  /** Paged: `usePagedList(paths.findDeputies(), filters)`. */
  findDeputies: () => '/deputies',
  getDeputy: (id: string | undefined) => `/deputies/${id}`,
  /** Paged: `usePagedList(paths.findHandlingUnits(), filters)`. */
  findHandlingUnits: () => '/handling-units',
  /** Paged: `usePagedList(paths.findLiaisonPlaces(), filters)`. */
  findLiaisonPlaces: () => '/liaison-places',
  findLiaisonPlacesInStreet: (streetId: string) => `/liaison-places${qs({ streetId, limit: 200 })}`,
  findTerms: () => '/terms',
  findSittings: (termId: string | undefined) => `/sittings${qs({ termId })}`,
  findCommitteeMembers: (query: { body: string; workingCommitteeId?: string; current?: string }) =>
    `/committee-members${qs({ body: query.body, workingCommitteeId: query.workingCommitteeId, current: query.current })}`,
  findWorkingCommittees: () => '/working-committees',
};

type Body = Record<string, unknown>;

// Deputies and mandates
/** The deputy picker's search (first 30 matches). */
export const searchDeputies = (q: string) =>
  api.get<{ items: Ref[] }>(`/deputies${qs({ q: q || undefined, limit: 30 })}`);
export const registerDeputy = (body: Body, idempotencyKey: string) =>
  api.post<{ id: string }>('/deputies', body, { idempotencyKey });
export const editDeputy = (id: string, body: Body) => api.patch<{ id: string }>(`/deputies/${id}`, body);
export const revealDeputyPersonalData = (id: string, field: string) =>
  api.post<{ value: string | null }>(`/deputies/${id}/reveal`, { field });
export const grantMandate = (deputyId: string, body: Body) =>
  api.post(`/deputies/${deputyId}/mandates`, body);
export const suspendMandate = (id: string, body: { reason: string; date: string }) =>
  api.post(`/mandates/${id}/suspend`, body);
export const terminateMandate = (id: string, body: { reason: string; date: string }) =>
  api.post(`/mandates/${id}/terminate`, body);
export const reinstateMandate = (id: string) => api.post(`/mandates/${id}/reinstate`);
export const importDeputies = (form: FormData) => api.upload<{ created: number }>('/deputies/import', form);
export const getDeputyImportTemplate = () =>
  download('/deputies/import-template.xlsx', 'deputies-template.xlsx');
export const exportDeputies = () => download('/deputies/export.xlsx', 'deputies.xlsx');

// Handling units
export const createHandlingUnit = (body: Body, idempotencyKey: string) =>
  api.post('/handling-units', body, { idempotencyKey });
export const editHandlingUnit = (id: string, body: Body) => api.patch(`/handling-units/${id}`, body);
export const importHandlingUnits = (form: FormData) =>
  api.upload<{ created: number }>('/handling-units/import', form);
export const getHandlingUnitImportTemplate = () =>
  download('/handling-units/import-template.xlsx', 'handling-units-template.xlsx');
export const exportHandlingUnits = () => download('/handling-units/export.xlsx', 'handling-units.xlsx');

// Liaison places
export const createLiaisonPlace = (body: Body, idempotencyKey: string) =>
  api.post('/liaison-places', body, { idempotencyKey });
export const editLiaisonPlace = (id: string, body: Body) => api.patch(`/liaison-places/${id}`, body);
export const setLiaisonPlaceDeputies = (id: string, deputyIds: string[]) =>
  api.put(`/liaison-places/${id}/deputies`, { deputyIds });

// Jurisdictions and electoral districts
export const createJurisdiction = (body: Body) => api.post('/jurisdictions', body);
export const renameJurisdiction = (id: string, body: Body) => api.patch(`/jurisdictions/${id}`, body);
export const createElectoralDistrict = (body: Body) => api.post('/electoral-districts', body);
export const editElectoralDistrict = (id: string, body: Body) =>
  api.patch(`/electoral-districts/${id}`, body);

// Terms and sittings
export const createTerm = (body: {
  number: unknown;
  startDate: string;
  endDate: string;
  isCurrent: boolean;
}) => api.post('/terms', body);
export const scheduleSitting = (body: {
  termId: unknown;
  number: unknown;
  startDate: string;
  endDate: string;
}) => api.post('/sittings', body);
export const openSitting = (id: string) => api.post(`/sittings/${id}/open`);
export const closeSitting = (id: string) => api.post(`/sittings/${id}/close`);

// Committees
export const appointCommitteeMember = (body: Body) => api.post('/committee-members', body);
export const endCommitteeMembership = (id: string, endedOn: string) =>
  api.post(`/committee-members/${id}/end`, { endedOn });
export const createWorkingCommittee = (body: Body) => api.post('/working-committees', body);
export const editWorkingCommittee = (id: string, body: Body) => api.patch(`/working-committees/${id}`, body);
