// 预算审查监督: the budget years, one year's execution with drill-down by classification code and its curve
// against the elapsed year, the warnings that hold with their evidence (put as inquiries), the investment
// pre-arrangement list; and the inquiries a unit has to answer.
import { lazy } from 'react';
import { AccountBookOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { Feature, Role } from '../types';
import { RequireAuth } from '../../auth';
import { budgetEn, budgetZh } from './i18n';

const BudgetsPage = lazy(() => import('./BudgetsPage'));
const BudgetPage = lazy(() => import('./BudgetPage'));
const InquiriesPage = lazy(() => import('./InquiriesPage'));

const readers: Role[] = ['congressStaff', 'leader', 'deputy', 'handlingUnitStaff'];
const inquiryReaders: Role[] = ['congressStaff', 'leader', 'handlingUnitStaff'];

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
  ],
};
