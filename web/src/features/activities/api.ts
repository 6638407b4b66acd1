// The activities feature's endpoints (deputies' activities with their invitations, sign-in sheet and record,
// the campaigns and their reports, a deputy's performance record) and the registry reads its pickers use: the
// one place of this feature that knows their URLs. Names are the server's operationIds; pages read through
// `paths` with useResource / usePagedList and write through the functions.
import { api, download, qs } from '../../api';
import type { FirmImportReport, FirmIssueRating, Question } from './types';

export const paths = {
  /** Paged: `usePagedList(paths.findActivities(), { kind, campaignId })`. */
  findActivities: () => '/activities',
  getActivity: (id: string | undefined) => `/activities/${id}`,
  findCampaigns: () => '/campaigns',
  getCampaignReport: (id: string | undefined) => `/campaigns/${id}/report`,
  getDeputyPerformanceRecord: (deputyId: string | undefined, year: number) =>
    `/deputies/${deputyId}/record${qs({ year })}`,
  getDeputyTermRecord: (deputyId: string | undefined) => `/deputies/${deputyId}/term-record`,
  findDeputyPledges: (deputyId: string | undefined, year: number) =>
    `/deputies/${deputyId}/pledges${qs({ year })}`,
  getPointsRanking: (year: number) => `/deputy-rankings${qs({ year })}`,
  getCampaign: (id: string | undefined) => `/campaigns/${id}`,
  findCampaignFirms: (id: string | undefined) => `/campaigns/${id}/firms`,
  /** Paged: the problems raised in the campaign's visits (a deputy: their own). */
  findFirmIssues: (id: string | undefined) => `/campaigns/${id}/issues`,
  /** Up to 200 liaison places, for the picker. */
  findLiaisonPlaces: () => `/liaison-places${qs({ limit: 200 })}`,
  /** Up to 200 handling units, for the pickers. */
  findHandlingUnits: () => '/handling-units?limit=200',
};

/** The deputy picker's search (public list: names only, first 20 matches). */
export const findPublicDeputies = (q: string) =>
  api.get<{ items: { id: string; name: string; organization?: string }[] }>(
    `/public/deputies${qs({ q, limit: 20 })}`,
  );

// Activities
export const createActivity = (body: object, idempotencyKey: string) =>
  api.post<{ id: string }>('/activities', body, { idempotencyKey });
export const inviteActivityDeputies = (id: string, deputyIds: string[]) =>
  api.post(`/activities/${id}/invitations`, { deputyIds });
export const answerActivityInvitation = (
  id: string,
  body: { answer: 'accepted' } | { answer: 'onLeave'; reason: string },
) => api.post(`/activities/${id}/rsvp`, body);
export const recordActivityAttendance = (id: string, deputyIds: string[]) =>
  api.post(`/activities/${id}/attendance`, { deputyIds });
/** Checks the caller in; `token` is the QR code's, when the page was opened from it. */
export const checkInActivity = (id: string, token: string | undefined) =>
  api.post(`/activities/${id}/check-in`, token ? { token } : {});
export const recordActivity = (
  id: string,
  body: { summary: string; findings: { content: string; unitId: string }[] },
  idempotencyKey: string,
) => api.post(`/activities/${id}/record`, body, { idempotencyKey });

// Campaigns
export const createCampaign = (body: object, idempotencyKey: string) =>
  api.post<{ id: string }>('/campaigns', body, { idempotencyKey });

// Enterprise visits
export const setCampaignQuestionnaire = (id: string, questions: Question[]) =>
  api.put(`/campaigns/${id}/questionnaire`, { questions });
export const importCampaignFirms = (id: string, form: FormData) =>
  api.upload<FirmImportReport>(`/campaigns/${id}/firms:import`, form);
export const assignCampaignFirms = (
  id: string,
  items: { firmId: string; deputyId: string; plannedOn?: string }[],
) => api.post(`/campaigns/${id}/assignments`, { items });
export const recordFirmVisit = (id: string, body: object, idempotencyKey: string) =>
  api.post<{ id: string; issues: { id: string; opinionId: string }[] }>(`/campaigns/${id}/visits`, body, {
    idempotencyKey,
  });
/** The firm's rating of the unit's answer to a problem it raised (dissatisfied reopens it once). */
export const rateFirmIssue = (issueId: string, body: { rating: FirmIssueRating; comment?: string }) =>
  api.post<{ id: string; status: string; rating: FirmIssueRating }>(`/firm-issues/${issueId}/rating`, body);
export const exportCampaignResponses = (id: string) =>
  download(`/campaigns/${id}/responses.xlsx`, 'responses.xlsx');
export const exportCampaignReport = (id: string) =>
  download(`/campaigns/${id}/report.docx`, 'campaign-report.docx');

// Pledges and the record
export const createPledges = (body: { year: number; items: string[] }, idempotencyKey: string) =>
  api.post<{ ids: string[] }>('/pledges', body, { idempotencyKey });
export const recordPledgeProgress = (
  id: string,
  body: { note: string; status: 'inProgress' | 'fulfilled' },
) => api.post(`/pledges/${id}/progress`, body);
export const exportDeputyPerformanceRecord = (deputyId: string, year: number) =>
  download(`/deputies/${deputyId}/record.docx${qs({ year })}`, `record-${year}.docx`);
export const exportDeputyRecords = (year: number) =>
  download(`/deputy-records.xlsx${qs({ year })}`, `deputy-records-${year}.xlsx`);
