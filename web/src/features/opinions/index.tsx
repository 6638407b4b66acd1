// 群众意见 and 接待: the public phone form and tracking page, the triage and unit workbench, receptions,
// public statistics and the period report.
import { lazy, type ReactNode } from 'react';
import {
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  SettingOutlined,
  StopOutlined,
  FileSearchOutlined,
  FormOutlined,
  InboxOutlined,
  ProfileOutlined,
} from '@ant-design/icons';
import type { Feature, Role } from '../types';
import { RequireAuth } from '../../auth';
import { opinionsEn, opinionsZh } from './i18n';

const SubmitPage = lazy(() => import('./SubmitPage'));
const TrackPage = lazy(() => import('./TrackPage'));
const QueuePage = lazy(() => import('./QueuePage'));
const OpinionPage = lazy(() => import('./OpinionPage'));
const StatisticsPage = lazy(() => import('./StatisticsPage'));
const ReportPage = lazy(() => import('./ReportPage'));
const ReceptionsPage = lazy(() => import('./ReceptionsPage'));
const ReceptionPage = lazy(() => import('./ReceptionPage'));
const RoutesPage = lazy(() => import('./RoutesPage'));
const BlocksPage = lazy(() => import('./BlocksPage'));
const SettingsPage = lazy(() => import('./SettingsPage'));

const workers: Role[] = ['congressStaff', 'liaisonStaff', 'deputy', 'handlingUnitStaff', 'leader'];
const reporters: Role[] = ['congressStaff', 'liaisonStaff', 'leader'];
const receptionReaders: Role[] = ['congressStaff', 'liaisonStaff', 'leader', 'deputy'];
const staff: Role[] = ['congressStaff', 'liaisonStaff'];
const guard = (roles: Role[], page: ReactNode) => <RequireAuth roles={roles}>{page}</RequireAuth>;
const item = (
  <RequireAuth roles={workers}>
    <OpinionPage />
  </RequireAuth>
);

export const opinionsFeature: Feature = {
  id: 'opinions',
  i18n: { zh: opinionsZh, en: opinionsEn },
  navGroup: { labelKey: 'nav.group', icon: <InboxOutlined /> },
  routes: [
    { path: '/opinions/new', element: <SubmitPage /> },
    { path: '/opinions/track', element: <TrackPage /> },
    { path: '/opinions/statistics', element: <StatisticsPage /> },
    { path: '/receptions', element: <ReceptionsPage /> },
    { path: '/receptions/:id', element: guard(receptionReaders, <ReceptionPage />) },
    { path: '/opinions/routes', element: guard(reporters, <RoutesPage />) },
    { path: '/opinions/blocks', element: guard(staff, <BlocksPage />) },
    { path: '/opinions/settings', element: guard(['congressStaff'], <SettingsPage />) },
    {
      path: '/opinions/workbench',
      element: (
        <RequireAuth roles={workers}>
          <QueuePage />
        </RequireAuth>
      ),
    },
    { path: '/opinions/item/:id', element: item },
    { path: '/opinions/unit/:id', element: item },
    { path: '/opinions/triage/:id', element: item },
    {
      path: '/opinions/report',
      element: (
        <RequireAuth roles={reporters}>
          <ReportPage />
        </RequireAuth>
      ),
    },
  ],
  nav: [
    {
      key: 'workbench',
      path: '/opinions/workbench',
      labelKey: 'nav.workbench',
      roles: workers,
      icon: <InboxOutlined />,
    },
    { key: 'submit', path: '/opinions/new', labelKey: 'nav.submit', roles: 'public', icon: <FormOutlined /> },
    {
      key: 'track',
      path: '/opinions/track',
      labelKey: 'nav.track',
      roles: 'public',
      icon: <FileSearchOutlined />,
    },
    {
      key: 'receptions',
      path: '/receptions',
      labelKey: 'nav.receptions',
      roles: 'public',
      icon: <CalendarOutlined />,
    },
    {
      key: 'statistics',
      path: '/opinions/statistics',
      labelKey: 'nav.statistics',
      roles: 'public',
      icon: <BarChartOutlined />,
    },
    {
      key: 'report',
      path: '/opinions/report',
      labelKey: 'nav.report',
      roles: reporters,
      icon: <ProfileOutlined />,
    },
    {
      key: 'routes',
      path: '/opinions/routes',
      labelKey: 'nav.routes',
      roles: staff,
      icon: <ApartmentOutlined />,
    },
    { key: 'blocks', path: '/opinions/blocks', labelKey: 'nav.blocks', roles: staff, icon: <StopOutlined /> },
    {
      key: 'settings',
      path: '/opinions/settings',
      labelKey: 'nav.settings',
      roles: ['congressStaff'],
      icon: <SettingOutlined />,
    },
  ],
  homeCards: [
    {
      key: 'submit',
      path: '/opinions/new',
      titleKey: 'home.submitTitle',
      descriptionKey: 'home.submitText',
      icon: <FormOutlined />,
      order: 1,
    },
    {
      key: 'track',
      path: '/opinions/track',
      titleKey: 'home.trackTitle',
      descriptionKey: 'home.trackText',
      icon: <FileSearchOutlined />,
      order: 2,
    },
    {
      key: 'receptions',
      path: '/receptions',
      titleKey: 'home.receptionsTitle',
      descriptionKey: 'home.receptionsText',
      icon: <CalendarOutlined />,
      order: 3,
    },
  ],
};
