import { Badge, type BadgeTone } from '@/components/ui';
import { STATUS_LABELS, type CampaignStatus } from '../api';

export { MESSAGE_LABELS, MessageStatusBadge } from '@/components/email/badges';

const CAMPAIGN_TONES: Record<CampaignStatus, BadgeTone> = { draft: 'neutral', running: 'success', paused: 'warning', stopped: 'danger', finished: 'info' };

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <Badge tone={CAMPAIGN_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

