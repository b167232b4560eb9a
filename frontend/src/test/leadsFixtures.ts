/** Builders for leads-service payloads (companies, contacts, finder jobs) used by the feature tests. */

export const T0 = '2024-05-01T08:30:00Z';

export function company(over: Record<string, unknown> = {}) {
  return {
    id: 1,
    domain: 'mueller-stb.de',
    name: 'Müller Steuerberatung GmbH',
    website: 'https://www.mueller-stb.de/',
    legal_form: 'GmbH',
    street: 'Hauptstraße 1',
    postal_code: '80331',
    city: 'München',
    country: 'DE',
    emails: ['info@mueller-stb.de'],
    phones: ['+49 89 123456'],
    fax: null,
    register_court: 'Amtsgericht München',
    register_number: 'HRB 12345',
    vat_id: 'DE123456789',
    industry: null,
    employees: null,
    language: 'de',
    social: {},
    summary: null,
    evidence: {},
    status: 'new',
    source: 'crawl',
    tags: ['tax'],
    contact_count: 1,
    created_at: T0,
    updated_at: T0,
    crawled_at: T0,
    enriched_at: null,
    ...over,
  };
}

export function contact(over: Record<string, unknown> = {}) {
  return {
    id: 5,
    company_id: 1,
    company_name: 'Müller Steuerberatung GmbH',
    name: 'Hans Müller',
    role: 'Geschäftsführer',
    email: 'hans@mueller-stb.de',
    phone: null,
    linkedin: null,
    country: 'DE',
    status: 'new',
    source: 'crawl',
    evidence: {},
    legal_basis: 'none',
    legal_basis_source: null,
    legal_basis_at: null,
    tags: [],
    created_at: T0,
    updated_at: T0,
    ...over,
  };
}

export function job(over: Record<string, unknown> = {}) {
  return {
    id: 7,
    type: 'find',
    status: 'running',
    attempts: 1,
    max_attempts: 3,
    progress_done: 0,
    progress_total: 3,
    error: null,
    result: null,
    cancel_requested: false,
    ...over,
  };
}

export function record(over: Record<string, unknown> = {}) {
  return {
    url: 'https://www.mueller-stb.de/',
    company_name: 'Müller Steuerberatung GmbH',
    legal_form: 'GmbH',
    street: 'Hauptstraße 1',
    postal_code: '80331',
    city: 'München',
    country: 'DE',
    emails: ['info@mueller-stb.de', 'kanzlei@mueller-stb.de'],
    phones: ['+49 89 123456'],
    fax: null,
    representatives: ['Hans Müller'],
    persons: [],
    register_court: 'Amtsgericht München',
    register_number: 'HRB 12345',
    vat_id: null,
    industry: null,
    employees: null,
    language: 'de',
    social: {},
    evidence: { city: { url: 'https://www.mueller-stb.de/impressum', snippet: '80331 München' } },
    pages: ['https://www.mueller-stb.de/', 'https://www.mueller-stb.de/impressum'],
    errors: [],
    rendered: false,
    ...over,
  };
}

export function site(over: Record<string, unknown> = {}) {
  return {
    id: 11,
    position: 0,
    url: 'https://www.mueller-stb.de/',
    domain: 'mueller-stb.de',
    title: null,
    status: 'pending',
    error: null,
    record: null,
    company_id: null,
    ...over,
  };
}

export function finder(over: { job?: Record<string, unknown>; results?: unknown[]; skipped?: unknown[]; query?: string | null } = {}) {
  return { job: job(over.job), query: over.query ?? null, results: over.results ?? [], skipped: over.skipped ?? [] };
}

export const page = <T>(items: T[], total = items.length, limit = 25, offset = 0) => ({ items, total, limit, offset });
