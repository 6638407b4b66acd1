// The admin feature's endpoints (accounts, the audit trail, the working-day calendar): the one place of this
// feature that knows their URLs. Names are the server's operationIds.
import type { CalendarDay, CalendarDayKind } from '@minyi/domain/calendar';
import { api, download, qs, type Abilities } from '../../api';
import type { Role } from '../types';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  status: 'active' | 'disabled';
  roles: Role[];
  lockedUntil: string | null;
  totpEnabled: boolean;
  deputyId: string | null;
  handlingUnitId: string | null;
  email?: string | null;
  createdAt: string;
  abilities?: Abilities;
}

export interface VerifyResult {
  checked: number;
  sealed: number;
  problems: { congressId: string; id?: string; chainSeq?: number; problem: string }[];
}

/** What pages read through useResource / usePagedList. */
export const paths = {
  /** Paged: `usePagedList(paths.findAccounts(), { q, role })`. */
  findAccounts: () => '/admin/accounts',
  /** Paged: `usePagedList(paths.findAuditEvents(), filters)`. */
  findAuditEvents: () => '/audit-events',
  findCalendarDays: (year: number) => `/calendar?year=${year}`,
};

export const createAccount = (body: Record<string, string | undefined>, idempotencyKey: string) =>
  api.post<{ account: Account; initialPassword?: string }>('/admin/accounts', body, { idempotencyKey });
export const getAccount = (id: string) => api.get<Account>(`/admin/accounts/${id}`);
export const disableAccount = (id: string) => api.post<Account>(`/admin/accounts/${id}/disable`);
export const enableAccount = (id: string) => api.post<Account>(`/admin/accounts/${id}/enable`);
export const unlockAccount = (id: string) => api.post<Account>(`/admin/accounts/${id}/unlock`);
export const resetAccountPassword = (id: string) =>
  api.post<{ temporaryPassword: string }>(`/admin/accounts/${id}/reset-password`);
export const grantRole = (id: string, role: Role | undefined) =>
  api.post<Account>(`/admin/accounts/${id}/roles`, { role });
export const revokeRole = (id: string, role: Role) =>
  api.delete<Account>(`/admin/accounts/${id}/roles/${role}`);

/** Downloads the filtered audit trail as a spreadsheet named `filename`. */
export const exportAuditEvents = (query: Record<string, string | undefined>, filename: string) =>
  download(`/audit-events/export.xlsx${qs(query)}`, filename);
export const verifyAuditTrail = () => api.post<VerifyResult>('/audit-events/verify');

export const withdrawCalendarNotice = (year: number) => api.delete(`/calendar/notices/${year}`);
export const removeCalendarDay = (date: string) => api.delete(`/calendar/days/${date}`);
export const setCalendarDay = (date: string, body: { kind: CalendarDayKind; name: string }) =>
  api.put(`/calendar/days/${date}`, body);
export const importCalendar = (body: { days: CalendarDay[]; reference?: string }) =>
  api.post<{ imported: number; years: number[] }>('/calendar/import', body);
