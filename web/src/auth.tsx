// Who is signed in: AuthProvider loads /auth/me once, keeps the CSRF token for `api`, and offers
// login (with the second factor) and logout. RequireAuth guards pages that need an account.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '@minyi/domain';
import { ApiError, onUnauthorized, setCsrfToken } from './api';
import { getMe, signIn, signOut } from './shell/session-api';

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  congressId: string;
  deputyId?: string;
  handlingUnitId?: string;
  totpEnabled: boolean;
  mustEnrollTotp: boolean;
  /** The password was reset by an administrator: it must be changed before anything else. */
  mustChangePassword: boolean;
}

export interface AuthState {
  user: User | null;
  /** True until the first /auth/me has answered. */
  loading: boolean;
  hasRole: (...roles: Role[]) => boolean;
  /** Throws ApiError: 401 `second_factor_required` (ask for totpCode and call again), `invalid_credentials` (also for a locked account), `invalid_second_factor`. */
  login: (username: string, password: string, totpCode?: string) => Promise<User>;
  logout: () => Promise<void>;
  /** Reloads /auth/me (after enrolling TOTP, changing roles...). */
  refresh: () => Promise<User | null>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const me = await getMe();
      setCsrfToken(me.csrfToken);
      setUser(me.user);
      return me.user;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401 || err.status === 403) {
        setCsrfToken(null);
        setUser(null);
        return null;
      }
      throw err;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setLoading(false));
    return onUnauthorized(() => {
      setCsrfToken(null);
      setUser(null);
    });
  }, [refresh]);

  const login = useCallback(async (username: string, password: string, totpCode?: string) => {
    const body: { username: string; password: string; totpCode?: string } = { username, password };
    if (totpCode) body.totpCode = totpCode;
    const answer = await signIn(body);
    setCsrfToken(answer.csrfToken);
    setUser(answer.user);
    return answer.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await signOut();
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      user,
      loading,
      hasRole: (...roles: Role[]) => !!user && roles.some((r) => user.roles.includes(r)),
      login,
      logout,
      refresh,
    }),
    [user, loading, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/**
 * Shows its children to a signed-in user holding one of `roles` (any role when omitted); sends others
 * to the login page, and forces a one-time password's change, then TOTP enrolment, when the account must.
 */
export function RequireAuth({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { user, loading, hasRole } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  if (!user) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (user.mustChangePassword && location.pathname !== '/account/password') {
    return <Navigate to="/account/password" replace />;
  }
  if (!user.mustChangePassword && user.mustEnrollTotp && location.pathname !== '/account/totp') {
    return <Navigate to="/account/totp" replace />;
  }
  if (roles && roles.length && !hasRole(...roles)) {
    return <Result status="403" title="403" subTitle={t('errors.forbiddenPage')} />;
  }
  return <>{children}</>;
}

/** The roles whose work waits for them in the work home (我的工作台, /workbench). */
export const WORKING_ROLES = [
  'deputy',
  'liaisonStaff',
  'handlingUnitStaff',
  'congressStaff',
  'leader',
] as const;

/**
 * Where a user goes right after signing in: a forced step first, else where they were going, else their work
 * home when their roles have work, else the public portal.
 */
export const landingOf = (user: User, next: string | null): string =>
  user.mustChangePassword
    ? '/account/password'
    : user.mustEnrollTotp
      ? '/account/totp'
      : (next ??
        (user.roles.some((r) => (WORKING_ROLES as readonly Role[]).includes(r)) ? '/workbench' : '/'));
