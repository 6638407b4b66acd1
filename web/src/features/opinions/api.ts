// The opinions feature's endpoints (submission, tracking, the queue, receptions, routes, blocks, settings,
// statistics and reports): the one place of this feature that knows their URLs. Names are the server's
// operationIds; pages read through `paths` with useResource / usePagedList and write through the functions.
import type { OpinionSettings } from '@minyi/domain/opinions';
import { API_BASE, api, download, qs } from '../../api';
import type { Opinion, Submitted, Tracked } from './types';

export type { Opinion, Submitted, Tracked } from './types';

export const paths = {
  findOpinionCategories: () => '/opinion-categories',
  /** The district's streets. */
  findStreets: () => '/jurisdictions?level=street',
  findCommunities: (streetId: string) => `/jurisdictions${qs({ level: 'community', parentId: streetId })}`,
  /** Up to 200 handling units, for the pickers. */
  findHandlingUnits: () => '/handling-units?limit=200',
  getOpinionFormPrefill: (query: { deputyId?: string; liaisonPlaceId?: string }) =>
    `/opinions/prefill${qs({ deputyId: query.deputyId, liaisonPlaceId: query.liaisonPlaceId })}`,
  /** Paged: `usePagedList(paths.findOpinions(), filters)`. */
  findOpinions: () => '/opinions',
  getOpinion: (id: string | undefined) => `/opinions/${id}`,
  findSimilarOpinions: (id: string | undefined) => `/opinions/${id}/similar`,
  findPublicReceptions: () => '/public/receptions',
  /** Paged: `usePagedList(paths.findReceptions(), {})`. */
  findReceptions: () => '/receptions',
  getReception: (id: string | undefined) => `/receptions/${id}`,
  findPublicLiaisonPlaces: () => '/public/liaison-places',
  findOpinionRoutes: () => '/opinion-routes',
  findOpinionBlocks: () => '/opinion-blocks',
  getOpinionSettings: () => '/opinion-settings',
  getPublicOpinionStatistics: (from: string, to: string) => `/public/opinion-statistics${qs({ from, to })}`,
  getOpinionPeriodReport: (from: string, to: string) => `/opinion-reports/period${qs({ from, to })}`,
};

/** Where the public form's photo upload posts (uploadOpinionPhoto), for antd Upload's `action`. */
export const opinionPhotoUploadUrl = `${API_BASE}/opinions/photos`;
/** An uploaded file's address (downloadFile), for an <img>. */
export const fileUrl = (id: string) => `${API_BASE}/files/${id}`;
/** The QR code opening the form prefilled with a liaison place or a deputy (getOpinionFormQrCode). */
export const opinionFormQrCodeUrl = (query: { liaisonPlaceId: string } | { deputyId: string }) =>
  `${API_BASE}/opinions/qr.svg${qs(query)}`;

// The public form and tracking
export const submitOpinion = (body: object, idempotencyKey: string) =>
  api.post<Submitted>('/opinions', body, { idempotencyKey });
export const findSimilarOpinionsInStreet = (streetId: string, text: string) =>
  api.get<{ items: { content: string; status: string }[] }>(`/opinions/similar${qs({ streetId, text })}`);
export const trackOpinion = (code: string, phoneLast4: string) =>
  api.get<Tracked>(
    `/opinions/track/${encodeURIComponent(code)}?phoneLast4=${encodeURIComponent(phoneLast4)}`,
  );
export const rateTrackedOpinion = (
  trackingCode: string,
  body: { phoneLast4: string; rating: string; comment?: string },
) => api.post<Tracked>(`/opinions/track/${trackingCode}/rate`, body);

// An opinion's handling (each answers the opinion as it now is)
const act = (id: string, action: string, body: object = {}) =>
  api.post<Opinion>(`/opinions/${id}/${action}`, body);
export const claimOpinion = (id: string) => act(id, 'claim');
export const decideOpinion = (id: string, body: object) => act(id, 'decide', body);
export const addOpinionNote = (id: string, body: { note: unknown; isPublic: unknown }) =>
  act(id, 'notes', body);
export const replyOpinion = (id: string, body: { outcome: unknown; content: unknown }) =>
  act(id, 'reply', body);
export const handBackOpinion = (id: string, body: { reason: unknown }) => act(id, 'hand-back', body);
export const hideOpinion = (id: string, body: { reason: unknown }) => act(id, 'hide', body);
export const unhideOpinion = (id: string, body: { reason: unknown }) => act(id, 'unhide', body);
export const closeOpinion = (id: string, body: { reason: unknown }) => act(id, 'close', body);
export const verifyOpinion = (id: string, body: { note: unknown }) => act(id, 'verify', body);
export const getOpinionRouteProposal = (id: string) =>
  api.get<{ proposal: { leadUnitId: string; assistingUnitIds: string[] } | null }>(
    `/opinions/${id}/route-proposal`,
  );

// The queue's import
export const importOpinions = (form: FormData) => api.upload<{ created: number }>('/opinions/import', form);
export const getOpinionImportTemplate = () =>
  download('/opinions/import-template.xlsx', 'opinions-import-template.xlsx');

// Receptions
export const scheduleReception = (body: {
  liaisonPlaceId: unknown;
  startsAt: string;
  endsAt: string;
  deputyIds: unknown;
  topic: unknown;
}) => api.post('/receptions', body);
export const checkInReception = (id: string, body: { deputyId?: string }) =>
  api.post(`/receptions/${id}/check-in`, body);
export const recordReception = (id: string, body: object) => api.post(`/receptions/${id}/record`, body);

// Routes, blocks, settings
export const setOpinionRoute = (body: object) => api.put('/opinion-routes', body);
export const deleteOpinionRoute = (id: string) => api.delete(`/opinion-routes/${id}`);
export const blockSubmitter = (body: { kind: 'phone' | 'ip'; value: string; reason: string }) =>
  api.post('/opinion-blocks', body);
export const unblockSubmitter = (id: string) => api.delete(`/opinion-blocks/${id}`);
export const changeOpinionSettings = (body: OpinionSettings) =>
  api.put<OpinionSettings>('/opinion-settings', body);

// Reports
export const exportOpinionPeriodReport = (from: string, to: string, filename: string) =>
  download(`/opinion-reports/period.xlsx${qs({ from, to })}`, filename);
