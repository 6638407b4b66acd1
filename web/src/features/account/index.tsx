// The signed-in user's own pages: the inbox (notifications and preferences) and my account
// (password, second factor, personal API tokens).
import { lazy } from 'react';
import { BellOutlined, UserOutlined } from '@ant-design/icons';
import type { Feature, Role } from '../types';
import { RequireAuth } from '../../auth';
import { accountEn, accountZh } from './i18n';

const InboxPage = lazy(() => import('./InboxPage'));
const AccountPage = lazy(() => import('./AccountPage'));

const everyone: Role[] = [
  'citizen',
  'deputy',
  'liaisonStaff',
  'handlingUnitStaff',
  'congressStaff',
  'leader',
  'systemAdmin',
  'securityAdmin',
  'auditor',
];

export const accountFeature: Feature = {
  id: 'account',
  i18n: { zh: accountZh, en: accountEn },
  routes: [
    {
      path: '/inbox',
      element: (
        <RequireAuth>
          <InboxPage />
        </RequireAuth>
      ),
    },
    {
      path: '/account',
      element: (
        <RequireAuth>
          <AccountPage />
        </RequireAuth>
      ),
    },
  ],
  nav: [
    {
      key: 'inbox',
      path: '/inbox',
      labelKey: 'nav.inbox',
      roles: everyone,
      icon: <BellOutlined />,
      order: 900,
    },
    {
      key: 'account',
      path: '/account',
      labelKey: 'nav.account',
      roles: everyone,
      icon: <UserOutlined />,
      order: 901,
    },
  ],
};
