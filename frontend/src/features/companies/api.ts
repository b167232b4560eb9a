/**
 * Companies feature ↔ backend (leads service). All generated-type usage for this feature lives
 * here, so a regenerated schema only needs fixes in this file.
 */
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { leadRecordApi } from '@/lib/api/leadRecords';
import { filenameFrom } from '@/lib/download';
import type { components, paths } from '@/api/schema';

type S = components['schemas'];
export type CompanyRead = S['CompanyRead'];
export type CompanyCreate = S['CompanyCreate'];
export type CompanyUpdate = S['CompanyUpdate'];
export type CompaniesPage = S['Page_CompanyRead_'];
export type NoteRead = S['NoteRead'];
export type ActivityRead = S['ActivityRead'];
export type ActivityPage = S['Page_ActivityRead_'];
export type ImportReport = S['ImportReport'];
export type ImportStarted = S['ImportStarted'];
export type ImportJob = S['JobRead'];
export type ContactRead = S['ContactRead'];
export type ContactCreate = S['ContactCreate'];
export type ContactsPage = S['Page_ContactRead_'];
export type LegalBasis = S['LegalBasis'];
export type ListCompaniesParams = NonNullable<paths['/api/leads/companies']['get']['parameters']['query']>;
export type CompanySort = NonNullable<ListCompaniesParams['sort']>;
export type ExportParams = NonNullable<paths['/api/leads/companies/export.csv']['get']['parameters']['query']>;
export type Delimiter = NonNullable<ExportParams['delimiter']>;
type ImportBody = S['Body_companies-import_companies'];

export { isLeadStatus, LEAD_STATUSES, STATUS_LABELS, type LeadStatus } from '@/lib/leadStatus';
export const COMPANY_SORTS: readonly CompanySort[] = [
  'name', '-name', 'created_at', '-created_at', 'updated_at', '-updated_at', 'city', '-city', 'status', '-status',
];
export const DEFAULT_SORT: CompanySort = '-created_at';

export function isCompanySort(v: string | null): v is CompanySort {
  return v !== null && (COMPANY_SORTS as readonly string[]).includes(v);
}

// --- companies ------------------------------------------------------------------------------------

export function listCompanies(query: ListCompaniesParams): Promise<CompaniesPage> {
  return unwrap(api.GET('/api/leads/companies', { params: { query } }));
}

export function getCompany(id: number): Promise<CompanyRead> {
  return unwrap(api.GET('/api/leads/companies/{company_id}', { params: { path: { company_id: id } } }));
}

export function createCompany(body: CompanyCreate): Promise<CompanyRead> {
  return unwrap(api.POST('/api/leads/companies', { body }));
}

export function updateCompany(id: number, body: CompanyUpdate): Promise<CompanyRead> {
  return unwrap(api.PATCH('/api/leads/companies/{company_id}', { params: { path: { company_id: id } }, body }));
}

export async function deleteCompany(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/leads/companies/{company_id}', { params: { path: { company_id: id } } }));
}

export function getDuplicates(id: number): Promise<CompanyRead[]> {
  return unwrap(api.GET('/api/leads/companies/{company_id}/duplicates', { params: { path: { company_id: id } } }));
}

const records = leadRecordApi('companies');
export const mergeCompany = records.merge;
export const getTimeline = records.getTimeline;
export const listNotes = records.listNotes;
export const addNote = records.addNote;

/** Download the companies CSV through the authenticated client (the token is not a cookie). */
export async function exportCompaniesCsv(query: ExportParams): Promise<{ blob: Blob; filename: string }> {
  const call = api.GET('/api/leads/companies/export.csv', { params: { query }, parseAs: 'blob' });
  const blob = (await unwrap(call)) as unknown as Blob;
  const { response } = await call;
  return { blob, filename: filenameFrom(response.headers.get('content-disposition'), 'companies.csv') };
}

/** Starts the import as a job (committed in batches); follow it with getImportJob, its result is the report. */
export function importCompaniesCsv(file: File): Promise<ImportStarted> {
  const form = new FormData();
  form.append('file', file, file.name);
  // openapi-fetch passes FormData through untouched (the browser sets the multipart boundary).
  return unwrap(api.POST('/api/leads/companies/import', { body: form as unknown as ImportBody }));
}

export function getImportJob(jobId: number): Promise<ImportJob> {
  return unwrap(api.GET('/api/leads/jobs/{job_id}', { params: { path: { job_id: jobId } } }));
}

export function cancelImportJob(jobId: number): Promise<ImportJob> {
  return unwrap(api.POST('/api/leads/jobs/{job_id}/cancel', { params: { path: { job_id: jobId } } }));
}

/** The report a finished (or partly finished) import job carries in its result. */
export function importReportOf(job: ImportJob | undefined): ImportReport | null {
  const r = job?.result as Partial<ImportReport> | null | undefined;
  if (!r || typeof r.created !== 'number') return null;
  return { created: r.created, updated: r.updated ?? 0, skipped: r.skipped ?? 0, company_ids: r.company_ids ?? [],
    companies: r.companies ?? [], errors: r.errors ?? [] };
}

// --- the company's contacts (contacts have their own feature; this is the company page's view) -----

export function listCompanyContacts(companyId: number): Promise<ContactsPage> {
  return unwrap(api.GET('/api/leads/contacts', { params: { query: { company_id: companyId, limit: 100, offset: 0, sort: 'name' } } }));
}

export function createContact(body: ContactCreate): Promise<ContactRead> {
  return unwrap(api.POST('/api/leads/contacts', { body }));
}

// --- AI enrichment (ai service; its answers are model output: render them as text) ---------------

export type CompanyEnrichResult = S['CompanyEnrichResult'];
export type AiMeta = S['AIMeta'];
export type AiPerson = S['PersonRead'];
export type AiJob = S['JobRead'];
export type AiProvider = S['ProviderRead'];

export function getAiProvider(): Promise<AiProvider> {
  return unwrap(api.GET('/api/ai/provider'));
}

/** The company's latest stored enrichment, or null when it was never enriched (the API answers 204). */
export async function getLastProfile(id: number): Promise<CompanyEnrichResult | null> {
  const profile = await unwrap(api.GET('/api/ai/enrich/company/{company_id}', { params: { path: { company_id: id } } }));
  return profile ?? null;
}

/** Crawl the company's website, profile it and write the result into the company and its contacts. */
export function enrichCompany(id: number): Promise<CompanyEnrichResult> {
  return unwrap(api.POST('/api/ai/enrich/company/{company_id}', { params: { path: { company_id: id } } }));
}

export async function startEnrichBatch(companyIds: number[]): Promise<AiJob> {
  const { job } = await unwrap(api.POST('/api/ai/enrich/batch', { body: { company_ids: companyIds } }));
  return job;
}

export function getAiJob(jobId: number): Promise<AiJob> {
  return unwrap(api.GET('/api/ai/jobs/{job_id}', { params: { path: { job_id: jobId } } }));
}

export function cancelAiJob(jobId: number): Promise<AiJob> {
  return unwrap(api.POST('/api/ai/jobs/{job_id}/cancel', { params: { path: { job_id: jobId } } }));
}

export function isJobActive(status: string): boolean {
  return status === 'queued' || status === 'running';
}

/** One company's line in a batch job's result. */
export type BatchItem = { companyId: number; status: 'enriched' | 'failed' | 'skipped' | string; error: string | null };
export type BatchSummary = { enriched: number; failed: number; skipped: number; items: BatchItem[] };

/** The batch job's `result` ({enriched, failed, skipped, items}), typed loosely by the API: parse it defensively. */
export function parseBatchResult(result: Record<string, unknown> | null | undefined): BatchSummary | null {
  if (!result || typeof result !== 'object') return null;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const items: BatchItem[] = [];
  if (Array.isArray(result.items)) {
    for (const raw of result.items) {
      if (!raw || typeof raw !== 'object') continue;
      const r = raw as Record<string, unknown>;
      if (typeof r.company_id !== 'number') continue;
      items.push({ companyId: r.company_id, status: typeof r.status === 'string' ? r.status : 'unknown', error: typeof r.error === 'string' ? r.error : null });
    }
  }
  return { enriched: num(result.enriched), failed: num(result.failed), skipped: num(result.skipped), items };
}
