import { Badge, type BadgeTone } from '@/components/ui';

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'unknown' | 'bounced' | 'replied';
export type ReplyCategory = 'interested' | 'not_now' | 'out_of_office' | 'unsubscribe' | 'other';

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

const CATEGORY_TONES: Record<ReplyCategory, BadgeTone> = { interested: 'success', not_now: 'info', out_of_office: 'neutral', unsubscribe: 'danger', other: 'neutral' };
export const CATEGORY_LABELS: Record<ReplyCategory, string> = {
  interested: 'Interested',
  not_now: 'Not now',
  out_of_office: 'Out of office',
  unsubscribe: 'Unsubscribe',
  other: 'Other',
};

export function ReplyCategoryBadge({ category }: { category: ReplyCategory }) {
  return <Badge tone={CATEGORY_TONES[category]}>{CATEGORY_LABELS[category]}</Badge>;
}

export const INBOUND_LABELS: Record<'reply' | 'auto_reply' | 'bounce' | 'unsubscribe', string> = {
  reply: 'Reply',
  auto_reply: 'Auto-reply',
  bounce: 'Bounce',
  unsubscribe: 'Unsubscribed',
};

/** Why the preparation left a contact out of a campaign (the eligibility list, the enrolment's excluded_reason), or
 * why its sequence stopped (stop_reason): one label per reason wherever it shows. */
const SEQUENCE_REASON_LABELS: Record<string, string> = {
  no_email: 'No e-mail address',
  invalid_email: 'Invalid address',
  suppressed: 'Suppressed',
  unsubscribed: 'Unsubscribed',
  legal_basis: 'No legal basis',
  duplicate: 'Duplicate address',
  contact_missing: 'Contact deleted',
  stopped: 'Sequence stopped',
  render_failed: 'Template did not render',
  replied: 'Replied',
  booked: 'Booked a meeting',
  bounced: 'Bounced',
  campaign_stopped: 'Campaign stopped',
};

export function sequenceReason(reason: string | null | undefined): string {
  if (!reason) return 'Sequence stopped';
  return SEQUENCE_REASON_LABELS[reason] ?? reason.replaceAll('_', ' ');
}

export function SequenceReasonBadge({ reason }: { reason: string | null | undefined }) {
  return <Badge tone={reason === 'legal_basis' ? 'warning' : 'neutral'}>{sequenceReason(reason)}</Badge>;
}
