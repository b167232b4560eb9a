/**
 * Contacts feature ↔ backend (leads service). All generated-type usage for this feature lives
 * here, so a regenerated schema only needs fixes in this file.
 */
import { api } from '@/lib/api/client';
import { leadRecordApi } from '@/lib/api/leadRecords';
import { unwrap } from '@/lib/api/problem';
import type { components, paths } from '@/api/schema';

type S = components['schemas'];
export type ContactRead = S['ContactRead'];
export type ContactCreate = S['ContactCreate'];
export type ContactUpdate = S['ContactUpdate'];
export type ContactsPage = S['Page_ContactRead_'];
export type LegalBasis = S['LegalBasis'];
export type FormOfAddress = ContactRead['form_of_address'];
export type NoteRead = S['NoteRead'];
export type ActivityPage = S['Page_ActivityRead_'];
export type ListContactsParams = NonNullable<paths['/api/leads/contacts']['get']['parameters']['query']>;
export type ContactSort = NonNullable<ListContactsParams['sort']>;
export type ContactFilter = S['ContactFilter'];
export type SavedFilterRead = S['SavedFilterRead'];

export { isLeadStatus, LEAD_STATUSES, STATUS_LABELS, type LeadStatus } from '@/lib/leadStatus';
export const LEGAL_BASES: readonly LegalBasis[] = ['none', 'consent', 'existing_customer'];
export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  none: 'None recorded',
  consent: 'Consent',
  existing_customer: 'Existing customer',
};
/** Never guessed from a first name: unknown greets neutrally ("Guten Tag Dr. Klaus Bergmann,"). */
export const FORMS_OF_ADDRESS: readonly FormOfAddress[] = ['herr', 'frau', 'unknown'];
export const FORM_OF_ADDRESS_LABELS: Record<FormOfAddress, string> = { herr: 'Herr (Mr)', frau: 'Frau (Ms)', unknown: 'Unknown' };
/** Contacts have no city: the backend's shared sort list includes it, but the UI never offers it. */
export const CONTACT_SORTS: readonly ContactSort[] = ['name', '-name', 'created_at', '-created_at', 'updated_at', '-updated_at', 'status', '-status'];
export const DEFAULT_SORT: ContactSort = '-created_at';

export const isLegalBasis = (v: string | null): v is LegalBasis => v !== null && (LEGAL_BASES as readonly string[]).includes(v);
export const isContactSort = (v: string | null): v is ContactSort => v !== null && (CONTACT_SORTS as readonly string[]).includes(v);

export function listContacts(query: ListContactsParams): Promise<ContactsPage> {
  return unwrap(api.GET('/api/leads/contacts', { params: { query } }));
}

export function getContact(id: number): Promise<ContactRead> {
  return unwrap(api.GET('/api/leads/contacts/{contact_id}', { params: { path: { contact_id: id } } }));
}

export function createContact(body: ContactCreate): Promise<ContactRead> {
  return unwrap(api.POST('/api/leads/contacts', { body }));
}

export function updateContact(id: number, body: ContactUpdate): Promise<ContactRead> {
  return unwrap(api.PATCH('/api/leads/contacts/{contact_id}', { params: { path: { contact_id: id } }, body }));
}

export async function deleteContact(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/leads/contacts/{contact_id}', { params: { path: { contact_id: id } } }));
}

const records = leadRecordApi('contacts');
export const mergeContact = records.merge;
export const getTimeline = records.getTimeline;
export const listNotes = records.listNotes;
export const addNote = records.addNote;

/** Save the list's current filter under a name (a campaign can use it as its audience). */
export function createSavedFilter(name: string, filters: ContactFilter): Promise<SavedFilterRead> {
  return unwrap(api.POST('/api/leads/saved-filters', { body: { name, filters } }));
}

/** The saved filters (the campaign builder uses them as audiences; this list can open the ones it can show). */
export function listSavedFilters(): Promise<SavedFilterRead[]> {
  return unwrap(api.GET('/api/leads/saved-filters'));
}

/**
 * A saved filter as this list's URL parameters, or why the list cannot show it: the list filters by text, one
 * status and a legal basis; tags, companies and several statuses are the campaign builder's.
 */
export function listParamsOf(filters: ContactFilter): { params: Record<string, string | null> } | { reason: string } {
  const statuses = filters.statuses ?? [];
  if (filters.tags?.length || filters.company_ids?.length || statuses.length > 1)
    return { reason: 'uses tags, companies or several statuses: open it in the campaign builder' };
  return { params: { q: filters.q ?? null, status: statuses[0] ?? null, legal_basis: filters.legal_basis ?? null, offset: null } };
}

/** The list's filter as a saved filter's criteria (one status becomes a list of one). */
export function filterOf(params: ListContactsParams): ContactFilter {
  return {
    ...(params.q ? { q: params.q } : {}),
    ...(params.status ? { statuses: [params.status] } : {}),
    ...(params.tag ? { tags: [params.tag] } : {}),
    ...(params.company_id ? { company_ids: [params.company_id] } : {}),
    ...(params.legal_basis ? { legal_basis: params.legal_basis } : {}),
  };
}
