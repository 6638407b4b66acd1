// The livelihood feature's endpoints (ideas, candidates and their deliberation, creating a vote, projects'
// implementation, evaluations and surveys): the one place of this feature that knows their URLs. Names are
// the server's operationIds; pages read through `paths` with useResource / usePagedList and write through the
// functions. Casting ballots, receipts and results are added with the encrypted-ballot pages.
import { API_BASE, api, qs } from '../../api';

export const paths = {
  getPublicCongress: () => '/public/congress',
  /** The livelihood settings of the congress (getModuleSettings). */
  getModuleSettings: () => '/settings/livelihood',
  /** Paged: `usePagedList(paths.findHandlingUnits(), {}, 200)`. */
  findHandlingUnits: () => '/handling-units',
  /** Paged: `usePagedList(paths.findLivelihoodIdeas(), { year })`. */
  findLivelihoodIdeas: () => '/public/livelihood/ideas',
  /** Paged: `usePagedList(paths.findLivelihoodCandidates(), { year })`. */
  findLivelihoodCandidates: () => '/livelihood/candidates',
  /** Paged. */
  findDeliberations: (candidateId: string) => `/livelihood/candidates/${candidateId}/deliberations`,
  findPublishedProjectVotes: () => '/public/project-votes',
  findPublicLivelihoodProjects: () => '/public/livelihood/projects',
  getPublicLivelihoodProject: (id: string | undefined) => `/public/livelihood/projects/${id}`,
  findLivelihoodEvaluations: (year: number) => `/livelihood/evaluations?year=${year}`,
};

/** A progress report's photo (getLivelihoodProgressPhoto), for an <img>. */
export const livelihoodProgressPhotoUrl = (projectId: string, fileId: string) =>
  `${API_BASE}/public/livelihood/projects/${projectId}/photos/${fileId}`;

// Ideas
export const submitLivelihoodIdea = (
  body: {
    year: number;
    title: string;
    content: string;
    streetId: string | null;
    estimatedCost: number | null;
    submitterName: string;
  },
  idempotencyKey: string,
) => api.post('/public/livelihood/ideas', body, { idempotencyKey });
export const supportLivelihoodIdea = (id: string) =>
  api.post<{ supportCount: number }>(`/public/livelihood/ideas/${id}/support`);

// Candidates
export const addDeliberation = (candidateId: string, body: { delegation: string; content: string }) =>
  api.post(`/livelihood/candidates/${candidateId}/deliberations`, body);

// Votes (the created vote's page loads the vote itself)
export const createProjectVote = (body: object, idempotencyKey: string) =>
  api.post<{ id: string }>('/project-votes', body, { idempotencyKey });

// Projects: implementation, evaluation, survey
export const planLivelihoodProject = (id: string, body: object) =>
  api.post(`/livelihood/projects/${id}/plan`, body);
export const reportLivelihoodProgress = (id: string, body: object) =>
  api.post(`/livelihood/projects/${id}/progress`, body);
export const adjustLivelihoodProject = (id: string, body: object) =>
  api.post(`/livelihood/projects/${id}/adjust`, body);
export const acceptLivelihoodProject = (id: string) => api.post(`/livelihood/projects/${id}/accept`);
export const recordLivelihoodInspection = (id: string, body: object) =>
  api.post(`/livelihood/projects/${id}/inspections`, body);
export const evaluateLivelihoodProject = (id: string, body: { scores: Record<string, number> }) =>
  api.post(`/livelihood/projects/${id}/evaluations`, body);
export const answerLivelihoodSurvey = (id: string, body: { satisfaction: string }) =>
  api.post(`/public/livelihood/projects/${id}/survey`, body);

// Other modules the pages need
/** Uploads a progress photo (uploadFile). */
export const uploadFile = (form: FormData) =>
  api.upload<{ id: string; originalName: string }>('/files', form);
export const findPublicDeputies = (q: string) =>
  api.get<{ items: { id: string; name: string }[] }>(`/public/deputies${qs({ q, limit: 20 })}`);
