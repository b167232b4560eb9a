import { Badge, type BadgeTone } from '@/components/ui';
import { LEGAL_BASIS_LABELS, type LegalBasis } from '../api';

const BASIS_TONES: Record<LegalBasis, BadgeTone> = { consent: 'success', existing_customer: 'info', none: 'neutral' };

export function LegalBasisBadge({ basis }: { basis: LegalBasis }) {
  return <Badge tone={BASIS_TONES[basis] ?? 'neutral'}>{LEGAL_BASIS_LABELS[basis] ?? basis}</Badge>;
}
