/** Builders for ai-service payloads (provider, enrichment, writing, usage) used by the feature tests. */

export function provider(over: Record<string, unknown> = {}) {
  return {
    provider: 'openai',
    model: 'gpt-4o-mini',
    is_ai: true,
    api: 'chat',
    output_mode: 'json_schema',
    concurrency: 4,
    max_input_tokens: 12000,
    ...over,
  };
}

export const RULES_PROVIDER = provider({ provider: 'heuristic', model: 'rules', is_ai: false });

export function aiMeta(over: Record<string, unknown> = {}) {
  return {
    provider: 'openai',
    model: 'gpt-4o-mini',
    generated_by: 'model',
    prompt_name: 'lead_profile',
    prompt_version: 1,
    prompt_tokens: 1200,
    completion_tokens: 300,
    cost: 0.00036,
    price_known: true,
    cached: false,
    attempts: 1,
    input_truncated: false,
    ...over,
  };
}

export function enrichResult(over: Record<string, unknown> = {}) {
  return {
    url: 'https://www.mueller-stb.de/',
    company_id: 1,
    profile: {
      summary: 'Tax advisory firm in Munich for small businesses and freelancers.',
      industry: 'Tax advisory',
      size_estimate: '11-50',
      products_services: ['Annual accounts', 'Payroll'],
      persons: [
        { name: 'Hans Müller', role: 'Geschäftsführer', email: 'hans@mueller-stb.de', phone: null, source_url: 'https://www.mueller-stb.de/impressum', source: 'crawl' },
        { name: 'Eva Schmidt', role: 'Steuerberaterin', email: null, phone: null, source_url: 'javascript:alert(1)', source: 'ai' },
      ],
      hook: 'Congratulations on 25 years in Munich.',
      language: 'de',
      generated_by: 'model',
    },
    facts: {},
    ai: aiMeta(),
    grounding: { dropped_emails: 2, dropped_phones: 0, dropped_persons: 0, stripped_links: 0, extractor_wins: [], dropped: ['ceo@mueller-stb.de', 'info@example.com'] },
    missing: ['size_estimate'],
    warnings: [],
    updated_fields: ['summary', 'industry'],
    contacts_created: 1,
    contacts_updated: 0,
    ...over,
  };
}

export function aiJob(over: Record<string, unknown> = {}) {
  return {
    id: 42,
    type: 'ai.enrich_batch',
    status: 'running',
    attempts: 1,
    max_attempts: 2,
    progress_done: 0,
    progress_total: 2,
    error: null,
    result: null,
    cancel_requested: false,
    created_at: '2024-05-01T08:30:00Z',
    updated_at: '2024-05-01T08:30:00Z',
    finished_at: null,
    ...over,
  };
}

export function emailResult(over: Record<string, unknown> = {}) {
  return {
    subject: 'Quick question',
    body: 'Hi {{first_name}},\n\nShort and sweet.',
    ai: aiMeta({ prompt_name: 'improve_email', prompt_tokens: 400, completion_tokens: 80, cost: 0.0001 }),
    stripped_links: 0,
    warnings: [],
    ...over,
  };
}

export function usage(over: Record<string, unknown> = {}) {
  return {
    day: '2024-05-01',
    mine: { principal: 'user:00000000-0000-4000-8000-000000000002', calls: 12, cached_calls: 3, prompt_tokens: 15000, completion_tokens: 2500, cost: 0.5 },
    budget_usd: 2,
    remaining_usd: 1.5,
    token_budget: null,
    remaining_tokens: null,
    resets_at: new Date(Date.now() + 5 * 3600_000).toISOString(),
    users: null,
    ...over,
  };
}
