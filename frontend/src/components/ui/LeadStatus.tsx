import type { ComponentProps } from 'react';
import { LEAD_STATUSES, STATUS_LABELS, type LeadStatus } from '@/lib/leadStatus';
import { Badge, type BadgeTone } from './Badge';
import { OptionSelect } from './ListControls';

const TONES: Record<LeadStatus, BadgeTone> = {
  new: 'neutral',
  enriched: 'info',
  contacted: 'accent',
  replied: 'warning',
  meeting: 'warning',
  won: 'success',
  lost: 'danger',
  bounced: 'danger',
  unsubscribed: 'neutral',
};

/** A company's or contact's pipeline status. */
export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return <Badge tone={TONES[status] ?? 'neutral'}>{STATUS_LABELS[status] ?? status}</Badge>;
}

/** A Select over the lead statuses (with `allLabel`, a first "any status" option). */
export function LeadStatusSelect(props: Omit<ComponentProps<typeof OptionSelect<LeadStatus>>, 'options' | 'labels'>) {
  return <OptionSelect options={LEAD_STATUSES} labels={STATUS_LABELS} {...props} />;
}
