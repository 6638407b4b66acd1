// The public home page of the congress: find your deputies, liaison places and their hours, and the
// public entries other features offer (their `homeCards`).
import { lazy } from 'react';
import type { Feature } from '../types';
import { homeEn, homeZh } from './i18n';

const HomePage = lazy(() => import('./HomePage'));

export const homeFeature: Feature = {
  id: 'home',
  i18n: { zh: homeZh, en: homeEn },
  routes: [{ path: '/', element: <HomePage /> }],
};
