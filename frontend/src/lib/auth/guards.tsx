import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '@/lib/api/types';
import { useAuth } from './AuthProvider';

export type LoginRedirectState = { from?: string };

/** Renders children for signed-in users; otherwise redirects to /login remembering where we were. */
export function RequireAuth({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <>{fallback}</>;
  if (status === 'anonymous') {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from } satisfies LoginRedirectState} />;
  }
  return <>{children}</>;
}

/** Renders children only for the given roles; otherwise `forbidden`. */
export function RequireRole({ roles, children, forbidden }: { roles: Role[]; children: ReactNode; forbidden: ReactNode }) {
  const { hasRole } = useAuth();
  return <>{hasRole(...roles) ? children : forbidden}</>;
}
