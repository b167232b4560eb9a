import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me, Role, TokenResponse } from '@/lib/api/types';
import { getMe, postEnterDemo, postLogin, postLogout, type LoginInput } from './authApi';
import { clearSession, onSessionExpired, refreshAccessToken, setSession } from './session';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous';

export type AuthContextValue = {
  status: AuthStatus;
  user: Me | null;
  login: (input: LoginInput) => Promise<Me>;
  /** "Enter the demo": a demo-role session from the public demo, no password. */
  enterDemo: () => Promise<Me>;
  logout: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ status: AuthStatus; user: Me | null }>({ status: 'loading', user: null });

  // On start: silently exchange the refresh cookie for an access token.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const token = await refreshAccessToken();
      if (!token) {
        if (!cancelled) setState({ status: 'anonymous', user: null });
        return;
      }
      try {
        const me = await getMe();
        if (!cancelled) setState({ status: 'authenticated', user: me });
      } catch {
        if (!cancelled) setState({ status: 'anonymous', user: null });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  // The middleware / refresh timer tells us when the session is gone. (Leaving the signed-in screens
  // drops their query cache: see SignedInQueries.)
  useEffect(() => onSessionExpired(() => setState({ status: 'anonymous', user: null })), []);

  const startSession = useCallback(async (issue: () => Promise<TokenResponse>) => {
    const token = await issue();
    setSession(token);
    try {
      const me = await getMe();
      setState({ status: 'authenticated', user: me });
      return me;
    } catch (err) {
      clearSession();
      throw err;
    }
  }, []);

  const enterDemo = useCallback(() => startSession(postEnterDemo), [startSession]);

  const login = useCallback(
    async (input: LoginInput) => {
      const token = await postLogin(input);
      setSession(token);
      try {
        const me = await getMe();
        setState({ status: 'authenticated', user: me });
        return me;
      } catch (err) {
        clearSession();
        throw err;
      }
    },
    [],
  );

  const logout = useCallback(async () => {
    try {
      await postLogout();
    } catch {
      // Even if the server call fails, forget the session locally.
    }
    clearSession();
    setState({ status: 'anonymous', user: null });
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({
      ...state,
      login,
      enterDemo,
      logout,
      hasRole: (...roles: Role[]) => !!state.user && roles.includes(state.user.role),
    }),
    [state, login, enterDemo, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
