// 会议: staff's meeting list and console (agenda, sign-in sheet, quorum, votes and results), and a member's phone
// page to sign in and vote. The right to vote comes from the meeting's roll, so the member pages are offered to
// every deputy and leader and say when they are not a member. The published rules of procedure are public.
import { lazy } from 'react';
import {
  AuditOutlined,
  BookOutlined,
  CheckSquareOutlined,
  IdcardOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Feature, Role } from '../types';
import { RequireAuth } from '../../auth';
import { meetingsEn, meetingsZh } from './i18n';

const MeetingsPage = lazy(() => import('./MeetingsPage'));
const MeetingPage = lazy(() => import('./MeetingPage'));
const MyVotesPage = lazy(() => import('./MyVotesPage'));
const MeetingVotePage = lazy(() => import('./MeetingVotePage'));
const OfficeHoldersPage = lazy(() => import('./OfficeHoldersPage'));
const AppointmentsPage = lazy(() => import('./AppointmentsPage'));
const AppointmentPage = lazy(() => import('./AppointmentPage'));
const OversightReportsPage = lazy(() => import('./OversightReportsPage'));
const OversightReportPage = lazy(() => import('./OversightReportPage'));
const InquiriesPage = lazy(() => import('./InquiriesPage'));
const InquiryPage = lazy(() => import('./InquiryPage'));
const PublicRulesPage = lazy(() => import('./PublicRulesPage'));
const PublicRulePage = lazy(() => import('./PublicRulePage'));
const RulesRegisterPage = lazy(() => import('./RulesRegisterPage'));
const RulesRegisterRulePage = lazy(() => import('./RulesRegisterRulePage'));

const members: Role[] = ['deputy', 'leader'];
const staff: Role[] = ['congressStaff', 'leader'];
const all: Role[] = ['congressStaff', 'leader', 'deputy'];
const signedIn: Role[] = [
  'citizen',
  'deputy',
  'liaisonStaff',
  'handlingUnitStaff',
  'congressStaff',
  'leader',
];

export const meetingsFeature: Feature = {
  id: 'meetings',
  i18n: { zh: meetingsZh, en: meetingsEn },
  navGroup: { labelKey: 'nav.group', icon: <TeamOutlined /> },
  routes: [
    // 议事规则与工作制度: public, no sign-in.
    { path: '/procedural-rules', element: <PublicRulesPage /> },
    { path: '/procedural-rules/:id', element: <PublicRulePage /> },
    // The rules register for staff (every rule; congress staff write, leaders read).
    {
      path: '/rules-register',
      element: (
        <RequireAuth roles={staff}>
          <RulesRegisterPage />
        </RequireAuth>
      ),
    },
    {
      path: '/rules-register/:id',
      element: (
        <RequireAuth roles={staff}>
          <RulesRegisterRulePage />
        </RequireAuth>
      ),
    },
    {
      path: '/meetings',
      element: (
        <RequireAuth roles={all}>
          <MeetingsPage />
        </RequireAuth>
      ),
    },
    {
      path: '/meetings/votes',
      element: (
        <RequireAuth roles={all}>
          <MyVotesPage />
        </RequireAuth>
      ),
    },
    {
      path: '/meetings/:id',
      element: (
        <RequireAuth roles={all}>
          <MeetingPage />
        </RequireAuth>
      ),
    },
    {
      path: '/office-holders',
      element: (
        <RequireAuth roles={staff}>
          <OfficeHoldersPage />
        </RequireAuth>
      ),
    },
    {
      path: '/appointments',
      element: (
        <RequireAuth roles={staff}>
          <AppointmentsPage />
        </RequireAuth>
      ),
    },
    {
      path: '/appointments/:id',
      element: (
        <RequireAuth roles={staff}>
          <AppointmentPage />
        </RequireAuth>
      ),
    },
    {
      path: '/oversight-reports',
      element: (
        <RequireAuth roles={staff}>
          <OversightReportsPage />
        </RequireAuth>
      ),
    },
    {
      path: '/oversight-reports/:id',
      element: (
        <RequireAuth roles={staff}>
          <OversightReportPage />
        </RequireAuth>
      ),
    },
    {
      path: '/inquiries',
      element: (
        <RequireAuth roles={all}>
          <InquiriesPage />
        </RequireAuth>
      ),
    },
    {
      path: '/inquiries/:id',
      element: (
        <RequireAuth roles={all}>
          <InquiryPage />
        </RequireAuth>
      ),
    },
    {
      path: '/meeting-votes/:id',
      element: (
        <RequireAuth roles={all}>
          <MeetingVotePage />
        </RequireAuth>
      ),
    },
  ],
  nav: [
    { key: 'meetings', path: '/meetings', labelKey: 'nav.meetings', roles: all, icon: <TeamOutlined /> },
    {
      key: 'myVotes',
      path: '/meetings/votes',
      labelKey: 'nav.myVotes',
      roles: members,
      icon: <CheckSquareOutlined />,
    },
    {
      key: 'register',
      path: '/office-holders',
      labelKey: 'nav.register',
      roles: staff,
      icon: <IdcardOutlined />,
    },
    {
      key: 'appointments',
      path: '/appointments',
      labelKey: 'nav.appointments',
      roles: staff,
      icon: <SolutionOutlined />,
    },
    {
      key: 'oversight',
      path: '/oversight-reports',
      labelKey: 'nav.oversight',
      roles: staff,
      icon: <AuditOutlined />,
    },
    {
      key: 'inquiries',
      path: '/inquiries',
      labelKey: 'nav.inquiries',
      roles: all,
      icon: <AuditOutlined />,
    },
    {
      key: 'rulesRegister',
      path: '/rules-register',
      labelKey: 'nav.rulesRegister',
      roles: staff,
      icon: <BookOutlined />,
    },
    // The page itself is public (no sign-in); the anonymous top menu has no room left for it in English at
    // 1280 px (antd folds the selected item into its overflow, an a11y failure), so the menu entry is for
    // signed-in accounts.
    {
      key: 'rules',
      path: '/procedural-rules',
      labelKey: 'nav.rules',
      roles: signedIn,
      icon: <BookOutlined />,
    },
  ],
};
