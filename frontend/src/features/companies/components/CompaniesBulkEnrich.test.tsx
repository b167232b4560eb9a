import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aiJob } from '@/test/aiFixtures';
import { company, page } from '@/test/leadsFixtures';
import { DEMO, json, mockApi, problem, SALES, signedIn } from '@/test/mockApi';
import { renderApp } from '@/test/render';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const acme = company({ id: 2, name: 'Acme Corp', domain: 'acme.com' });
const companies = [company(), acme];

const finished = aiJob({
  status: 'succeeded',
  progress_done: 2,
  progress_total: 2,
  result: {
    enriched: 1,
    failed: 1,
    skipped: 0,
    resumed_from: 0,
    items: [
      { company_id: 1, status: 'enriched', updated_fields: ['summary'], contacts_created: 0, cost: 0.0003, cached: false, missing: [] },
      { company_id: 2, status: 'failed', error: 'Could not read https://acme.com/: connect timeout.' },
    ],
  },
});

describe('Companies list → bulk enrich', () => {
  it('enriches the selected companies, polls the job until done, then refreshes the list and lists failures', async () => {
    const states = [aiJob({ progress_done: 1 }), finished];
    let polls = 0;
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/leads/companies': () => json(200, page(companies)),
        'POST /api/ai/enrich/batch': () => json(202, { job: aiJob({ status: 'queued' }) }),
        'GET /api/ai/jobs/42': () => json(200, states[Math.min(polls++, states.length - 1)]),
      }),
    );
    const user = userEvent.setup();
    renderApp('/companies');
    const table = await screen.findByRole('table', { name: 'Companies' });
    await within(table).findByText('Acme Corp');
    const enrich = screen.getByRole('button', { name: 'Enrich selected' });
    expect(enrich).toBeDisabled();

    await user.click(within(table).getByRole('checkbox', { name: 'Select all companies on this page' }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(within(table).getByRole('checkbox', { name: 'Select Müller Steuerberatung GmbH' }));
    await user.click(within(table).getByRole('checkbox', { name: 'Select Müller Steuerberatung GmbH' }));
    await user.click(enrich);

    const post = await waitFor(() => server.calls.find((c) => c.method === 'POST' && c.path === '/api/ai/enrich/batch')!);
    expect(await post.request.json()).toEqual({ company_ids: [2, 1] });

    const panel = await screen.findByRole('region', { name: 'AI enrichment' });
    expect(within(panel).getByRole('heading', { name: 'Enriching 2 companies with AI' })).toBeInTheDocument();
    await waitFor(() => expect(within(panel).getByTestId('enrich-progress')).toHaveTextContent('1 / 2 · 50%'));
    expect(within(panel).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
    expect(within(panel).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    const listLoads = server.count('GET /api/leads/companies');

    await waitFor(() => expect(within(panel).getByTestId('enrich-progress')).toHaveTextContent('2 / 2 · 100%'), { timeout: 4000 });
    expect(within(panel).getByText('Finished')).toBeInTheDocument();
    expect(within(panel).getByTestId('enrich-summary')).toHaveTextContent('1 enriched · 1 failed');
    const failures = within(panel).getByRole('list', { name: 'Companies not enriched' });
    expect(within(failures).getByRole('link', { name: 'Acme Corp' })).toHaveAttribute('href', '/companies/2');
    expect(within(failures).getByText(/connect timeout/)).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();

    // The list was refreshed, and polling stopped.
    await waitFor(() => expect(server.count('GET /api/leads/companies')).toBeGreaterThan(listLoads));
    const n = server.count('GET /api/ai/jobs/42');
    await sleep(1500);
    expect(server.count('GET /api/ai/jobs/42')).toBe(n);

    await user.click(within(panel).getByRole('button', { name: 'Dismiss enrichment report' }));
    expect(screen.queryByRole('region', { name: 'AI enrichment' })).not.toBeInTheDocument();
  });

  it('cancels a running batch and shows a job failure', async () => {
    let status = 'running';
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/leads/companies': () => json(200, page(companies)),
        'POST /api/ai/enrich/batch': () => json(202, { job: aiJob() }),
        'GET /api/ai/jobs/42': () =>
          json(200, aiJob(status === 'running' ? { progress_done: 0 } : { status: 'failed', progress_done: 0, error: 'RuntimeError: leads service unreachable' })),
        'POST /api/ai/jobs/42/cancel': () => {
          status = 'failed';
          return json(200, aiJob({ cancel_requested: true }));
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/companies');
    const table = await screen.findByRole('table', { name: 'Companies' });
    await user.click(await within(table).findByRole('checkbox', { name: 'Select Acme Corp' }));
    await user.click(screen.getByRole('button', { name: 'Enrich selected' }));
    const panel = await screen.findByRole('region', { name: 'AI enrichment' });
    await user.click(await within(panel).findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(server.count('POST /api/ai/jobs/42/cancel')).toBe(1));
    expect(await within(panel).findByText('RuntimeError: leads service unreachable', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(within(panel).getByText('Failed')).toBeInTheDocument();
  });

  it('shows why a batch was refused', async () => {
    mockApi(
      signedIn(SALES, {
        'GET /api/leads/companies': () => json(200, page(companies)),
        'POST /api/ai/enrich/batch': () => problem(403, 'This is switched off in the public demo.'),
      }),
    );
    const user = userEvent.setup();
    renderApp('/companies');
    const table = await screen.findByRole('table', { name: 'Companies' });
    await user.click(await within(table).findByRole('checkbox', { name: 'Select Acme Corp' }));
    await user.click(screen.getByRole('button', { name: 'Enrich selected' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Switched off in the public demo');
    expect(alert).toHaveTextContent('This is switched off in the public demo.');
    expect(screen.queryByRole('region', { name: 'AI enrichment' })).not.toBeInTheDocument();
  });

  it('demo role: no row checkboxes and a disabled Enrich button', async () => {
    mockApi(signedIn(DEMO, { 'GET /api/leads/companies': () => json(200, page(companies)) }));
    renderApp('/companies');
    const table = await screen.findByRole('table', { name: 'Companies' });
    await within(table).findByText('Acme Corp');
    expect(within(table).queryByRole('checkbox')).not.toBeInTheDocument();
    const enrich = screen.getByRole('button', { name: 'Enrich selected' });
    expect(enrich).toHaveAttribute('aria-disabled', 'true');
    expect(enrich).toHaveAccessibleDescription('AI features are switched off for the demo account.');
  });
});
