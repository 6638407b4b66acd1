// 换届选举: the elections list, and an election's page (timetable, districts and candidates, returns entered by
// two tellers who must agree, results and the summary, the voter register's import). Staff set up and enter;
// leaders read.
import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { Feature, Role } from '../types';
import { RequireAuth } from '../../auth';
import { electionsEn, electionsZh } from './i18n';

const ElectionsPage = lazy(() => import('./ElectionsPage'));
const ElectionPage = lazy(() => import('./ElectionPage'));

const readers: Role[] = ['congressStaff', 'leader'];

export const electionsFeature: Feature = {
  id: 'elections',
  i18n: { zh: electionsZh, en: electionsEn },
  routes: [
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
