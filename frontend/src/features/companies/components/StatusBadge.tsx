import { Badge, type BadgeTone } from '@/components/ui';
import { STATUS_LABELS, type LeadStatus } from '../api';

const TONES: Record<LeadStatus, BadgeTone> = {
  new: 'neutral',
  enriched: 'info',
  contacted: 'accent',
  replied: 'warning',
  meeting: 'warning',
  won: 'success',
  lost: 'danger',
};

export function StatusBadge({ status }: { status: LeadStatus }) {
  return <Badge tone={TONES[status] ?? 'neutral'}>{STATUS_LABELS[status] ?? status}</Badge>;
}
