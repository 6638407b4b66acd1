// The public home page of the congress: find your deputies, liaison places and their hours, and the
// public entries other features offer (their `homeCards`); and each working role's work home (我的工作台),
// where every module's to-dos for the signed-in user meet (GET /workbench).
import { lazy } from 'react';
import { DesktopOutlined } from '@ant-design/icons';
import type { Feature } from '../types';
import { RequireAuth, WORKING_ROLES } from '../../auth';
import { homeEn, homeZh } from './i18n';

const HomePage = lazy(() => import('./HomePage'));
const WorkbenchPage = lazy(() => import('./WorkbenchPage'));

export const homeFeature: Feature = {
  id: 'home',
  i18n: { zh: homeZh, en: homeEn },
  routes: [
    { path: '/', element: <HomePage /> },
    {
      path: '/workbench',
      element: (
        <RequireAuth>
          <WorkbenchPage />
        </RequireAuth>
      ),
    },
  ],
  nav: [
    {
      key: 'workbench',
      path: '/workbench',
      labelKey: 'workbench.nav',
      roles: [...WORKING_ROLES],
      icon: <DesktopOutlined />,
      order: 1,
    },
  ],
};
