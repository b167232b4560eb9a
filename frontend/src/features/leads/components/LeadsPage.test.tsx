import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO, json, mockApi, problem, SALES, signedIn } from '@/test/mockApi';
import { finder, job, page, providers, site } from '@/test/leadsFixtures';
import { renderApp } from '@/test/render';

const NO_PROVIDER =
  'The osm search provider (OpenStreetMap) is not configured: it needs OUTBOUND_OSM_ENABLED. No key. Finds businesses ' +
  'by type and place through the Overpass API.';
const NOT_CONFIGURED = { type: 'urn:outbound:problem:discovery-not-configured' };
const UNREADABLE =
  'OpenStreetMap searches by type of business, and no type was recognised in “Müller GmbH München”. Start with one, such as Elektriker.';

const jobsList = () => json(200, page([job({ id: 3, status: 'succeeded', progress_done: 4, progress_total: 4, result: { sites: 4, failed: 1, imported: 0 } })], 1, 10));
const osmOnly = () => json(200, providers());

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
        'GET /api/leads/finder/providers': osmOnly,
        'POST /api/leads/finder': () => json(201, started),
        'GET /api/leads/finder/7': () => json(200, started),
      }),
    );
    const user = userEvent.setup();
    renderApp('/leads');

    // Recent jobs with their progress.
    const recent = await screen.findByRole('list', { name: 'Recent finder jobs' }, { timeout: 5000 });
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
        'GET /api/leads/finder/providers': osmOnly,
        'POST /api/leads/finder': () => problem(422, NO_PROVIDER, NOT_CONFIGURED),
      }),
    );
    const user = userEvent.setup();
    renderApp('/leads');
    await waitFor(() => expect(screen.getByLabelText('Search with')).toHaveValue('osm'));
    await user.type(await screen.findByLabelText('Search query'), 'Steuerberater München');
    await user.type(screen.getByLabelText('Max results'), '20');
    await user.click(screen.getByRole('button', { name: 'Start finder' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Searching by query isn't available");
    expect(within(alert).getByText(NO_PROVIDER)).toBeInTheDocument();
    const post = server.calls.find((c) => c.method === 'POST' && c.path === '/api/leads/finder')!;
    expect(await post.request.json()).toEqual({ query: 'Steuerberater München', provider: 'osm', max_results: 20, auto_import: false });
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
        'GET /api/leads/finder/providers': osmOnly,
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
    mockApi(signedIn(DEMO, { 'GET /api/leads/jobs': jobsList, 'GET /api/leads/finder/providers': osmOnly }));
    renderApp('/leads');
    expect(await screen.findByText(/can't start new ones/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start finder' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('list', { name: 'Recent finder jobs' })).toBeInTheDocument());
  });

  it('opens on the domain list when no search provider is set up, and says what Search needs', async () => {
    mockApi(signedIn(SALES, { 'GET /api/leads/jobs': jobsList, 'GET /api/leads/finder/providers': () => json(200, providers({ configured: [] })) }));
    const user = userEvent.setup();
    renderApp('/leads');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Domain list' })).toHaveAttribute('aria-selected', 'true'));
    expect(screen.getByLabelText('Domains or URLs, one per line')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Search' }));
    const alert = screen.getByRole('status', { name: '' });
    expect(alert).toHaveTextContent('Searching by query needs a search provider');
    const list = within(alert).getByRole('list', { name: 'Search providers' });
    expect(within(list).getByText('OUTBOUND_BRAVE_API_KEY')).toBeInTheDocument();
    expect(within(list).getByText('OUTBOUND_OSM_ENABLED')).toBeInTheDocument();
    expect(within(list).getByText(/ends its whole-web search on 1 January 2027/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Search query')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start finder' })).toBeDisabled();
    await user.click(within(alert).getByRole('button', { name: 'Upload a CSV' }));
    expect(screen.getByRole('tab', { name: 'CSV upload' })).toHaveAttribute('aria-selected', 'true');
  });

  it('searches with the chosen provider, warns about Google and credits OpenStreetMap', async () => {
    const started = finder({ job: { id: 8, status: 'queued', progress_total: null }, query: 'Elektriker München', provider: 'google' });
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/leads/jobs': jobsList,
        'GET /api/leads/finder/providers': () => json(200, providers({ configured: ['osm', 'google'] })),
        'POST /api/leads/finder': () => json(201, started),
        'GET /api/leads/finder/8': () => json(200, started),
      }),
    );
    const user = userEvent.setup();
    renderApp('/leads');
    const select = await screen.findByLabelText('Search with');
    await waitFor(() => expect(select).toHaveValue('osm'));
    expect(screen.getByText(/A type of business and a place/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '© OpenStreetMap contributors, ODbL' })).toHaveAttribute('href', 'https://www.openstreetmap.org/copyright');
    expect(within(select).getByRole('option', { name: 'Brave Search (not set up)' })).toBeDisabled();
    expect(screen.getByText('Search providers: 2 of 5 ready')).toBeInTheDocument();

    await user.selectOptions(select, 'google');
    const warning = screen.getByText("Google's search API is closing").closest('[role="status"]')!;
    expect(warning).toHaveTextContent('2027');
    await user.type(screen.getByLabelText('Search query'), 'Elektriker München');
    await user.click(screen.getByRole('button', { name: 'Start finder' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Finder job #8' })).toBeInTheDocument();
    expect(screen.getByText('Search: “Elektriker München” · Google Programmable Search')).toBeInTheDocument();
    const post = server.calls.find((c) => c.method === 'POST' && c.path === '/api/leads/finder')!;
    expect(await post.request.json()).toEqual({ query: 'Elektriker München', provider: 'google', auto_import: false });
  });

  it('lists a job whose every site failed as failed, not finished', async () => {
    const jobs = page(
      [
        job({ id: 4, status: 'succeeded', progress_done: 2, progress_total: 2, result: { sites: 2, done: 0, failed: 2, imported: 0, outcome: 'failed' } }),
        job({ id: 3, status: 'succeeded', progress_done: 4, progress_total: 4, result: { sites: 4, done: 3, failed: 1, imported: 0, outcome: 'partial' } }),
        job({ id: 2, status: 'succeeded', progress_done: 1, progress_total: 1, result: { sites: 1, done: 1, failed: 0, imported: 0, outcome: 'finished' } }),
      ],
      3,
      10,
    );
    mockApi(signedIn(SALES, { 'GET /api/leads/jobs': () => json(200, jobs), 'GET /api/leads/finder/providers': osmOnly }));
    renderApp('/leads');
    const recent = await screen.findByRole('list', { name: 'Recent finder jobs' }, { timeout: 5000 });
    const row = (id: number) => within(recent).getByRole('link', { name: new RegExp(`Job #${id}`) });
    expect(within(row(4)).getByText('Failed')).toBeInTheDocument();
    expect(within(row(4)).queryByText('Finished')).not.toBeInTheDocument();
    expect(within(row(3)).getByText('Partly failed')).toBeInTheDocument();
    expect(within(row(2)).getByText('Finished')).toBeInTheDocument();
  });

  it('tells a query OpenStreetMap cannot read apart from a missing provider', async () => {
    mockApi(
      signedIn(SALES, {
        'GET /api/leads/jobs': jobsList,
        'GET /api/leads/finder/providers': osmOnly,
        'POST /api/leads/finder': () => problem(422, UNREADABLE, { type: 'urn:outbound:problem:invalid' }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/leads');
    await waitFor(() => expect(screen.getByLabelText('Search with')).toHaveValue('osm'));
    await user.type(screen.getByLabelText('Search query'), 'Müller GmbH München');
    await user.click(screen.getByRole('button', { name: 'Start finder' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Check the search query');
    expect(within(alert).getByText(UNREADABLE)).toBeInTheDocument();
    expect(within(alert).queryByRole('button', { name: 'Paste a domain list' })).not.toBeInTheDocument();
  });
});
