// The session's endpoints (/auth/*, the unread badge), used by auth.tsx, web/src/pages/* and the
// account feature: the one place of the shell that knows these URLs. Names are the server's operationIds.
import { api, qs } from '../api';
import type { User } from '../auth';

/** What sign-in and /auth/me answer. */
export interface AuthAnswer {
  user: User;
  csrfToken?: string;
}

export const getMe = () => api.get<AuthAnswer>('/auth/me');

export const signIn = (body: { username: string; password: string; totpCode?: string }) =>
  api.post<AuthAnswer>('/auth/login', body);

export const signOut = () => api.post('/auth/logout');

export const changeMyPassword = (body: { currentPassword: string; newPassword: string }) =>
  api.post('/auth/password', body);

export const startTotpEnrollment = () => api.post<{ secret: string; otpauthUri: string }>('/auth/totp/setup');

export const confirmTotpEnrollment = (body: { code: string }) => api.post('/auth/totp/enable', body);

/** The header badge's count: one unread notification is enough to read `unreadCount`. */
export const countUnreadNotifications = () =>
  api.get<{ unreadCount?: number }>('/notifications?unread=true&limit=1');

/** Which years the working-day calendar has, and which are provisional (the deadline marks). */
export const listCalendarYears = (from: number, to: number) =>
  api.get<{ years: { year: number; provisional: boolean }[] }>(`/calendar/years${qs({ from, to })}`);
