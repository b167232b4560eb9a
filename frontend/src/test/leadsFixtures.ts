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
    error_summary: null,
    record: null,
    company_id: null,
    ...over,
  };
}

type FinderOver = {
  job?: Record<string, unknown>;
  results?: Array<{ status?: unknown }>;
  skipped?: unknown[];
  query?: string | null;
  outcome?: string;
  provider?: string | null;
  search_errors?: string[];
  attribution?: string | null;
};

/** A finder job; counts follow the results, and the outcome the job status (unless given). */
export function finder(over: FinderOver = {}) {
  const j = job(over.job);
  const results = over.results ?? [];
  const counts = { pending: 0, running: 0, done: 0, failed: 0 };
  for (const r of results) {
    const status = String(r.status ?? 'pending') as keyof typeof counts;
    if (status in counts) counts[status] += 1;
  }
  const byStatus: Record<string, string> = { queued: 'queued', running: 'running', succeeded: 'finished', failed: 'failed', cancelled: 'cancelled' };
  return {
    job: j,
    query: over.query ?? null,
    results,
    skipped: over.skipped ?? [],
    outcome: over.outcome ?? byStatus[String(j.status)] ?? 'running',
    counts,
    provider: over.provider ?? null,
    search_errors: over.search_errors ?? [],
    attribution: over.attribution ?? null,
  };
}

/** The search providers as GET /api/leads/finder/providers lists them; OpenStreetMap ready by default. */
export function providers(over: { default?: string | null; configured?: string[] } = {}) {
  const configured = new Set(over.configured ?? ['osm']);
  const all = [
    { name: 'osm', label: 'OpenStreetMap', key_required: false, missing: ['OUTBOUND_OSM_ENABLED'], attribution: '© OpenStreetMap contributors, ODbL (https://www.openstreetmap.org/copyright)' },
    { name: 'searxng', label: 'SearXNG', key_required: false, missing: ['OUTBOUND_SEARXNG_URL'] },
    { name: 'brave', label: 'Brave Search', key_required: true, missing: ['OUTBOUND_BRAVE_API_KEY'] },
    { name: 'serper', label: 'Serper', key_required: true, missing: ['OUTBOUND_SERPER_API_KEY'] },
    {
      name: 'google',
      label: 'Google Programmable Search',
      key_required: true,
      missing: ['OUTBOUND_GOOGLE_API_KEY', 'OUTBOUND_GOOGLE_CX'],
      notice: 'Google closed the Custom Search JSON API to new customers and ends its whole-web search on 1 January 2027.',
    },
  ];
  return {
    default: over.default === undefined ? (all.find((p) => configured.has(p.name))?.name ?? null) : over.default,
    providers: all.map((p) => ({
      notice: null,
      attribution: null,
      ...p,
      needs: `${p.label} needs ${p.missing.join(' and ')}.`,
      configured: configured.has(p.name),
      missing: configured.has(p.name) ? [] : p.missing,
    })),
  };
}

export const page = <T>(items: T[], total = items.length, limit = 25, offset = 0) => ({ items, total, limit, offset });
