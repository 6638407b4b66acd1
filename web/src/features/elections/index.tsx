// 换届选举: the elections list, and an election's page (timetable, districts and candidates, returns entered by
// two tellers who must agree, results and the summary, the voter register's import), the register and its
// complaints, the printed voter list and voter card, and polling day's turnout. Staff set up and enter;
// leaders read the election and its turnout.
import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { Feature, Role } from '../types';
import { RequireAuth } from '../../auth';
import { electionsEn, electionsZh } from './i18n';

const ElectionsPage = lazy(() => import('./ElectionsPage'));
const ElectionPage = lazy(() => import('./ElectionPage'));
const RegisterPage = lazy(() => import('./RegisterPage'));
const ComplaintsPage = lazy(() => import('./ComplaintsPage'));
const TurnoutPage = lazy(() => import('./TurnoutPage'));
const RegistrationCheckPage = lazy(() => import('./RegistrationCheckPage'));
const VoterListPrintPage = lazy(() =>
  import('./PrintPages').then((m) => ({ default: m.VoterListPrintPage })),
);
const VoterCardPrintPage = lazy(() =>
  import('./PrintPages').then((m) => ({ default: m.VoterCardPrintPage })),
);

const staff: Role[] = ['congressStaff'];

const readers: Role[] = ['congressStaff', 'leader'];

export const electionsFeature: Feature = {
  id: 'elections',
  i18n: { zh: electionsZh, en: electionsEn },
  routes: [
    // Public: a citizen checks their own registration (no account).
    { path: '/elections/registration-check', element: <RegistrationCheckPage /> },
    {
      path: '/elections',
      element: (
        <RequireAuth roles={readers}>
          <ElectionsPage />
        </RequireAuth>
      ),
    },
    {
      path: '/elections/:id',
      element: (
        <RequireAuth roles={readers}>
          <ElectionPage />
        </RequireAuth>
      ),
    },
    {
      path: '/elections/:id/register',
      element: (
        <RequireAuth roles={staff}>
          <RegisterPage />
        </RequireAuth>
      ),
    },
    {
      path: '/elections/:id/complaints',
      element: (
        <RequireAuth roles={staff}>
          <ComplaintsPage />
        </RequireAuth>
      ),
    },
    {
      path: '/elections/:id/turnout',
      element: (
        <RequireAuth roles={readers}>
          <TurnoutPage />
        </RequireAuth>
      ),
    },
    {
      path: '/elections/:id/districts/:districtId/voter-list',
      element: (
        <RequireAuth roles={staff}>
          <VoterListPrintPage />
        </RequireAuth>
      ),
    },
    {
      path: '/elections/:id/voters/:voterId/card',
      element: (
        <RequireAuth roles={staff}>
          <VoterCardPrintPage />
        </RequireAuth>
      ),
    },
  ],
  nav: [
    {
      key: 'elections',
      path: '/elections',
      labelKey: 'nav.elections',
      roles: readers,
      icon: <AuditOutlined />,
    },
  ],
};
