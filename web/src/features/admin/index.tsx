// The three separated administrators' screens (三员分立): accounts (systemAdmin), roles (securityAdmin)
// and the audit trail (auditor); the working-day calendar, kept by congress staff and the system administrator.
import { lazy } from 'react';
import { AuditOutlined, CalendarOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { Feature } from '../types';
import { RequireAuth } from '../../auth';
import { adminEn, adminZh } from './i18n';

const AccountsPage = lazy(() => import('./AccountsPage'));
const AuditPage = lazy(() => import('./AuditPage'));
const CalendarPage = lazy(() => import('./CalendarPage'));

export const adminFeature: Feature = {
  id: 'admin',
  i18n: { zh: adminZh, en: adminEn },
  navGroup: { labelKey: 'nav.group', icon: <SafetyCertificateOutlined /> },
  routes: [
    {
      path: '/admin/accounts',
      element: (
        <RequireAuth roles={['systemAdmin', 'securityAdmin']}>
          <AccountsPage />
        </RequireAuth>
      ),
    },
    {
      path: '/admin/audit',
      element: (
        <RequireAuth roles={['auditor']}>
          <AuditPage />
        </RequireAuth>
      ),
    },
    {
      // Everyone who works to deadlines may look; the keepers change it (the server decides).
      path: '/admin/calendar',
      element: (
        <RequireAuth roles={['congressStaff', 'leader', 'liaisonStaff', 'handlingUnitStaff', 'systemAdmin']}>
          <CalendarPage />
        </RequireAuth>
      ),
    },
  ],
  nav: [
    {
      key: 'accounts',
      path: '/admin/accounts',
      labelKey: 'nav.accounts',
      roles: ['systemAdmin', 'securityAdmin'],
      icon: <TeamOutlined />,
    },
    {
      key: 'audit',
      path: '/admin/audit',
      labelKey: 'nav.audit',
      roles: ['auditor'],
      icon: <AuditOutlined />,
    },
    {
      key: 'calendar',
      path: '/admin/calendar',
      labelKey: 'nav.calendar',
      roles: ['congressStaff', 'systemAdmin'],
      icon: <CalendarOutlined />,
    },
  ],
};
