/*
 * How to add a feature to the Minyi web app
 * ==========================================
 * A feature is one folder, web/src/features/<id>/, whose index.tsx exports a `Feature`:
 *
 *   // web/src/features/opinions/index.tsx
 *   import { lazy } from 'react';
 *   import { FormOutlined } from '@ant-design/icons';
 *   import type { Feature } from '../types';
 *   import { RequireAuth } from '../../auth';
 *   import zh from './i18n.zh';            // plain objects: { nav: { submit: '提交意见' }, ... }
 *   import en from './i18n.en';
 *   const SubmitPage = lazy(() => import('./SubmitPage'));
 *   const ListPage = lazy(() => import('./ListPage'));
 *
 *   export const opinionsFeature: Feature = {
 *     id: 'opinions',                       // = i18n namespace; use useTranslation('opinions')
 *     i18n: { zh, en },
 *     routes: [
 *       { path: '/opinions/new', element: <SubmitPage /> },                         // public
 *       { path: '/opinions', element: <RequireAuth roles={['congressStaff']}><ListPage /></RequireAuth> },
 *     ],
 *     nav: [
 *       { key: 'opinions', path: '/opinions', labelKey: 'nav.list', roles: ['congressStaff'], icon: <FormOutlined /> },
 *     ],
 *     homeCards: [
 *       { key: 'submit', path: '/opinions/new', titleKey: 'home.submitTitle', descriptionKey: 'home.submitText', icon: <FormOutlined /> },
 *     ],
 *   };
 *
 * then add ONE import and ONE entry to web/src/features/index.ts.
 *
 * Rules
 * - Paths are absolute (`/opinions/...`) and rendered inside the app layout (header, menu). Public pages
 *   need no wrapper; signed-in pages wrap their element in <RequireAuth roles={[...]}> (from ../../auth).
 *   The server decides access; the wrapper only avoids showing a page that would answer 403.
 * - The feature's endpoints live in its api.ts, the only file of the feature that imports `api` (or
 *   `download`) from ../../api: a function per call, named as the server's operationId
 *   (`submitOpinion(body, key)`, `claimOpinion(id)`), and `paths` for what pages read with useResource /
 *   usePagedList (`useResource<Opinion>(paths.getOpinion(id))`). Pages import from ./api and hold no URL
 *   (features/feature-shape.test.ts checks it). Show errors with
 *   `message.error(problemMessage(err))`, and mark form fields with `applyFieldErrors(form, err)`.
 *   Show or hide actions from the resource's `abilities`, never by re-checking roles or statuses.
 * - i18n: keys live under your namespace (feature id); labelKey/titleKey/descriptionKey are looked up
 *   there. Shared words (save, cancel, status...) are in the `common` namespace: t('common:actions.save').
 * - Public and deputy pages must work at 375 px wide: use antd Grid (Row/Col with xs), `useIsMobile()`
 *   from ../../shell/responsive, and Table `scroll={{ x: true }}` or a List on small screens.
 * - Lazy-load pages with React.lazy: the layout wraps routes in <Suspense>.
 */
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { Role } from '@minyi/domain';

export type { Role };

/** An entry of the menu. Shown when the user holds one of `roles`, or to everybody when 'public'. */
export interface NavItem {
  /** Unique within the feature. */
  key: string;
  /** Absolute path the item opens; also used to highlight the current item. */
  path: string;
  /** i18n key in the feature's namespace (or 'ns:key' for another namespace). */
  labelKey: string;
  roles: Role[] | 'public';
  icon?: ReactNode;
  /**
   * Position in the menu, lower first. Without it an item sits at its feature's place in
   * features/index.ts (feature index × 10). The inbox and my account use 900+ to stay last.
   */
  order?: number;
}

/** A card on the public home page (e.g. "submit an opinion", "track my item", "livelihood projects"). */
export interface HomeCard {
  key: string;
  path: string;
  /** i18n keys in the feature's namespace. */
  titleKey: string;
  descriptionKey?: string;
  icon?: ReactNode;
  order?: number;
}

export interface Feature {
  /** Also the i18n namespace. Lower camel case, e.g. 'opinions'. */
  id: string;
  routes: RouteObject[];
  nav?: NavItem[];
  /** Texts for zh-CN (default) and en; registered as namespace `id`. */
  i18n: { zh: object; en: object };
  homeCards?: HomeCard[];
  /** When set and the user sees more than one of `nav`, the items are grouped under this submenu. */
  navGroup?: { labelKey: string; icon?: ReactNode; /** as NavItem.order */ order?: number };
}
