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

/** Why a contact's sequence stopped, or why the preparation left the contact out, as a phrase. */
const SEQUENCE_REASONS: Record<string, string> = {
  no_email: 'no e-mail address',
  invalid_email: 'an invalid address',
  suppressed: 'the address is suppressed',
  unsubscribed: 'unsubscribed',
  legal_basis: 'no legal basis recorded (DE/AT/CH)',
  duplicate: 'another contact has the same address',
  contact_missing: 'the contact was deleted',
  render_failed: 'the template did not render for this contact',
  replied: 'replied',
  booked: 'booked a meeting',
  bounced: 'the address bounced',
  campaign_stopped: 'the campaign was stopped',
  stopped: 'stopped',
};

export function sequenceReason(reason: string | null | undefined): string {
  if (!reason) return 'stopped';
  return SEQUENCE_REASONS[reason] ?? reason.replaceAll('_', ' ');
}
