/**
 * Campaigns ↔ the e-mail service, plus what the builder reads from elsewhere (contacts for the
 * audience, templates, mailboxes). Shapes follow the pinned interfaces and the service's
 * schemas; until the routes are in the generated schema they are typed here.
 */
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/api/schema';

type S = components['schemas'];
export type ContactRead = S['ContactRead'];
export type CompanyRead = S['CompanyRead'];
export type LeadStatus = S['LeadStatus'];
export type LegalBasis = S['LegalBasis'];

export type CampaignRead = S['CampaignRead'];
export type CampaignDetail = S['CampaignDetail'];
export type CampaignCreate = S['CampaignCreate'];
export type SavedFilter = S['SavedFilterRead'];
export type AudiencePreview = S['AudiencePreview'];
export type AudiencePreviewRequest = S['AudiencePreviewRequest'];
export type CampaignStatus = CampaignRead['status'];
export type SendWindow = S['SendWindowIn'];
/** A window with the service's defaults filled in (Monday–Friday, 08:00–17:00). */
export type FullWindow = Required<SendWindow>;
export const fullWindow = (w: SendWindow | null | undefined): FullWindow => ({ weekdays: w?.weekdays ?? [0, 1, 2, 3, 4], start: w?.start ?? '08:00', end: w?.end ?? '17:00' });
export type StepIn = S['StepIn'];
export type StepRead = S['StepRead'];
export type Progress = S['Progress'];
export type StateAction = 'start' | 'pause' | 'resume' | 'stop';
export type Eligibility = S['EligibilityRead'];
export type Exclusion = S['Exclusion'];
export type LintItem = S['LintItem'];
export type MessageItem = S['MessageItem'];
export type MessageStatus = MessageItem['status'];
export type MessageRead = S['MessageRead'];

export type Funnel = S['Funnel'];
export type SeriesPoint = S['StatsDay'];
export type CampaignStats = S['CampaignStats'];
/** One text (A, B, C, D) of an A/B-tested step and its funnel. */
export type VariantStats = S['VariantStats'];

export type AiLine = S['AiLineRead'];
export type AiLineStatus = AiLine['status'];
export type AiLineUpdate = S['AiLineUpdate'];

export type Page<T> = { items: T[]; total: number };
export type MailboxOption = Pick<S['MailboxRead'], 'id' | 'name' | 'from_email' | 'kind' | 'paused_reason'>;
export type TemplateOption = Pick<S['TemplateRead'], 'id' | 'name' | 'subject'>;
/** A calendar booking page a campaign can offer: each lead's {{ booking_url }} is their personal link to it. */
export type BookingPageOption = Pick<S['PageRead'], 'id' | 'title' | 'host_name' | 'duration_minutes'>;

export const STATUS_LABELS: Record<CampaignStatus, string> = { draft: 'Draft', running: 'Running', paused: 'Paused', stopped: 'Stopped', finished: 'Finished' };
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export { LEAD_STATUSES } from '@/lib/leadStatus';

const path = (id: number) => ({ params: { path: { campaign_id: id } } });

export function listCampaigns(): Promise<S['CampaignPage']> {
  return unwrap(api.GET('/api/email/campaigns', { params: { query: { limit: 200, offset: 0 } } }));
}
export function getCampaign(id: number): Promise<CampaignDetail> {
  return unwrap(api.GET('/api/email/campaigns/{campaign_id}', path(id)));
}
export function createCampaign(body: CampaignCreate): Promise<CampaignDetail> {
  return unwrap(api.POST('/api/email/campaigns', { body }));
}
export function updateCampaign(id: number, body: S['CampaignUpdate']): Promise<CampaignDetail> {
  return unwrap(api.PATCH('/api/email/campaigns/{campaign_id}', { ...path(id), body }));
}
export function changeCampaignState(id: number, action: StateAction): Promise<S['CampaignState']> {
  switch (action) {
    case 'start':
      return unwrap(api.POST('/api/email/campaigns/{campaign_id}/start', path(id)));
    case 'pause':
      return unwrap(api.POST('/api/email/campaigns/{campaign_id}/pause', path(id)));
    case 'resume':
      return unwrap(api.POST('/api/email/campaigns/{campaign_id}/resume', path(id)));
    case 'stop':
      return unwrap(api.POST('/api/email/campaigns/{campaign_id}/stop', path(id)));
  }
}
export function getEligibility(id: number): Promise<Eligibility> {
  return unwrap(api.GET('/api/email/campaigns/{campaign_id}/eligibility', path(id)));
}
export function listMessages(campaignId: number, status: MessageStatus | null, limit: number, offset: number): Promise<S['MessagePage']> {
  return unwrap(api.GET('/api/email/messages', { params: { query: { campaign_id: campaignId, limit, offset, ...(status ? { status } : {}) } } }));
}
export function getMessage(id: number): Promise<MessageRead> {
  return unwrap(api.GET('/api/email/messages/{message_id}', { params: { path: { message_id: id } } }));
}
/** An admin's decision about a message whose outcome is unknown (or that failed). */
export function decideMessage(messageId: number, decision: 'resend' | 'discard'): Promise<MessageItem> {
  const p = { params: { path: { message_id: messageId } } };
  return decision === 'resend' ? unwrap(api.POST('/api/email/messages/{message_id}/resend', p)) : unwrap(api.POST('/api/email/messages/{message_id}/discard', p));
}
export async function listMailboxOptions(): Promise<MailboxOption[]> {
  return unwrap(api.GET('/api/email/mailboxes'));
}
export async function listBookingPageOptions(): Promise<BookingPageOption[]> {
  return unwrap(api.GET('/api/calendar/pages'));
}
export async function listTemplateOptions(): Promise<TemplateOption[]> {
  return (await unwrap(api.GET('/api/email/templates', { params: { query: { limit: 200, offset: 0 } } }))).items;
}

// Not in the e-mail service's API yet: typed here, and the campaign page copes with a 404 (the
// funnel falls back to the ledger's counts and the interested replies).
export function getStats(id: number): Promise<CampaignStats> {
  return unwrap(api.GET('/api/email/campaigns/{campaign_id}/stats', path(id)));
}
export function listAiLines(id: number): Promise<S['Page_AiLineRead_']> {
  return unwrap(api.GET('/api/email/campaigns/{campaign_id}/ai-lines', { ...path(id), params: { ...path(id).params, query: { limit: 500, offset: 0 } } }));
}
/** Make the missing AI lines of a draft now (a job in the e-mail service). */
export function generateAiLines(id: number): Promise<S['AiLinesStarted']> {
  return unwrap(api.POST('/api/email/campaigns/{campaign_id}/ai-lines', path(id)));
}
/** Edit a line (`line`), or accept / reject it (`status`). */
export function updateAiLine(lineId: number, body: AiLineUpdate): Promise<AiLine> {
  return unwrap(api.PATCH('/api/email/ai-lines/{line_id}', { params: { path: { line_id: lineId } }, body }));
}
/** How many replies of a campaign were classified as interested (the funnel's "interested"). */
export async function countInterested(campaignId: number): Promise<number> {
  return (await unwrap(api.GET('/api/email/replies', { params: { query: { campaign_id: campaignId, category: 'interested', kind: 'reply', limit: 1, offset: 0 } } }))).total;
}

// ---- the audience, from the leads service

export type AudienceFilter = { tag: string | null; status: LeadStatus | null; company_id: number | null };

/** The builder's tag/status/company filter as the e-mail service's audience criteria (for its eligibility preview). */
export function audienceOf(f: AudienceFilter): NonNullable<AudiencePreviewRequest['audience']> {
  return { ...(f.tag ? { tags: [f.tag] } : {}), ...(f.status ? { statuses: [f.status] } : {}), ...(f.company_id ? { company_ids: [f.company_id] } : {}) };
}

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

/** The contact filters saved in leads (the contacts list's "Save filter"). */
export function listSavedFilters(): Promise<SavedFilter[]> {
  return unwrap(api.GET('/api/leads/saved-filters'));
}
/** The live count of an audience: total, how many may be mailed, and how many are excluded for each reason. */
export function previewAudience(body: S['AudiencePreviewRequest']): Promise<AudiencePreview> {
  return unwrap(api.POST('/api/email/campaigns/audience-preview', { body }));
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
