// The suggestions feature's endpoints (deputies' suggestions from draft to reply and rating, motions, the
// public replies, the dashboards and reports): the one place of this feature that knows their URLs. Names are
// the server's operationIds; pages read through `paths` with useResource / usePagedList and write through the
// functions.
import { api, download, qs } from '../../api';

export const paths = {
  /** Paged: `usePagedList(paths.findSuggestions(), filters)`. */
  findSuggestions: () => '/suggestions',
  getSuggestion: (id: string | undefined) => `/suggestions/${id}`,
  findSimilarSuggestions: (id: string | undefined) => `/suggestions/${id}/similar`,
  findSuggestionCategories: () => '/suggestion-categories',
  /** Up to 200 handling units, for the pickers. */
  findHandlingUnits: () => '/handling-units?limit=200',
  findLeaders: () => '/suggestion-leaders',
  findExtensionApplications: () => '/suggestion-extensions',
  getSuggestionDashboard: () => '/suggestions/dashboard',
  getFollowUpReport: (year: number | string | undefined) => `/suggestion-follow-up${qs({ year })}`,
  getHandlingReport: () => '/suggestion-report',
  /** Paged: `usePagedList(paths.findPublicReplies(), filters)`. */
  findPublicReplies: () => '/public/suggestion-replies',
  getPublicReply: (id: string | undefined) => `/public/suggestion-replies/${id}`,
  findMotions: () => '/motions',
  getMotionRules: () => '/motion-rules',
};

type Body = Record<string, unknown>;
/** What creating, editing and submitting a suggestion answer. */
export type SuggestionAnswer = { id: string; number: string | null; status: string };

/** The deputy picker's search (public list, first 20 matches). */
export const findPublicDeputies = (q: string) =>
  api.get<{ items: { id: string; name: string }[] }>(`/public/deputies${qs({ q, limit: 20 })}`);

/** An attachment, uploaded before the suggestion that lists it is saved. */
export const uploadFile = (form: FormData) =>
  api.upload<{ id: string; originalName: string }>('/files', form);
/** Downloads an attachment (downloadFile) under its own name. */
export const downloadFile = (id: string, filename: string) => download(`/files/${id}`, filename);
/** Downloads a reply's letter (renderReplyLetter): the server gives its address in the reply as `letterUrl`. */
export const renderReplyLetter = (letterUrl: string, filename: string) =>
  download(letterUrl.replace('/api/v1', ''), filename);

// A suggestion from draft to submission
export const createSuggestion = (body: Body, idempotencyKey: string) =>
  api.post<SuggestionAnswer>('/suggestions', body, { idempotencyKey });
export const editSuggestionDraft = (id: string, body: Body) =>
  api.patch<SuggestionAnswer>(`/suggestions/${id}`, body);

// The steps of a suggestion's handling, each `(id, body)`.
const step =
  <T = unknown>(action: string) =>
  (id: string, body: Body = {}) =>
    api.post<T>(`/suggestions/${id}/${action}`, body);
export const submitSuggestion = step<SuggestionAnswer>('submit');
export const confirmCosign = step('cosign');
export const reviewSuggestion = step('review');
export const assignSuggestion = step('assign');
export const requestHandBack = step('hand-back');
export const decideHandBack = step('hand-back/decision');
export const applyForExtension = step('extension');
export const decideExtension = step('extension/decision');
export const reviewRehandling = step('rehandling-review');
export const logContact = step('contacts');
export const replySuggestion = step('reply');
export const addUnitOpinion = step('unit-opinions');
export const reportSolved = step('solved');
export const rateSuggestion = step('rating');
export const selectKeySuggestion = step('key');
export const publishReply = step('publish');
export const logSupervision = step('supervisions');
export const withdrawSuggestion = step('withdraw');
export const mergeSuggestions = (suggestionIds: string[]) => api.post('/suggestion-cases', { suggestionIds });

// Motions
export const createMotion = (body: Body) => api.post('/motions', body);
export const decideMotion = (id: string, decision: 'agenda' | 'asSuggestion') =>
  api.post(`/motions/${id}/decision`, { decision });

// Reports
export const exportHandlingReportXlsx = () => download('/suggestion-report.xlsx', 'suggestion-report.xlsx');
export const exportHandlingReportDocx = () => download('/suggestion-report.docx', 'suggestion-report.docx');
