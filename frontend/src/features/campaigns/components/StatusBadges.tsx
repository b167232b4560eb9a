import { Badge, type BadgeTone } from '@/components/ui';
import { STATUS_LABELS, type CampaignStatus, type MessageStatus } from '../api';

const CAMPAIGN_TONES: Record<CampaignStatus, BadgeTone> = { draft: 'neutral', running: 'success', paused: 'warning', stopped: 'danger', finished: 'info' };

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <Badge tone={CAMPAIGN_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

const MESSAGE_TONES: Record<MessageStatus, BadgeTone> = {
  queued: 'neutral',
  sending: 'info',
  sent: 'success',
  failed: 'danger',
  unknown: 'warning',
  bounced: 'danger',
  replied: 'accent',
};
export const MESSAGE_LABELS: Record<MessageStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  unknown: 'Unknown',
  bounced: 'Bounced',
  replied: 'Replied',
};

export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  return <Badge tone={MESSAGE_TONES[status]}>{MESSAGE_LABELS[status]}</Badge>;
}
