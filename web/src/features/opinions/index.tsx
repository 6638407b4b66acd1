// 群众意见 and 接待: the public phone form and tracking page, the triage and unit workbench, receptions,
// public statistics and the period report.
import { lazy } from 'react';
import {
  BarChartOutlined,
  CalendarOutlined,
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

const workers: Role[] = ['congressStaff', 'liaisonStaff', 'deputy', 'handlingUnitStaff', 'leader'];
const reporters: Role[] = ['congressStaff', 'liaisonStaff', 'leader'];
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
