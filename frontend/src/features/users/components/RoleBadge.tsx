import { Badge, type BadgeTone } from '@/components/ui';
import { ROLE_LABELS, type Role } from '../api';

const TONES: Record<Role, BadgeTone> = { admin: 'accent', sales: 'info', demo: 'warning' };

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={TONES[role] ?? 'neutral'}>{ROLE_LABELS[role] ?? role}</Badge>;
}
