// 民生实事: the deputies' phone ballot and the staff vote console, the public ideas and progress pages,
// candidates with deliberation, and the year-end evaluation.
import { lazy } from 'react';
import {
  BarChartOutlined,
  BulbOutlined,
  CheckSquareOutlined,
  ProjectOutlined,
  StarOutlined,
} from '@ant-design/icons';
import type { Feature, Role } from '../types';
import { RequireAuth } from '../../auth';
import { livelihoodEn, livelihoodZh } from './i18n';

const VotesPage = lazy(() => import('./VotesPage'));
const VotePage = lazy(() => import('./VotePage'));
const NewVotePage = lazy(() => import('./NewVotePage'));
const BulletinPage = lazy(() => import('./BulletinPage'));
const ResultsPage = lazy(() => import('./ResultsPage'));
const IdeasPage = lazy(() => import('./IdeasPage'));
const CandidatesPage = lazy(() => import('./CandidatesPage'));
const ProgressPage = lazy(() => import('./ProgressPage'));
const ProjectPage = lazy(() => import('./ProjectPage'));
const EvaluationPage = lazy(() => import('./EvaluationPage'));

const voters: Role[] = ['deputy', 'congressStaff', 'leader'];
const readers: Role[] = ['congressStaff', 'leader', 'deputy', 'handlingUnitStaff'];

export const livelihoodFeature: Feature = {
  id: 'livelihood',
  i18n: { zh: livelihoodZh, en: livelihoodEn },
  navGroup: { labelKey: 'nav.group', icon: <ProjectOutlined /> },
  routes: [
    {
      path: '/livelihood/votes',
      element: (
        <RequireAuth roles={voters}>
          <VotesPage />
        </RequireAuth>
      ),
    },
    {
      path: '/livelihood/votes/new',
      element: (
        <RequireAuth roles={['congressStaff']}>
          <NewVotePage />
        </RequireAuth>
      ),
    },
    {
      path: '/livelihood/votes/:id',
      element: (
        <RequireAuth roles={voters}>
          <VotePage />
        </RequireAuth>
      ),
    },
    { path: '/livelihood/votes/:id/results', element: <ResultsPage /> },
    { path: '/livelihood/votes/:id/bulletin', element: <BulletinPage /> },
    { path: '/livelihood/ideas', element: <IdeasPage /> },
    {
      path: '/livelihood/candidates',
      element: (
        <RequireAuth roles={readers}>
          <CandidatesPage />
        </RequireAuth>
      ),
    },
    { path: '/livelihood/projects', element: <ProgressPage /> },
    { path: '/livelihood/projects/:id', element: <ProjectPage /> },
    {
      path: '/livelihood/evaluation',
      element: (
        <RequireAuth roles={readers}>
          <EvaluationPage />
        </RequireAuth>
      ),
    },
  ],
  nav: [
    {
      key: 'votes',
      path: '/livelihood/votes',
      labelKey: 'nav.votes',
      roles: voters,
      icon: <CheckSquareOutlined />,
    },
    {
      key: 'candidates',
      path: '/livelihood/candidates',
      labelKey: 'nav.candidates',
      roles: readers,
      icon: <ProjectOutlined />,
    },
    {
      key: 'progress',
      path: '/livelihood/projects',
      labelKey: 'nav.progress',
      roles: 'public',
      icon: <BarChartOutlined />,
    },
    {
      key: 'ideas',
      path: '/livelihood/ideas',
      labelKey: 'nav.ideas',
      roles: 'public',
      icon: <BulbOutlined />,
    },
    {
      key: 'evaluation',
      path: '/livelihood/evaluation',
      labelKey: 'nav.evaluation',
      roles: readers,
      icon: <StarOutlined />,
    },
  ],
  homeCards: [
    {
      key: 'progress',
      path: '/livelihood/projects',
      titleKey: 'home.progressTitle',
      descriptionKey: 'home.progressText',
      icon: <BarChartOutlined />,
    },
    {
      key: 'ideas',
      path: '/livelihood/ideas',
      titleKey: 'home.ideasTitle',
      descriptionKey: 'home.ideasText',
      icon: <BulbOutlined />,
    },
  ],
};
