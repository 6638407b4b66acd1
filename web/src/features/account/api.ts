// The account feature's endpoints (the signed-in person's own account, API tokens and inbox): the one
// place of this feature that knows their URLs. Names are the server's operationIds.
import { api, type LocalizedText } from '../../api';

export { changeMyPassword } from '../../shell/session-api';

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export interface Notification {
  id: string;
  kind: string;
  title: LocalizedText | string;
  body: LocalizedText | string;
  link?: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPreferences {
  email: boolean;
  sms: boolean;
  dailyDigest: boolean;
}

/** What pages read through useResource / usePagedList. */
export const paths = {
  myApiTokens: () => '/auth/tokens',
  notificationPreferences: () => '/notifications/preferences',
  /** Paged: `usePagedList(paths.myNotifications(), { unread })`. */
  myNotifications: () => '/notifications',
};

export const createApiToken = (body: { name: string; expiresInDays: number }, idempotencyKey: string) =>
  api.post<{ name: string; token: string }>('/auth/tokens', body, { idempotencyKey });

export const revokeApiToken = (id: string) => api.delete(`/auth/tokens/${id}`);

export const setNotificationPreferences = (body: NotificationPreferences) =>
  api.put('/notifications/preferences', body);

export const markNotificationRead = (id: string) => api.post(`/notifications/${id}/read`);

export const markAllNotificationsRead = () => api.post('/notifications/read-all');
