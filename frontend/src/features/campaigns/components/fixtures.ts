import type { CampaignDetail, Progress } from '../api';

export const progress = (over: Partial<Progress> = {}): Progress => ({ total: 2, pending: 2, sent: 0, failed: 0, unknown: 0, bounced: 0, replied: 0, unsubscribed: 0, contacts: 2, excluded: 0, ...over });

export function campaign(over: Partial<CampaignDetail> = {}): CampaignDetail {
  return {
    id: 3,
    name: 'Tax advisors Munich',
    status: 'draft',
    mailbox_ids: [1],
    steps: [
      { position: 1, template_id: 4, delay_days: 0, business_days: false, ai_line: false, weight: 1 },
      { position: 2, template_id: 4, delay_days: 3, business_days: true, ai_line: false, weight: 1 },
    ],
    send_window: null,
    track_opens: false,
    track_clicks: false,
    progress: progress(),
    created_by: null,
    created_at: '2026-01-01T10:00:00Z',
    updated_at: '2026-01-01T10:00:00Z',
    started_at: null,
    paused_at: null,
    stopped_at: null,
    finished_at: null,
    prepared_at: null,
    contact_ids: [5, 6],
    ...over,
  };
}
