// 代表建议 and 议案: deputies' drafting and "my suggestions", staff review and assignment, the unit's work,
// the leader's key-suggestions dashboard, the handling report, the year-end follow-up view, motions, and the
// public page of published replies (答复公开).
import { lazy } from 'react';
import {
  AuditOutlined,
  BarChartOutlined,
  FileTextOutlined,
  FlagOutlined,
  FormOutlined,
  NotificationOutlined,
  RiseOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { Feature, Role } from '../types';
import { RequireAuth } from '../../auth';
import { suggestionsEn, suggestionsZh } from './i18n';

const ListPage = lazy(() => import('./ListPage'));
const NewPage = lazy(() => import('./NewPage'));
const DetailPage = lazy(() => import('./DetailPage'));
const KeyPage = lazy(() => import('./KeyPage'));
const ReportPage = lazy(() => import('./ReportPage'));
const MotionsPage = lazy(() => import('./MotionsPage'));
const FollowUpPage = lazy(() => import('./FollowUpPage'));
const PublicRepliesPage = lazy(() => import('./PublicRepliesPage'));
const PublicReplyPage = lazy(() => import('./PublicReplyPage'));

const readers: Role[] = ['deputy', 'congressStaff', 'handlingUnitStaff', 'leader'];
const staff: Role[] = ['congressStaff', 'leader'];

export const suggestionsFeature: Feature = {
  id: 'suggestions',
  i18n: { zh: suggestionsZh, en: suggestionsEn },
  navGroup: { labelKey: 'nav.group', icon: <FileTextOutlined /> },
  routes: [
    {
      path: '/suggestions',
      element: (
        <RequireAuth roles={readers}>
          <ListPage />
        </RequireAuth>
      ),
    },
    {
      path: '/suggestions/mine',
      element: (
        <RequireAuth roles={['deputy']}>
          <ListPage mine />
        </RequireAuth>
      ),
    },
    {
      path: '/suggestions/new',
      element: (
        <RequireAuth roles={['deputy']}>
          <NewPage />
        </RequireAuth>
      ),
    },
    {
      path: '/suggestions/:id/edit',
      element: (
        <RequireAuth roles={['deputy']}>
          <NewPage />
        </RequireAuth>
      ),
    },
    {
      path: '/suggestions/key',
      element: (
        <RequireAuth roles={['leader', 'congressStaff', 'handlingUnitStaff']}>
          <KeyPage />
        </RequireAuth>
      ),
    },
    {
      path: '/suggestions/report',
      element: (
        <RequireAuth roles={staff}>
          <ReportPage />
        </RequireAuth>
      ),
    },
    {
      path: '/suggestions/follow-up',
      element: (
        <RequireAuth roles={staff}>
          <FollowUpPage />
        </RequireAuth>
      ),
    },
    // 答复公开: public, no sign-in.
    { path: '/suggestion-replies', element: <PublicRepliesPage /> },
    { path: '/suggestion-replies/:id', element: <PublicReplyPage /> },
    {
      path: '/suggestions/:id',
      element: (
        <RequireAuth roles={readers}>
          <DetailPage />
        </RequireAuth>
      ),
    },
    {
      path: '/motions',
      element: (
        <RequireAuth roles={['deputy', 'congressStaff', 'leader']}>
          <MotionsPage />
        </RequireAuth>
      ),
    },
  ],
  nav: [
    {
      key: 'mine',
      path: '/suggestions/mine',
      labelKey: 'nav.mine',
      roles: ['deputy'],
      icon: <FormOutlined />,
    },
    {
      key: 'list',
      path: '/suggestions',
      labelKey: 'nav.list',
      roles: ['congressStaff', 'handlingUnitStaff', 'leader'],
      icon: <SolutionOutlined />,
    },
    {
      key: 'key',
      path: '/suggestions/key',
      labelKey: 'nav.key',
      roles: ['leader', 'congressStaff', 'handlingUnitStaff'],
      icon: <FlagOutlined />,
    },
    {
      key: 'report',
      path: '/suggestions/report',
      labelKey: 'nav.report',
      roles: staff,
      icon: <BarChartOutlined />,
    },
    {
      key: 'followUp',
      path: '/suggestions/follow-up',
      labelKey: 'nav.followUp',
      roles: staff,
      icon: <RiseOutlined />,
    },
    {
      key: 'publicReplies',
      path: '/suggestion-replies',
      labelKey: 'nav.publicReplies',
      roles: 'public',
      icon: <NotificationOutlined />,
    },
    {
      key: 'motions',
      path: '/motions',
      labelKey: 'nav.motions',
      roles: ['deputy', 'congressStaff', 'leader'],
      icon: <AuditOutlined />,
    },
  ],
  homeCards: [
    {
      key: 'replies',
      path: '/suggestion-replies',
      titleKey: 'home.repliesTitle',
      descriptionKey: 'home.repliesText',
      icon: <NotificationOutlined />,
    },
  ],
};
