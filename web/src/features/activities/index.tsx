// 代表活动: staff's activities (create, invite, sign-in sheet, record with findings that become opinions),
// a deputy's own activities on a phone (answer, check in), campaigns with the activity month's dashboard, and
// every deputy's public record with the duty points; enterprise visits (staff's firms and questionnaire, the
// deputy's visit on the phone), pledges, and the staff's ranking (issue 20).
import { lazy } from 'react';
import {
  CalendarOutlined,
  CheckSquareOutlined,
  FlagOutlined,
  ScheduleOutlined,
  ShopOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { Feature, Role } from '../types';
import { RequireAuth } from '../../auth';
import { activitiesEn, activitiesZh } from './i18n';

const ActivitiesPage = lazy(() => import('./ActivitiesPage'));
const ActivityPage = lazy(() => import('./ActivityPage'));
const CampaignsPage = lazy(() => import('./CampaignsPage'));
const CampaignPage = lazy(() => import('./CampaignPage'));
const DeputyRecordPage = lazy(() => import('./DeputyRecordPage'));
const VisitPage = lazy(() => import('./VisitPage'));
const PledgesPage = lazy(() => import('./PledgesPage'));
const RankingPage = lazy(() => import('./RankingPage'));

const staff: Role[] = ['congressStaff', 'leader'];
const all: Role[] = ['congressStaff', 'leader', 'deputy'];

export const activitiesFeature: Feature = {
  id: 'activities',
  i18n: { zh: activitiesZh, en: activitiesEn },
  navGroup: { labelKey: 'nav.group', icon: <CalendarOutlined /> },
  routes: [
    {
      path: '/activities',
      element: (
        <RequireAuth roles={all}>
          <ActivitiesPage />
        </RequireAuth>
      ),
    },
    {
      path: '/activities/:id',
      element: (
        <RequireAuth roles={all}>
          <ActivityPage />
        </RequireAuth>
      ),
    },
    {
      path: '/campaigns',
      element: (
        <RequireAuth roles={all}>
          <CampaignsPage />
        </RequireAuth>
      ),
    },
    {
      path: '/campaigns/:id',
      element: (
        <RequireAuth roles={staff}>
          <CampaignPage />
        </RequireAuth>
      ),
    },
    // A deputy's visits of an enterprise-visit campaign, on the phone.
    {
      path: '/campaigns/:id/visits',
      element: (
        <RequireAuth roles={all}>
          <VisitPage />
        </RequireAuth>
      ),
    },
    {
      path: '/pledges',
      element: (
        <RequireAuth roles={['deputy']}>
          <PledgesPage />
        </RequireAuth>
      ),
    },
    {
      path: '/deputy-rankings',
      element: (
        <RequireAuth roles={staff}>
          <RankingPage />
        </RequireAuth>
      ),
    },
    // Public: a deputy's record (linked from the portal's deputy finder).
    { path: '/deputies/:id/record', element: <DeputyRecordPage /> },
  ],
  nav: [
    {
      key: 'activities',
      path: '/activities',
      labelKey: 'nav.activities',
      roles: staff,
      icon: <ScheduleOutlined />,
    },
    { key: 'mine', path: '/activities', labelKey: 'nav.mine', roles: ['deputy'], icon: <ScheduleOutlined /> },
    { key: 'campaigns', path: '/campaigns', labelKey: 'nav.campaigns', roles: staff, icon: <FlagOutlined /> },
    { key: 'visits', path: '/campaigns', labelKey: 'nav.visits', roles: ['deputy'], icon: <ShopOutlined /> },
    {
      key: 'pledges',
      path: '/pledges',
      labelKey: 'nav.pledges',
      roles: ['deputy'],
      icon: <CheckSquareOutlined />,
    },
    {
      key: 'ranking',
      path: '/deputy-rankings',
      labelKey: 'nav.ranking',
      roles: staff,
      icon: <TrophyOutlined />,
    },
  ],
};
