// 预算审查监督: the budget years, one year's execution with drill-down by classification code and its curve
// against the elapsed year, the warnings that hold with their evidence (put as inquiries), the investment
// pre-arrangement list; a deputy's own area on a phone; the inquiries a unit has to answer and the audit findings it
// has to rectify.
import { lazy } from 'react';
import { AccountBookOutlined, AuditOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { Feature, Role } from '../types';
import { RequireAuth } from '../../auth';
import { budgetEn, budgetZh } from './i18n';

const BudgetsPage = lazy(() => import('./BudgetsPage'));
const BudgetPage = lazy(() => import('./BudgetPage'));
const InquiriesPage = lazy(() => import('./InquiriesPage'));
const AreaPage = lazy(() => import('./AreaPage'));
const AuditFindingsPage = lazy(() => import('./AuditFindingsPage'));

const readers: Role[] = ['congressStaff', 'leader', 'deputy', 'handlingUnitStaff'];
const inquiryReaders: Role[] = ['congressStaff', 'leader', 'handlingUnitStaff'];
const areaReaders: Role[] = ['congressStaff', 'leader', 'deputy'];

export const budgetFeature: Feature = {
  id: 'budget',
  i18n: { zh: budgetZh, en: budgetEn },
  navGroup: { labelKey: 'nav.group', icon: <AccountBookOutlined /> },
  routes: [
    {
      path: '/budgets',
      element: (
        <RequireAuth roles={readers}>
          <BudgetsPage />
        </RequireAuth>
      ),
    },
    {
      path: '/budgets/:id',
      element: (
        <RequireAuth roles={readers}>
          <BudgetPage />
        </RequireAuth>
      ),
    },
    {
      path: '/budgets/:id/area',
      element: (
        <RequireAuth roles={areaReaders}>
          <AreaPage />
        </RequireAuth>
      ),
    },
    {
      path: '/budget-audit-findings',
      element: (
        <RequireAuth roles={inquiryReaders}>
          <AuditFindingsPage />
        </RequireAuth>
      ),
    },
    {
      path: '/budget-inquiries',
      element: (
        <RequireAuth roles={inquiryReaders}>
          <InquiriesPage />
        </RequireAuth>
      ),
    },
  ],
  nav: [
    {
      key: 'budgets',
      path: '/budgets',
      labelKey: 'nav.budgets',
      roles: ['congressStaff', 'leader', 'deputy'],
      icon: <AccountBookOutlined />,
    },
    {
      key: 'budgetInquiries',
      path: '/budget-inquiries',
      labelKey: 'nav.inquiries',
      roles: inquiryReaders,
      icon: <QuestionCircleOutlined />,
    },
    {
      key: 'budgetAuditFindings',
      path: '/budget-audit-findings',
      labelKey: 'nav.auditFindings',
      roles: inquiryReaders,
      icon: <AuditOutlined />,
    },
  ],
};
