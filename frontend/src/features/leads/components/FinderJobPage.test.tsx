import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO, json, mockApi, problem, SALES, signedIn } from '@/test/mockApi';
import { finder, record, site } from '@/test/leadsFixtures';
import { renderApp } from '@/test/render';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const doneSites = [
  site({ id: 11, status: 'done', record: record() }),
  site({
    id: 12,
    position: 1,
    url: 'https://beispiel.de/',
    domain: 'beispiel.de',
    status: 'done',
    error: 'robots.txt disallows /kontakt',
    record: record({ url: 'https://beispiel.de/', company_name: 'Beispiel AG', city: 'Berlin', emails: [], representatives: ['Eva Beispiel', 'Max Muster'] }),
  }),
  site({ id: 13, position: 2, url: 'https://down.example/', domain: 'down.example', status: 'failed', error: 'connect timeout' }),
];

describe('Leads → finder job view', () => {
  it('shows live progress and stops polling when the job finishes', async () => {
    const states = [
      finder({ job: { status: 'running', progress_done: 1, progress_total: 3 }, results: [site({ id: 11, status: 'done', record: record() }), site({ id: 12, status: 'running' }), site({ id: 13 })] }),
      finder({ job: { status: 'running', progress_done: 2, progress_total: 3 }, results: doneSites.slice(0, 2).concat(site({ id: 13, status: 'running' })) }),
      finder({ job: { status: 'succeeded', progress_done: 3, progress_total: 3 }, results: doneSites }),
    ];
    let n = 0;
    const server = mockApi(signedIn(SALES, { 'GET /api/leads/finder/7': () => json(200, states[Math.min(n++, states.length - 1)]) }));
    renderApp('/leads/jobs/7');

    const bar = await screen.findByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '1');
    expect(bar).toHaveAttribute('aria-valuemax', '3');
    expect(screen.getByTestId('job-progress')).toHaveTextContent('1 / 3 · 33%');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();

    await waitFor(() => expect(screen.getByTestId('job-progress')).toHaveTextContent('3 / 3 · 100%'), { timeout: 4000 });
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3');
    expect(screen.getByText('Finished')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();

    const polls = server.count('GET /api/leads/finder/7');
    expect(polls).toBe(3);
    await sleep(1600);
    expect(server.count('GET /api/leads/finder/7')).toBe(polls);

    // Row details: status with error text, counts, representatives; expandable facts + pages.
    const table = screen.getByRole('table', { name: 'Finder results' });
    const failed = within(table).getByText('connect timeout');
    expect(failed).toBeInTheDocument();
    const beispiel = within(table).getByText('Beispiel AG').closest('tr')!;
    expect(within(beispiel).getByText('Eva Beispiel, Max Muster')).toBeInTheDocument();
    expect(within(beispiel).getByText('robots.txt disallows /kontakt')).toBeInTheDocument();
    await userEvent.click(within(table).getByRole('button', { name: 'Show details for mueller-stb.de' }));
    expect(within(table).getByText('Pages fetched (2)')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: /impressum/ })).toHaveAttribute('href', 'https://www.mueller-stb.de/impressum');
  });

  it('imports the selected rows and shows the report with links to the companies', async () => {
    let imported = false;
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/leads/finder/7': () =>
          json(
            200,
            finder({
              job: { status: 'succeeded', progress_done: 3, progress_total: 3 },
              results: imported ? doneSites.map((s) => (s.id === 11 ? { ...s, company_id: 21 } : s.id === 12 ? { ...s, company_id: 22 } : s)) : doneSites,
            }),
          ),
        'POST /api/leads/finder/7/import': () => {
          imported = true;
          return json(200, { created: 1, updated: 1, skipped: 0, company_ids: [21, 22], errors: [] });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/leads/jobs/7');
    const table = await screen.findByRole('table', { name: 'Finder results' });
    expect(within(table).getByRole('checkbox', { name: 'Select down.example' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Import selected' })).toBeDisabled();
    await user.click(within(table).getByRole('checkbox', { name: 'Select mueller-stb.de' }));
    await user.click(within(table).getByRole('checkbox', { name: 'Select beispiel.de' }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import selected' }));

    expect(await screen.findByText('1 created, 1 updated, 0 skipped.')).toBeInTheDocument();
    const post = server.calls.find((c) => c.method === 'POST' && c.path === '/api/leads/finder/7/import')!;
    expect(await post.request.json()).toEqual({ result_ids: [11, 12] });
    const report = screen.getByRole('region', { name: 'Import report' });
    expect(within(report).getByRole('link', { name: 'mueller-stb.de' })).toHaveAttribute('href', '/companies/21');
    // Imported rows link to their company once the job is refetched.
    await waitFor(() => expect(within(table).getAllByRole('link', { name: 'Imported · view company' })).toHaveLength(2));
    expect(within(table).getAllByRole('link', { name: 'Imported · view company' })[1]).toHaveAttribute('href', '/companies/22');
  });

  it('retries a failed job and cancels a running one', async () => {
    let status = 'failed';
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/leads/finder/7': () => json(200, finder({ job: { status, progress_done: 1, progress_total: 3, error: status === 'failed' ? 'RuntimeError: search provider timed out' : null } })),
        'POST /api/leads/jobs/7/retry': () => {
          status = 'running';
          return json(200, finder({ job: { status: 'queued' } }).job);
        },
        'POST /api/leads/jobs/7/cancel': () => problem(409, 'Job 7 has already finished (succeeded).'),
      }),
    );
    const user = userEvent.setup();
    renderApp('/leads/jobs/7');
    expect(await screen.findByText('RuntimeError: search provider timed out')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(server.count('POST /api/leads/jobs/7/retry')).toBe(1));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Job 7 has already finished (succeeded).')).toBeInTheDocument();
  });

  it('demo role sees the results but cannot import, cancel or select', async () => {
    mockApi(signedIn(DEMO, { 'GET /api/leads/finder/7': () => json(200, finder({ job: { status: 'running', progress_done: 2 }, results: doneSites })) }));
    renderApp('/leads/jobs/7');
    const table = await screen.findByRole('table', { name: 'Finder results' });
    expect(within(table).getByText('Beispiel AG')).toBeInTheDocument();
    expect(within(table).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import selected' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import all done' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
  });

  it('shows a not-found state for an unknown job', async () => {
    mockApi(signedIn(SALES, { 'GET /api/leads/finder/99': () => problem(404, 'Job 99 does not exist.') }));
    renderApp('/leads/jobs/99');
    expect(await screen.findByText('Finder job not found')).toBeInTheDocument();
  });

  it('a job whose every site failed says so in words, with the detail on demand and a retry per site', async () => {
    const tls = 'tls: TLS handshake failed: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000) (https://alt.example/)';
    const altSite = site({ id: 21, url: 'https://alt.example/', domain: 'alt.example', status: 'failed', error: tls, error_summary: "The site's TLS handshake failed: its HTTPS set-up is broken, or it speaks only plain http." });
    const slowSite = site({ id: 22, position: 1, url: 'https://slow.example/', domain: 'slow.example', status: 'failed', error: 'timeout: no complete answer within 10s (https://slow.example/)', error_summary: 'No answer within 10 s.' });
    const failedSites = [altSite, slowSite];
    let retried = false;
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/leads/finder/7': () =>
          json(
            200,
            retried
              ? finder({ job: { status: 'succeeded', progress_done: 2, progress_total: 2 }, results: [site({ id: 21, url: 'http://alt.example/', domain: 'alt.example', status: 'done', record: record({ company_name: 'Alt GmbH' }) }), slowSite], outcome: 'partial' })
              : finder({ job: { status: 'succeeded', progress_done: 2, progress_total: 2 }, results: failedSites, outcome: 'failed' }),
          ),
        'POST /api/leads/finder/7/results/21/retry': () => {
          retried = true;
          return json(200, finder({ job: { status: 'queued', progress_done: 1, progress_total: 2 }, results: [site({ id: 21, status: 'pending' }), slowSite], outcome: 'queued' }));
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/leads/jobs/7');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No site could be crawled');
    expect(alert).toHaveTextContent('All 2 sites failed');
    const progress = screen.getByLabelText('Job progress');
    expect(within(progress).queryByText('Finished')).not.toBeInTheDocument();
    expect(within(progress).getByText('Failed')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Finder results' });
    const row = within(table).getByText('alt.example').closest('tr')!;
    expect(within(row).getByText(/The site's TLS handshake failed/)).toBeInTheDocument();
    expect(within(row).queryByText(/WRONG_VERSION_NUMBER/)).not.toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Technical detail' }));
    expect(within(row).getByText(tls)).toBeInTheDocument();
    expect(within(table).getByText('No answer within 10 s.')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Retry alt.example' }));
    await waitFor(() => expect(server.count('POST /api/leads/finder/7/results/21/retry')).toBe(1));
    // The job is queued again, so the page polls until it has finished.
    await waitFor(() => expect(within(table).getByText('Alt GmbH')).toBeInTheDocument(), { timeout: 4000 });
    expect(within(progress).getByText('Partly failed')).toBeInTheDocument();
    expect(screen.getByText('1 of 2 sites could not be crawled')).toBeInTheDocument();
  });

  it('a search job shows its provider, what it reported, businesses without a website and the OSM credit', async () => {
    const data = finder({
      job: { status: 'succeeded', progress_done: 1, progress_total: 1 },
      query: 'Elektriker München',
      provider: 'osm',
      results: [site({ id: 31, status: 'done', title: 'Elektro Huber GmbH', record: record() })],
      skipped: [{ url: '', name: 'Strom & Licht Schmid', reason: 'no-website', detail: '+49 89 555000 · craft=electrician' }],
      search_errors: ['osm: runtime error: Query timed out in "query" at line 9 after 25 seconds.'],
      attribution: '© OpenStreetMap contributors, ODbL (https://www.openstreetmap.org/copyright)',
      outcome: 'partial',
    });
    mockApi(signedIn(SALES, { 'GET /api/leads/finder/7': () => json(200, data) }));
    const user = userEvent.setup();
    renderApp('/leads/jobs/7');
    expect(await screen.findByText('Search: “Elektriker München” · OpenStreetMap')).toBeInTheDocument();
    expect(screen.getByText('The search provider reported a problem')).toBeInTheDocument();
    expect(screen.getByText(/Query timed out/)).toBeInTheDocument();
    expect(screen.getByText('Partly failed')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '© OpenStreetMap contributors, ODbL' })).toHaveAttribute('href', 'https://www.openstreetmap.org/copyright');
    await user.click(screen.getByText('1 input skipped'));
    expect(screen.getByText('Strom & Licht Schmid')).toBeInTheDocument();
    expect(screen.getByText('No website on record')).toBeInTheDocument();
  });

  it('offers no per-site retry while the job runs or to the demo role', async () => {
    const failedSite = site({ id: 41, status: 'failed', error: 'dns: no address for x.example (https://x.example/)', error_summary: 'The domain does not exist or has no address (DNS).' });
    mockApi(signedIn(SALES, { 'GET /api/leads/finder/7': () => json(200, finder({ job: { status: 'running', progress_done: 1, progress_total: 2 }, results: [failedSite, site({ id: 42, status: 'running' })] })) }));
    renderApp('/leads/jobs/7');
    expect(await screen.findByText('The domain does not exist or has no address (DNS).')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Retry / })).not.toBeInTheDocument();
  });
});
