import { Badge, type BadgeTone } from '@/components/ui';
import { LEGAL_BASIS_LABELS, STATUS_LABELS, type LeadStatus, type LegalBasis } from '../api';

const STATUS_TONES: Record<LeadStatus, BadgeTone> = {
  new: 'neutral',
  enriched: 'info',
  contacted: 'accent',
  replied: 'warning',
  meeting: 'warning',
  won: 'success',
  lost: 'danger',
};

export function StatusBadge({ status }: { status: LeadStatus }) {
  return <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{STATUS_LABELS[status] ?? status}</Badge>;
}

const BASIS_TONES: Record<LegalBasis, BadgeTone> = { consent: 'success', existing_customer: 'info', none: 'neutral' };

export function LegalBasisBadge({ basis }: { basis: LegalBasis }) {
  return <Badge tone={BASIS_TONES[basis] ?? 'neutral'}>{LEGAL_BASIS_LABELS[basis] ?? basis}</Badge>;
}
