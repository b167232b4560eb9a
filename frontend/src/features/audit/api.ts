/**
 * Audit-log feature ↔ backend. All generated-type usage for this feature lives here.
 */
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components, paths } from '@/api/schema';

export type AuditEventRead = components['schemas']['AuditEventRead'];
export type AuditPage = components['schemas']['Page_AuditEventRead_'];
export type ListAuditParams = NonNullable<paths['/api/auth/audit']['get']['parameters']['query']>;

/** Events the backend emits today (the filter also accepts anything typed in the URL). */
export const AUDIT_EVENTS = [
  'login.ok',
  'login.failed',
  'login.throttled',
  'refresh.reuse',
  'logout',
  'user.created',
  'user.role_changed',
  'user.deactivated',
  'user.password_reset',
] as const;

export function listAudit(query: ListAuditParams): Promise<AuditPage> {
  return unwrap(api.GET('/api/auth/audit', { params: { query } }));
}
