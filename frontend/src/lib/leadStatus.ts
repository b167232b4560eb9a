/** The pipeline status a company or contact is in (the leads service's shared `LeadStatus`). */
import type { Schemas } from '@/lib/api/types';

export type LeadStatus = Schemas['LeadStatus'];

export const LEAD_STATUSES: readonly LeadStatus[] = [
  'new', 'enriched', 'contacted', 'replied', 'meeting', 'won', 'lost', 'bounced', 'unsubscribed',
];
export const STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  enriched: 'Enriched',
  contacted: 'Contacted',
  replied: 'Replied',
  meeting: 'Meeting',
  won: 'Won',
  lost: 'Lost',
  // Set by the e-mail service: a hard bounce, an unsubscribe (one click or by reply).
  bounced: 'Bounced',
  unsubscribed: 'Unsubscribed',
};

export function isLeadStatus(v: string | null): v is LeadStatus {
  return v !== null && (LEAD_STATUSES as readonly string[]).includes(v);
}
