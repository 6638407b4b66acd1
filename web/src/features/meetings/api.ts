// The meetings feature's endpoints (meetings and their agendas, attendance and votes, the office-holders
// register and appointments, the oversight reports): the one place of this feature that knows their URLs.
// Names are the server's operationIds; pages read through `paths` with useResource / usePagedList and write
// through the functions.
import { api, download } from '../../api';
import type { TellerEndpoints } from '../../shell/TellerPanel';

export const paths = {
  /** Paged: `usePagedList(paths.findMeetings(), { body })`. */
  findMeetings: () => '/meetings',
  getMeeting: (id: string | undefined) => `/meetings/${id}`,
  /** The caller's votes (not paged). */
  findMeetingVotes: () => '/meeting-votes',
  getMeetingVote: (id: string | undefined) => `/meeting-votes/${id}`,
  getMeetingVoteCeremony: (id: string | undefined) => `/meeting-votes/${id}/ceremony`,
  /** Public once the tellers have decrypted the totals. */
  getMeetingVoteBulletin: (id: string | undefined) => `/meeting-votes/${id}/bulletin`,
  findMeetingTellerCandidates: (meetingId: string | undefined) => `/meetings/${meetingId}/teller-candidates`,
  /** Paged: `usePagedList(paths.findOfficeHolders(), { post, date })`. */
  findOfficeHolders: () => '/office-holders',
  /** Paged: `usePagedList(paths.findAppointments(), { status })`. */
  findAppointments: () => '/appointments',
  getAppointment: (id: string | undefined) => `/appointments/${id}`,
  /** Paged: `usePagedList(paths.findOversightReports(), { status })`. */
  findOversightReports: () => '/oversight-reports',
  getOversightReport: (id: string | undefined) => `/oversight-reports/${id}`,
  /** Not paged: `usePagedList(paths.findInquiries(), {})`. */
  findInquiries: () => '/inquiries',
  getInquiry: (id: string | undefined) => `/inquiries/${id}`,
  /** The rules register, every rule published or not (staff, leaders; not paged). */
  findProceduralRules: () => '/procedural-rules',
  getProceduralRule: (id: string | undefined) => `/procedural-rules/${id}`,
  /** The published rules of procedure and working rules (public; not paged). */
  findPublicProceduralRules: () => '/public/procedural-rules',
  getPublicProceduralRule: (id: string | undefined) => `/public/procedural-rules/${id}`,
  /** Motions voted at closed meetings with their result (public; not paged). */
  findPublicResolutions: () => '/public/meeting-resolutions',
  /** Who holds which post today (public; paged): post, name, organ, since. */
  findPublicOfficeHolders: () => '/public/office-holders',
};

// Meetings
export const createMeeting = (body: object, idempotencyKey: string) =>
  api.post<{ id: string }>('/meetings', body, { idempotencyKey });
export const closeMeeting = (meetingId: string) => api.post(`/meetings/${meetingId}/close`);
/** Downloads the meeting's minutes (.docx). */
export const renderMeetingMinutes = (meetingId: string, filename: string) =>
  download(`/meetings/${meetingId}/minutes.docx`, filename);
export const recordMeetingAttendance = (meetingId: string, body: unknown) =>
  api.post(`/meetings/${meetingId}/attendance`, body);
export const addAgendaItem = (meetingId: string, body: object, idempotencyKey: string) =>
  api.post<{ id: string }>(`/meetings/${meetingId}/agenda-items`, body, { idempotencyKey });
export const addAgendaDocument = (
  meetingId: string,
  agendaItemId: string | null,
  body: object,
  idempotencyKey: string,
) =>
  api.post<{ id: string }>(`/meetings/${meetingId}/agenda-items/${agendaItemId}/documents`, body, {
    idempotencyKey,
  });
/** A secret item's vote names its three tellers (account ids). */
export const openMeetingVote = (
  meetingId: string,
  agendaItemId: string,
  body?: { tellerAccountIds: string[] },
) => api.post<{ voteId: string }>(`/meetings/${meetingId}/agenda-items/${agendaItemId}/vote`, body);

// Votes
/** A named choice, or a secret vote's ballot already encrypted on this device (ciphertexts and proofs only). */
export const castMeetingBallot = (voteId: string, body: { choice: string | null } | object) =>
  api.post<{ receipt?: string }>(`/meeting-votes/${voteId}/ballots`, body);
/** The public bulletin of a secret vote (JSON: every encrypted ballot by receipt, the proofs, the totals). */
export const meetingVoteBulletinUrl = (voteId: string) => `/api/v1/meeting-votes/${voteId}/bulletin`;
/** Opens a secret vote's ballot once its tellers' key ceremony is done. */
export const openMeetingVoteBallot = (voteId: string) => api.post(`/meeting-votes/${voteId}/open`);
export const postMeetingVoteCeremonyKey = (voteId: string, publicKey: string) =>
  api.post(`/meeting-votes/${voteId}/ceremony-keys`, { publicKey });
export const postMeetingVoteDeal = (voteId: string, deal: object) =>
  api.post(`/meeting-votes/${voteId}/deals`, { deal });
export const postMeetingVotePartialDecryption = (voteId: string, partialDecryption: object) =>
  api.post(`/meeting-votes/${voteId}/partial-decryptions`, { partialDecryption });
/** A teller's panel of a meeting's secret vote (shell/TellerPanel.tsx): its ceremony and the three writes. */
export const meetingVoteTellerEndpoints = (voteId: string): TellerEndpoints => ({
  ceremonyPath: paths.getMeetingVoteCeremony(voteId),
  postCeremonyKey: postMeetingVoteCeremonyKey,
  postDeal: postMeetingVoteDeal,
  postPartialDecryption: postMeetingVotePartialDecryption,
  keyPrefix: 'minyi.meetingCeremonyKey',
});
export const closeMeetingVote = (voteId: string) => api.post(`/meeting-votes/${voteId}/close`);
export const enterMeetingVoteRoomTotals = (
  voteId: string | null,
  body: { yes: number; no: number; abstain: number },
) => api.post<{ status: string; agreed: boolean }>(`/meeting-votes/${voteId}/room-totals`, body);

// Appointments
export const fileAppointment = (body: object, idempotencyKey: string) =>
  api.post<{ id: string }>('/appointments', body, { idempotencyKey });
export const putAppointmentOnAgenda = (id: string, body: { meetingId: string }) =>
  api.post<{ agendaItemId: string }>(`/appointments/${id}/agenda`, body);
export const withdrawAppointment = (id: string) => api.post(`/appointments/${id}/withdraw`);
export const recordAppointmentOath = (id: string, body: { on: string; witness: string }) =>
  api.post(`/appointments/${id}/oath`, body);
/** The nominee's statement (供职发言) before the vote. */
export const recordNomineeStatement = (id: string, body: { summary: string; on: string }) =>
  api.post(`/appointments/${id}/statement`, body);
/** Downloads the appointment letter (.docx). */
export const renderAppointmentLetter = (id: string, filename: string) =>
  download(`/appointments/${id}/letter.docx`, filename);

// Oversight reports
export const openOversightReport = (body: { agendaItemId: string; organ: string }, idempotencyKey: string) =>
  api.post<{ id: string }>('/oversight-reports', body, { idempotencyKey });
const oversightStep = (action: string) => (id: string, body: Record<string, string>) =>
  api.post(`/oversight-reports/${id}/${action}`, body);
export const sendOversightOpinions = oversightStep('opinions');
export const recordOversightHandlingReport = oversightStep('handling-report');
export const putOversightSatisfactionVote = oversightStep('satisfaction-vote');
export const openOversightFollowUp = oversightStep('follow-up');

// Inquiries (质询案)
export const fileInquiry = (body: object, idempotencyKey: string) =>
  api.post<{ id: string }>('/inquiries', body, { idempotencyKey });
export const decideInquiry = (id: string, body: object) => api.post(`/inquiries/${id}/decision`, body);
export const answerInquiry = (id: string, body: object) => api.post(`/inquiries/${id}/answers`, body);
export const rateInquiryAnswer = (id: string, body: { deputyId?: string; satisfied: boolean }) =>
  api.post(`/inquiries/${id}/satisfaction`, body);

// The rules register (议事规则与工作制度)
export const createProceduralRule = (body: object, idempotencyKey: string) =>
  api.post<{ id: string }>('/procedural-rules', body, { idempotencyKey });
/** A new version adopted after the current one. */
export const reviseProceduralRule = (id: string, body: object) =>
  api.post<{ version: number }>(`/procedural-rules/${id}/versions`, body);
/** Publish the rule or withdraw it from the public. */
export const publishProceduralRule = (id: string, published: boolean) =>
  api.post<{ published: boolean }>(`/procedural-rules/${id}/publish`, { published });
