import type { Role } from '@/lib/api/types';
import { useDemo, type DemoRefusal } from '@/lib/demo';
import { useAuth } from './AuthProvider';

/** What the public demo and the demo account may do with a gated write (mirrors services/kit/policy.py). */
export type GateDemo = {
  /** The demo account may make it (CRM edits: templates, campaign drafts, AI-line review). */
  role?: boolean;
  /** The public demo switches it off for everyone (sending, connections): the kind says why. */
  refusedInDemo?: DemoRefusal;
};

/**
 * Whether the signed-in user may do a write, and if not, why — said the same way on every screen.
 * The demo account is refused what the demo table refuses it; an admin-only write needs an admin.
 */
export function gateReason(role: Role | null | undefined, needs: 'admin' | 'writer', what: string, demoRole = false): string | null {
  if (!role) return 'Sign in first.';
  if (role === 'demo' && !(demoRole && needs === 'writer')) return `The demo account cannot ${what}.`;
  if (needs === 'admin' && role !== 'admin') return `Only an admin can ${what}.`;
  return null;
}

export function useGate(needs: 'admin' | 'writer', what: string, demo: GateDemo = {}): { allowed: boolean; reason: string | null } {
  const { user } = useAuth();
  const { reason: demoReason } = useDemo();
  const reason = (demo.refusedInDemo ? demoReason(demo.refusedInDemo) : null) ?? gateReason(user?.role, needs, what, demo.role);
  return { allowed: reason === null, reason };
}
