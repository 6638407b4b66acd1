// The livelihood feature's endpoints (ideas, candidates and their deliberation, creating a vote, projects'
// implementation, evaluations and surveys): the one place of this feature that knows their URLs. Names are
// the server's operationIds; pages read through `paths` with useResource / usePagedList and write through the
// functions. The encrypted-ballot code (encryption, the tellers' ceremony) stays in the pages: only its HTTP
// calls are here, and they send exactly what the pages built.
import { API_BASE, api, download, qs } from '../../api';
import type { TellerEndpoints } from '../../shell/TellerPanel';

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
  /** Paged: `usePagedList(paths.findProjectVotes())`. */
  findProjectVotes: () => '/project-votes',
  getProjectVote: (voteId: string | undefined) => `/project-votes/${voteId}`,
  /** Paged: the frozen roll with attendance. */
  getProjectVoteRoll: (voteId: string) => `/project-votes/${voteId}/roll`,
  getProjectVoteResults: (voteId: string | undefined) => `/project-votes/${voteId}/results`,
  findProjectVoteTellerCandidates: (voteId: string) => `/project-votes/${voteId}/teller-candidates`,
  getProjectVoteCeremony: (voteId: string) => `/project-votes/${voteId}/ceremony`,
  getProjectVoteBulletin: (voteId: string | undefined) => `/project-votes/${voteId}/bulletin`,
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

// A vote's steps: roll call, sign-in, opening, ballots, paper counts, closing, runoff and shortfall vote
export const callProjectVoteRoll = (voteId: string) => api.post(`/project-votes/${voteId}/roll`);
/** The caller signs in, or staff sign in `memberId` at the desk. */
export const signInProjectVote = (voteId: string, memberId?: string) =>
  memberId === undefined
    ? api.post(`/project-votes/${voteId}/attendance`)
    : api.post(`/project-votes/${voteId}/attendance`, { memberId });
export const openProjectVote = (voteId: string) => api.post(`/project-votes/${voteId}/open`);
/** Sends a ballot already encrypted on this device (ciphertexts and proofs only). */
export const castBallot = (voteId: string, ballot: object) =>
  api.post<{ receipt: string }>(`/project-votes/${voteId}/ballots`, ballot);
export const recordPaperCount = (voteId: string, body: object) =>
  api.post<{ accepted: boolean }>(`/project-votes/${voteId}/paper-counts`, body);
export const discardPaperCount = (voteId: string) => api.delete(`/project-votes/${voteId}/paper-counts`);
export const closeProjectVote = (voteId: string) =>
  api.post<{ status: string }>(`/project-votes/${voteId}/close`);
export const createProjectVoteRunoff = (voteId: string) =>
  api.post<{ id: string }>(`/project-votes/${voteId}/runoff`);
export const createShortfallVote = (voteId: string) =>
  api.post<{ id: string }>(`/project-votes/${voteId}/shortfall-vote`);
export const exportProjectVoteResultsXlsx = (voteId: string, filename: string) =>
  download(`/project-votes/${voteId}/results.xlsx`, filename);
export const exportProjectVoteResultsDocx = (voteId: string, filename: string) =>
  download(`/project-votes/${voteId}/results.docx`, filename);

// Tellers and their key ceremony
export const appointProjectVoteTellers = (voteId: string, accountIds: string[]) =>
  api.put(`/project-votes/${voteId}/tellers`, { accountIds });
export const postProjectVoteCeremonyKey = (voteId: string, publicKey: string) =>
  api.post(`/project-votes/${voteId}/ceremony-keys`, { publicKey });
export const postProjectVoteDeal = (voteId: string, deal: unknown) =>
  api.post(`/project-votes/${voteId}/deals`, { deal });
export const postProjectVotePartialDecryption = (voteId: string, partialDecryption: unknown) =>
  api.post(`/project-votes/${voteId}/partial-decryptions`, { partialDecryption });
/** A teller's panel of a livelihood vote (shell/TellerPanel.tsx): its ceremony and the three writes. */
export const projectVoteTellerEndpoints = (voteId: string): TellerEndpoints => ({
  ceremonyPath: paths.getProjectVoteCeremony(voteId),
  postCeremonyKey: postProjectVoteCeremonyKey,
  postDeal: postProjectVoteDeal,
  postPartialDecryption: postProjectVotePartialDecryption,
  keyPrefix: 'minyi.ceremonyKey',
});

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
