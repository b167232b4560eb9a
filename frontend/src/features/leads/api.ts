/**
 * Lead finder ↔ backend (leads service). All generated-type usage for this feature lives here,
 * so a regenerated schema only needs fixes in this file.
 */
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components, paths } from '@/api/schema';

type S = components['schemas'];
export type FinderRead = S['FinderRead'];
export type FinderRequest = S['FinderRequest'];
export type SiteResultRead = S['SiteResultRead'];
export type JobRead = S['JobRead'];
export type JobsPage = S['Page_JobRead_'];
export type ImportReport = S['ImportReport'];
export type FinderProviders = S['FinderProviders'];
export type SearchProviderRead = S['SearchProviderRead'];
export type SearchProvider = SearchProviderRead['name'];
export type FinderOutcome = FinderRead['outcome'];
export type ListJobsParams = NonNullable<paths['/api/leads/jobs']['get']['parameters']['query']>;
type CsvUploadBody = S['Body_finder-start_finder_csv'];

/** The job type of finder jobs in the leads service's queue. */
export const FINDER_JOB_TYPE = 'find';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type SiteStatus = 'pending' | 'running' | 'done' | 'failed';

export function isJobActive(status: string): boolean {
  return status === 'queued' || status === 'running';
}

export function startFinder(body: FinderRequest): Promise<FinderRead> {
  return unwrap(api.POST('/api/leads/finder', { body }));
}

export function startFinderCsv(file: File, autoImport: boolean): Promise<FinderRead> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST('/api/leads/finder/csv', {
      params: { query: { auto_import: autoImport } },
      // openapi-fetch passes FormData through untouched (the browser sets the multipart boundary).
      body: form as unknown as CsvUploadBody,
    }),
  );
}

export function getFinderProviders(): Promise<FinderProviders> {
  return unwrap(api.GET('/api/leads/finder/providers'));
}

/** Crawl one site of a finished job again; the job is queued for it. */
export function retryFinderResult(jobId: number, resultId: number): Promise<FinderRead> {
  return unwrap(
    api.POST('/api/leads/finder/{job_id}/results/{result_id}/retry', { params: { path: { job_id: jobId, result_id: resultId } } }),
  );
}

/** The outcome a finished finder job reported in its result (older jobs have none). */
export function resultOutcome(job: JobRead): FinderOutcome | null {
  const value = job.result?.outcome;
  return typeof value === 'string' ? (value as FinderOutcome) : null;
}

export function getFinder(jobId: number): Promise<FinderRead> {
  return unwrap(api.GET('/api/leads/finder/{job_id}', { params: { path: { job_id: jobId } } }));
}

/** Import the given results (all when `resultIds` is undefined). */
export function importFinderResults(jobId: number, resultIds?: number[]): Promise<ImportReport> {
  return unwrap(
    api.POST('/api/leads/finder/{job_id}/import', {
      params: { path: { job_id: jobId } },
      body: resultIds ? { result_ids: resultIds } : {},
    }),
  );
}

export function listJobs(query: ListJobsParams): Promise<JobsPage> {
  return unwrap(api.GET('/api/leads/jobs', { params: { query } }));
}

export function cancelJob(jobId: number): Promise<JobRead> {
  return unwrap(api.POST('/api/leads/jobs/{job_id}/cancel', { params: { path: { job_id: jobId } } }));
}

export function retryJob(jobId: number): Promise<JobRead> {
  return unwrap(api.POST('/api/leads/jobs/{job_id}/retry', { params: { path: { job_id: jobId } } }));
}

// --- the extracted site record (typed loosely by the API: parse it defensively) -------------------

export type PersonRecord = { name: string; role: string | null; email: string | null; phone: string | null; source_url: string | null };
export type SiteRecord = {
  url: string | null;
  company_name: string | null;
  legal_form: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  emails: string[];
  phones: string[];
  fax: string | null;
  representatives: string[];
  persons: PersonRecord[];
  register_court: string | null;
  register_number: string | null;
  vat_id: string | null;
  industry: string | null;
  employees: string | null;
  language: string | null;
  social: Record<string, string>;
  evidence: Record<string, unknown>;
  pages: string[];
  errors: string[];
  rendered: boolean;
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((x): x is string => x !== null) : []);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function parseSiteRecord(raw: Record<string, unknown> | null | undefined): SiteRecord | null {
  if (!raw) return null;
  const social: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(raw.social))) {
    const s = str(v);
    if (s) social[k] = s;
  }
  const persons: PersonRecord[] = Array.isArray(raw.persons)
    ? raw.persons.flatMap((p) => {
        const o = obj(p);
        const name = str(o.name);
        return name ? [{ name, role: str(o.role), email: str(o.email), phone: str(o.phone), source_url: str(o.source_url) }] : [];
      })
    : [];
  return {
    url: str(raw.url),
    company_name: str(raw.company_name),
    legal_form: str(raw.legal_form),
    street: str(raw.street),
    postal_code: str(raw.postal_code),
    city: str(raw.city),
    country: str(raw.country),
    emails: strs(raw.emails),
    phones: strs(raw.phones),
    fax: str(raw.fax),
    representatives: strs(raw.representatives),
    persons,
    register_court: str(raw.register_court),
    register_number: str(raw.register_number),
    vat_id: str(raw.vat_id),
    industry: str(raw.industry),
    employees: str(raw.employees),
    language: str(raw.language),
    social,
    evidence: obj(raw.evidence),
    pages: strs(raw.pages),
    errors: strs(raw.errors),
    rendered: raw.rendered === true,
  };
}
