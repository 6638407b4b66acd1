// Staff screens of the registry: deputies and mandates, handling units, liaison places, jurisdictions
// and electoral districts, terms and sittings, committees. Congress staff edit; leaders and liaison
// staff read (the server enforces it; abilities drive the buttons).
import { lazy } from 'react';
import {
  ApartmentOutlined,
  BankOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  IdcardOutlined,
} from '@ant-design/icons';
import type { Feature, Role } from '../types';
import { RequireAuth } from '../../auth';
import { registryEn, registryZh } from './i18n';

const DeputiesPage = lazy(() => import('./DeputiesPage'));
const DeputyPage = lazy(() => import('./DeputyPage'));
const HandlingUnitsPage = lazy(() => import('./HandlingUnitsPage'));
const LiaisonPlacesPage = lazy(() => import('./LiaisonPlacesPage'));
const JurisdictionsPage = lazy(() => import('./JurisdictionsPage'));
const TermsPage = lazy(() => import('./TermsPage'));
const CommitteesPage = lazy(() => import('./CommitteesPage'));

/** REGISTRY_READERS on the server. */
const readers: Role[] = ['congressStaff', 'leader', 'liaisonStaff'];

const guarded = (element: React.ReactNode) => <RequireAuth roles={readers}>{element}</RequireAuth>;

export const registryFeature: Feature = {
  id: 'registry',
  i18n: { zh: registryZh, en: registryEn },
  navGroup: { labelKey: 'nav.group', icon: <DatabaseOutlined /> },
  routes: [
    { path: '/registry/deputies', element: guarded(<DeputiesPage />) },
    { path: '/registry/deputies/:id', element: guarded(<DeputyPage />) },
    { path: '/registry/handling-units', element: guarded(<HandlingUnitsPage />) },
    { path: '/registry/liaison-places', element: guarded(<LiaisonPlacesPage />) },
    { path: '/registry/jurisdictions', element: guarded(<JurisdictionsPage />) },
    { path: '/registry/terms', element: guarded(<TermsPage />) },
    { path: '/registry/committees', element: guarded(<CommitteesPage />) },
  ],
  nav: [
    {
      key: 'deputies',
      path: '/registry/deputies',
      labelKey: 'nav.deputies',
      roles: readers,
      icon: <IdcardOutlined />,
    },
    {
      key: 'handlingUnits',
      path: '/registry/handling-units',
      labelKey: 'nav.handlingUnits',
      roles: readers,
      icon: <BankOutlined />,
    },
    {
      key: 'liaisonPlaces',
      path: '/registry/liaison-places',
      labelKey: 'nav.liaisonPlaces',
      roles: readers,
      icon: <EnvironmentOutlined />,
    },
    {
      key: 'jurisdictions',
      path: '/registry/jurisdictions',
      labelKey: 'nav.jurisdictions',
      roles: readers,
      icon: <ApartmentOutlined />,
    },
    {
      key: 'terms',
      path: '/registry/terms',
      labelKey: 'nav.terms',
      roles: readers,
      icon: <CalendarOutlined />,
    },
    {
      key: 'committees',
      path: '/registry/committees',
      labelKey: 'nav.committees',
      roles: readers,
      icon: <ClusterOutlined />,
    },
  ],
};
