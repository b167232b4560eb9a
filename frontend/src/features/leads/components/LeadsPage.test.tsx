import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO, json, mockApi, problem, SALES, signedIn } from '@/test/mockApi';
import { finder, job, page, site } from '@/test/leadsFixtures';
import { renderApp } from '@/test/render';

const NO_PROVIDER =
  'Searching by query needs a search provider: set OUTBOUND_SEARCH_PROVIDER=google (with OUTBOUND_GOOGLE_API_KEY and ' +
  'OUTBOUND_GOOGLE_CX) or =searxng (with OUTBOUND_SEARXNG_URL). Without one, paste a list of domains or upload a CSV.';

const jobsList = () => json(200, page([job({ id: 3, status: 'succeeded', progress_done: 4, progress_total: 4, result: { sites: 4, failed: 1, imported: 0 } })], 1, 10));

describe('Leads → finder', () => {
  it('starts from a domain list and navigates to the job view', async () => {
    const started = finder({
      job: { id: 7, status: 'queued', progress_done: 0, progress_total: 2 },
      results: [site({ id: 11 }), site({ id: 12, position: 1, url: 'https://beispiel.de/', domain: 'beispiel.de' })],
      skipped: [{ url: 'not a domain', reason: 'invalid', detail: 'more than one word: one domain or URL per line' }],
    });
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/leads/jobs': jobsList,
        'POST /api/leads/finder': () => json(201, started),
        'GET /api/leads/finder/7': () => json(200, started),
      }),
    );
    const user = userEvent.setup();
    renderApp('/leads');

    // Recent jobs with their progress.
    const recent = await screen.findByRole('list', { name: 'Recent finder jobs' });
    expect(within(recent).getByRole('link', { name: /Job #3/ })).toHaveAttribute('href', '/leads/jobs/3');
    expect(within(recent).getByText('4 / 4 · 100%')).toBeInTheDocument();
    expect(server.calls.find((c) => c.path.startsWith('/api/leads/jobs'))!.path).toBe('/api/leads/jobs?type=find&limit=10&offset=0');

    await user.click(screen.getByRole('tab', { name: 'Domain list' }));
    const box = screen.getByLabelText('Domains or URLs, one per line');
    await user.type(box, 'mueller-stb.de{enter}{enter}https://beispiel.de/{enter}not a domain');
    expect(screen.getByText(/3 lines/)).toBeInTheDocument();
    await user.click(screen.getByLabelText('Import automatically'));
    await user.click(screen.getByRole('button', { name: 'Start finder' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Finder job #7' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/leads/jobs/7');
    const post = server.calls.find((c) => c.method === 'POST' && c.path === '/api/leads/finder')!;
    expect(await post.request.json()).toEqual({ urls: ['mueller-stb.de', 'https://beispiel.de/', 'not a domain'], auto_import: true });
    // Skipped inputs are listed (collapsible).
    expect(screen.getByText('1 input skipped')).toBeInTheDocument();
    expect(screen.getByText('Not a domain or URL')).toBeInTheDocument();
    expect(screen.getByText(/more than one word/)).toBeInTheDocument();
    // Site links open in a new tab without an opener.
    const table = screen.getByRole('table', { name: 'Finder results' });
    const link = within(table).getByRole('link', { name: /beispiel\.de/ });
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('shows the no-search-provider detail verbatim and points to the other tabs', async () => {
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/leads/jobs': jobsList,
        'POST /api/leads/finder': () => problem(422, NO_PROVIDER),
      }),
    );
    const user = userEvent.setup();
    renderApp('/leads');
    await user.type(await screen.findByLabelText('Search query'), 'Steuerberater München');
    await user.type(screen.getByLabelText('Max results'), '20');
    await user.click(screen.getByRole('button', { name: 'Start finder' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Searching by query isn't available");
    expect(within(alert).getByText(NO_PROVIDER)).toBeInTheDocument();
    const post = server.calls.find((c) => c.method === 'POST' && c.path === '/api/leads/finder')!;
    expect(await post.request.json()).toEqual({ query: 'Steuerberater München', max_results: 20, auto_import: false });
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/leads$/);

    await user.click(within(alert).getByRole('button', { name: 'Paste a domain list' }));
    expect(screen.getByRole('tab', { name: 'Domain list' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByLabelText('Domains or URLs, one per line')).toBeInTheDocument();
  });

  it('uploads a CSV as a finder job', async () => {
    const started = finder({ job: { id: 9, status: 'queued' } });
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/leads/jobs': jobsList,
        'POST /api/leads/finder/csv': () => json(201, started),
        'GET /api/leads/finder/9': () => json(200, started),
      }),
    );
    const user = userEvent.setup();
    renderApp('/leads');
    await user.click(await screen.findByRole('tab', { name: 'CSV upload' }));
    await user.upload(screen.getByLabelText('Choose a CSV file'), new File(['website\nmueller-stb.de\n'], 'sites.csv', { type: 'text/csv' }));
    expect(screen.getByText('sites.csv')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start finder' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Finder job #9' })).toBeInTheDocument();
    const post = server.calls.find((c) => c.method === 'POST' && c.path.startsWith('/api/leads/finder'))!;
    expect(post.path).toBe('/api/leads/finder/csv?auto_import=false');
    expect(post.request.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('hides the finder start for the demo role', async () => {
    mockApi(signedIn(DEMO, { 'GET /api/leads/jobs': jobsList }));
    renderApp('/leads');
    expect(await screen.findByText(/can't start new ones/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start finder' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('list', { name: 'Recent finder jobs' })).toBeInTheDocument());
  });
});
