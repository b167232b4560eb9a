/**
 * Campaigns ↔ the e-mail service, plus what the builder reads from elsewhere (contacts for the
 * audience, templates, mailboxes). Shapes follow the pinned interfaces and the service's
 * schemas; until the routes are in the generated schema they are typed here.
 */
import { api } from '@/lib/api/client';
import { pendingCall } from '@/lib/api/pending';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/api/schema';

type S = components['schemas'];
export type ContactRead = S['ContactRead'];
export type CompanyRead = S['CompanyRead'];
export type LeadStatus = S['LeadStatus'];
export type LegalBasis = S['LegalBasis'];

export type CampaignStatus = 'draft' | 'running' | 'paused' | 'stopped' | 'finished';
export type SendWindow = { weekdays: number[]; start: string; end: string };
export type StepIn = { template_id: number; delay_days: number; business_days?: boolean };
export type StepRead = { position: number; template_id: number; delay_days: number; business_days: boolean };
export type Progress = { total: number; pending: number; sent: number; failed: number; unknown: number; bounced: number; replied: number; unsubscribed: number };

export type CampaignRead = {
  id: number;
  name: string;
  status: CampaignStatus;
  mailbox_ids: number[];
  steps: StepRead[];
  send_window: SendWindow | null;
  track_opens: boolean;
  track_clicks: boolean;
  progress: Progress;
  created_at: string;
  started_at?: string | null;
  prepared_at?: string | null;
};
export type CampaignDetail = CampaignRead & { contact_ids: number[] };
export type CampaignCreate = {
  name: string;
  mailbox_ids: number[];
  contact_ids: number[];
  steps: StepIn[];
  send_window: SendWindow | null;
  track_opens: boolean;
  track_clicks: boolean;
};
export type StateAction = 'start' | 'pause' | 'resume' | 'stop';

export type ExclusionReason = 'no_email' | 'invalid_email' | 'suppressed' | 'unsubscribed' | 'legal_basis' | 'duplicate' | 'contact_missing' | 'stopped';
export type Exclusion = { contact_id: number; name: string | null; email: string | null; reason: ExclusionReason; detail: string };
export type LintItem = { contact_id: number; step: number; empty_variables: string[] };
export type Eligibility = { total: number; eligible: number; excluded: Exclusion[]; lint: LintItem[] };

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'unknown' | 'bounced' | 'replied';
export type MessageItem = {
  id: number;
  campaign_id: number | null;
  contact_id: number | null;
  step: number | null;
  to: string;
  subject: string;
  status: MessageStatus;
  message_id: string | null;
  sent_at: string | null;
  attempts?: number;
  error?: string | null;
  resolution?: string | null;
};

export type Funnel = { sent: number; opened: number; clicked: number; replied: number; interested: number; bounced: number; unsubscribed: number };
export type SeriesPoint = { day: string } & Partial<Funnel>;
export type CampaignStats = { funnel: Funnel; series: SeriesPoint[] };

export type AiLineStatus = 'proposed' | 'accepted' | 'edited' | 'rejected';
export type AiLine = {
  id: number;
  contact_id: number;
  contact_name?: string | null;
  step: number;
  line: string;
  source_url: string | null;
  snippet: string | null;
  provider: string | null;
  status: AiLineStatus;
};

export type Page<T> = { items: T[]; total: number };
export type MailboxOption = { id: number; name: string; from_email: string; kind?: string; paused_reason?: string | null };
export type TemplateOption = { id: number; name: string; subject: string };

export const STATUS_LABELS: Record<CampaignStatus, string> = { draft: 'Draft', running: 'Running', paused: 'Paused', stopped: 'Stopped', finished: 'Finished' };
export const EXCLUSION_LABELS: Record<ExclusionReason, string> = {
  no_email: 'No e-mail address',
  invalid_email: 'Invalid address',
  suppressed: 'Suppressed',
  unsubscribed: 'Unsubscribed',
  legal_basis: 'No legal basis',
  duplicate: 'Duplicate address',
  contact_missing: 'Contact deleted',
  stopped: 'Sequence stopped',
};
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const LEAD_STATUSES: LeadStatus[] = ['new', 'enriched', 'contacted', 'replied', 'meeting', 'won', 'lost'];

const path = (id: number) => ({ params: { path: { campaign_id: id } } });

export function listCampaigns(): Promise<Page<CampaignRead>> {
  return pendingCall('GET', '/api/email/campaigns', { params: { query: { limit: 200, offset: 0 } } });
}
export function getCampaign(id: number): Promise<CampaignDetail> {
  return pendingCall('GET', '/api/email/campaigns/{campaign_id}', path(id));
}
export function createCampaign(body: CampaignCreate): Promise<CampaignDetail> {
  return pendingCall('POST', '/api/email/campaigns', { body });
}
export function updateCampaign(id: number, body: Partial<CampaignCreate>): Promise<CampaignDetail> {
  return pendingCall('PATCH', '/api/email/campaigns/{campaign_id}', { ...path(id), body });
}
export function changeCampaignState(id: number, action: StateAction): Promise<{ id: number; status: CampaignStatus }> {
  return pendingCall('POST', `/api/email/campaigns/{campaign_id}/${action}`, path(id));
}
export function getEligibility(id: number): Promise<Eligibility> {
  return pendingCall('GET', '/api/email/campaigns/{campaign_id}/eligibility', path(id));
}
export function getStats(id: number): Promise<CampaignStats> {
  return pendingCall('GET', '/api/email/campaigns/{campaign_id}/stats', path(id));
}
export function listAiLines(id: number): Promise<Page<AiLine>> {
  return pendingCall('GET', '/api/email/campaigns/{campaign_id}/ai-lines', path(id));
}
export function updateAiLine(lineId: number, body: { line?: string; status: AiLineStatus }): Promise<AiLine> {
  return pendingCall('PATCH', '/api/email/ai-lines/{line_id}', { params: { path: { line_id: lineId } }, body });
}
export function listMessages(campaignId: number, status: MessageStatus | null, limit: number, offset: number): Promise<Page<MessageItem>> {
  return pendingCall('GET', '/api/email/messages', { params: { query: { campaign_id: campaignId, limit, offset, ...(status ? { status } : {}) } } });
}
/** An admin's decision about a message whose outcome is unknown (or that failed). */
export function decideMessage(messageId: number, decision: 'resend' | 'discard'): Promise<MessageItem> {
  return pendingCall('POST', `/api/email/messages/{message_id}/${decision}`, { params: { path: { message_id: messageId } } });
}
export async function listMailboxOptions(): Promise<MailboxOption[]> {
  return (await pendingCall<Page<MailboxOption>>('GET', '/api/email/mailboxes')).items;
}
export async function listTemplateOptions(): Promise<TemplateOption[]> {
  return (await pendingCall<Page<TemplateOption>>('GET', '/api/email/templates', { params: { query: { limit: 200, offset: 0 } } })).items;
}

// ---- the audience, from the leads service

export type AudienceFilter = { tag: string | null; status: LeadStatus | null; company_id: number | null };

function filterQuery(f: AudienceFilter) {
  return { ...(f.tag ? { tag: f.tag } : {}), ...(f.status ? { status: f.status } : {}), ...(f.company_id ? { company_id: f.company_id } : {}) };
}

/** How many contacts the filter picks (the live count). */
export async function countContacts(f: AudienceFilter): Promise<number> {
  const page = await unwrap(api.GET('/api/leads/contacts', { params: { query: { limit: 1, offset: 0, ...filterQuery(f) } } }));
  return page.total;
}

const PAGE = 500;
/** Every contact id the filter picks, page by page. */
export async function contactIdsFor(f: AudienceFilter): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await unwrap(api.GET('/api/leads/contacts', { params: { query: { limit: PAGE, offset, sort: 'created_at', ...filterQuery(f) } } }));
    ids.push(...page.items.map((c) => c.id));
    if (page.items.length < PAGE || ids.length >= page.total) return ids;
  }
}

export async function searchContacts(q: string): Promise<ContactRead[]> {
  return (await unwrap(api.GET('/api/leads/contacts', { params: { query: { q, limit: 8, offset: 0, sort: 'name' } } }))).items;
}
export async function searchCompanies(q: string): Promise<CompanyRead[]> {
  return (await unwrap(api.GET('/api/leads/companies', { params: { query: { q, limit: 8, offset: 0, sort: 'name' } } }))).items;
}

/** An admin records the legal basis from the eligibility list (the contact lives in leads). */
export function recordLegalBasis(contactId: number, basis: Exclude<LegalBasis, 'none'>, source: string): Promise<ContactRead> {
  return unwrap(
    api.PATCH('/api/leads/contacts/{contact_id}', { params: { path: { contact_id: contactId } }, body: { legal_basis: basis, legal_basis_source: source } }),
  );
}
