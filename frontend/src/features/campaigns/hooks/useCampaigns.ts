import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDebouncedValue } from '@/lib/useDebouncedValue';
import {
  changeCampaignState,
  countInterested,
  countContacts,
  createCampaign,
  decideMessage,
  generateAiLines,
  getCampaign,
  getEligibility,
  getMessage,
  getStats,
  listAiLines,
  listCampaigns,
  listBookingPageOptions,
  listMailboxOptions,
  listMessages,
  listSavedFilters,
  listTemplateOptions,
  previewAudience,
  recordLegalBasis,
  searchCompanies,
  searchContacts,
  updateAiLine,
  updateCampaign,
  type AiLineUpdate,
  type AudienceFilter,
  type AudiencePreviewRequest,
  type CampaignCreate,
  type CampaignStatus,
  type LegalBasis,
  type MessageStatus,
  type StateAction,
} from '../api';

export const campaignKeys = {
  all: ['email', 'campaigns'] as const,
  list: ['email', 'campaigns', 'list'] as const,
  detail: (id: number) => ['email', 'campaigns', id] as const,
  eligibility: (id: number) => ['email', 'campaigns', id, 'eligibility'] as const,
  stats: (id: number) => ['email', 'campaigns', id, 'stats'] as const,
  aiLines: (id: number) => ['email', 'campaigns', id, 'ai-lines'] as const,
  messages: (id: number, status: MessageStatus | null, offset: number) => ['email', 'campaigns', id, 'messages', status, offset] as const,
};

const LIVE: CampaignStatus[] = ['running'];
/** How often a running campaign's numbers refresh. */
export const POLL_MS = 2000;

export function useCampaignList() {
  return useQuery({
    queryKey: campaignKeys.list,
    queryFn: listCampaigns,
    refetchInterval: (q) => (q.state.data?.items.some((c) => LIVE.includes(c.status)) ? POLL_MS * 2 : false),
  });
}

export function useCampaign(id: number) {
  return useQuery({
    queryKey: campaignKeys.detail(id),
    queryFn: () => getCampaign(id),
    enabled: id > 0,
    refetchInterval: (q) => (q.state.data && LIVE.includes(q.state.data.status) ? POLL_MS : false),
  });
}

export function useEligibility(id: number, enabled: boolean) {
  return useQuery({ queryKey: campaignKeys.eligibility(id), queryFn: () => getEligibility(id), enabled });
}

export function useCampaignStats(id: number, live: boolean) {
  return useQuery({
    queryKey: campaignKeys.stats(id),
    queryFn: () => getStats(id),
    retry: false,
    // A service without the stats route answers 404: stop asking.
    refetchInterval: (q) => (live && !q.state.error ? POLL_MS * 2 : false),
  });
}

export function useInterestedCount(id: number, live: boolean) {
  return useQuery({ queryKey: [...campaignKeys.stats(id), 'interested'], queryFn: () => countInterested(id), retry: false, refetchInterval: live ? POLL_MS * 2 : false });
}

/** While `waiting` (lines are being made), poll until some arrive. */
export function useAiLines(id: number, waiting = false) {
  return useQuery({
    queryKey: campaignKeys.aiLines(id),
    queryFn: () => listAiLines(id),
    retry: false,
    refetchInterval: (q) => (waiting && !q.state.data?.items.length ? POLL_MS : false),
  });
}

export function useGenerateAiLines(id: number) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => generateAiLines(id), onSuccess: () => void qc.invalidateQueries({ queryKey: campaignKeys.aiLines(id) }) });
}

export function useUpdateAiLine(campaignId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & AiLineUpdate) => updateAiLine(id, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: campaignKeys.aiLines(campaignId) }),
  });
}

export function useMessages(id: number, status: MessageStatus | null, offset: number, live: boolean) {
  return useQuery({
    queryKey: campaignKeys.messages(id, status, offset),
    queryFn: () => listMessages(id, status, 25, offset),
    placeholderData: keepPreviousData,
    refetchInterval: live ? POLL_MS * 2 : false,
  });
}

export function useMessage(id: number | null) {
  return useQuery({ queryKey: ['email', 'messages', id], queryFn: () => getMessage(id!), enabled: id !== null });
}

export function useDecideMessage(campaignId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: number; decision: 'resend' | 'discard' }) => decideMessage(id, decision),
    onSuccess: () => void qc.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) }),
  });
}

export function useCampaignState(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: StateAction) => changeCampaignState(id, action),
    onSuccess: () => void qc.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

export function useSaveCampaign(id: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignCreate) => (id ? updateCampaign(id, body) : createCampaign(body)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

export function useRecordLegalBasis(campaignId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, basis, source }: { contactId: number; basis: Exclude<LegalBasis, 'none'>; source: string }) => recordLegalBasis(contactId, basis, source),
    onSuccess: () => void qc.invalidateQueries({ queryKey: campaignKeys.eligibility(campaignId) }),
  });
}

export function useMailboxOptions() {
  return useQuery({ queryKey: ['email', 'mailboxes', 'options'], queryFn: listMailboxOptions });
}

export function useBookingPageOptions() {
  return useQuery({ queryKey: ['calendar', 'pages', 'options'], queryFn: listBookingPageOptions });
}

export function useTemplateOptions() {
  return useQuery({ queryKey: ['email', 'templates', 'options'], queryFn: listTemplateOptions });
}

/** Saved filters belong to leads; the contacts feature's "Save filter" invalidates this key. */
export function useSavedFilters(enabled: boolean) {
  return useQuery({ queryKey: ['saved-filters'], queryFn: listSavedFilters, enabled });
}

/** Who of an audience being built may be mailed now, and why the others not (null: nothing to ask yet). Asked
 * a moment after the audience stops changing, not on every keystroke. */
export function useAudiencePreview(body: AudiencePreviewRequest | null) {
  // Debounced as text: the body is a new object on every render.
  const settled = useDebouncedValue(body === null ? null : JSON.stringify(body), 300);
  return useQuery({
    queryKey: ['email', 'audience-preview', settled],
    queryFn: () => previewAudience(JSON.parse(settled ?? '{}') as AudiencePreviewRequest),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useAudienceCount(filter: AudienceFilter, enabled: boolean) {
  return useQuery({ queryKey: ['email', 'audience-count', filter], queryFn: () => countContacts(filter), enabled, placeholderData: keepPreviousData });
}

export function useContactSearch(text: string, enabled: boolean) {
  const q = useDebouncedValue(text.trim(), 250);
  return useQuery({ queryKey: ['email', 'contact-search', q], queryFn: () => searchContacts(q), enabled: enabled && q.length > 0, placeholderData: keepPreviousData });
}

export function useCompanySearch(text: string, enabled: boolean) {
  const q = useDebouncedValue(text.trim(), 250);
  return useQuery({ queryKey: ['email', 'company-search', q], queryFn: () => searchCompanies(q), enabled: enabled && q.length > 0, placeholderData: keepPreviousData });
}
