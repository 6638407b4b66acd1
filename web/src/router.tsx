// The routes: the login page on its own, everything else inside the app layout, collected from the features.
import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import AppLayout from './shell/AppLayout';
import { features } from './features';
import { RequireAuth } from './auth';
import NotFoundPage from './pages/NotFoundPage';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const TotpEnrollPage = lazy(() => import('./pages/TotpEnrollPage'));
const PasswordChangePage = lazy(() => import('./pages/PasswordChangePage'));

const featureRoutes: RouteObject[] = features.flatMap((f) => f.routes);

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/account/totp',
        element: (
          <RequireAuth>
            <TotpEnrollPage />
          </RequireAuth>
        ),
      },
      {
        path: '/account/password',
        element: (
          <RequireAuth>
            <PasswordChangePage />
          </RequireAuth>
        ),
      },
      ...featureRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
