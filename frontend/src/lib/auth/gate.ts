import type { Role } from '@/lib/api/types';
import { useAuth } from './AuthProvider';

/**
 * Whether the signed-in user may do an admin-only write, and if not, why — said the same way on
 * every screen. The demo account is refused first: the public demo switches these writes off for
 * everyone, whatever the role. (One place, so the shared demo helper can replace it.)
 */
export function gateReason(role: Role | null | undefined, needs: 'admin' | 'writer', what: string): string | null {
  if (!role) return 'Sign in first.';
  if (role === 'demo') return `Switched off in the public demo: the demo account cannot ${what}.`;
  if (needs === 'admin' && role !== 'admin') return `Only an admin can ${what}.`;
  return null;
}

export function useGate(needs: 'admin' | 'writer', what: string): { allowed: boolean; reason: string | null } {
  const { user } = useAuth();
  const reason = gateReason(user?.role, needs, what);
  return { allowed: reason === null, reason };
}
