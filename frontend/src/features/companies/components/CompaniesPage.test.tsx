import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { DEMO, json, mockApi, problem, SALES, signedIn } from '@/test/mockApi';
import { company, page } from '@/test/leadsFixtures';
import { renderApp } from '@/test/render';

const acme = company({ id: 2, name: 'Acme Corp', domain: 'acme.com', city: 'Berlin', tags: ['saas', 'b2b', 'hot', 'priority'], contact_count: 3 });
const companies = [company(), acme];

describe('Companies list', () => {
  it('searches (debounced, in the URL), filters and sorts', async () => {
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/leads/companies': (_r, url) => json(200, page(url.searchParams.get('q') === 'acme' ? [acme] : companies, 2)),
      }),
    );
    const user = userEvent.setup();
    renderApp('/companies');
    const table = await screen.findByRole('table', { name: 'Companies' });
    await within(table).findByText('Acme Corp');
    expect(within(table).getByRole('link', { name: 'Acme Corp' })).toHaveAttribute('href', '/companies/2');
    expect(within(table).getByText('+1')).toBeInTheDocument(); // 4 tags, 3 shown as chips
    expect(server.calls.find((c) => c.path.startsWith('/api/leads/companies'))!.path).toBe('/api/leads/companies?limit=25&offset=0&sort=-created_at');

    await user.type(screen.getByRole('searchbox', { name: 'Search companies' }), 'acme');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/companies?q=acme'));
    await waitFor(() => expect(within(table).queryByText('Müller Steuerberatung GmbH')).not.toBeInTheDocument());
    const searches = server.calls.filter((c) => c.path.includes('q='));
    expect(searches.map((c) => c.path)).toEqual(['/api/leads/companies?limit=25&offset=0&sort=-created_at&q=acme']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'won');
    await waitFor(() => expect(server.calls.some((c) => c.path.includes('status=won') && c.path.includes('q=acme'))).toBe(true));

    const nameHeader = within(table).getByRole('columnheader', { name: /Name/ });
    expect(nameHeader).toHaveAttribute('aria-sort', 'none');
    await user.click(within(nameHeader).getByRole('button'));
    await waitFor(() => expect(nameHeader).toHaveAttribute('aria-sort', 'ascending'));
    expect(screen.getByTestId('location')).toHaveTextContent('sort=name');
    await user.click(within(nameHeader).getByRole('button'));
    await waitFor(() => expect(nameHeader).toHaveAttribute('aria-sort', 'descending'));
    expect(server.calls.at(-1)!.path).toContain('sort=-name');
  });

  it('points to the lead finder when there are no companies', async () => {
    mockApi(signedIn(SALES, { 'GET /api/leads/companies': () => json(200, page([])) }));
    renderApp('/companies');
    expect(await screen.findByText('No companies yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the lead finder' })).toHaveAttribute('href', '/leads');
  });

  it('creates a company and maps a conflict to the website field', async () => {
    let attempt = 0;
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/leads/companies': () => json(200, page(companies)),
        'POST /api/leads/companies': () =>
          ++attempt === 1 ? problem(409, 'acme.com belongs to company 2 (Acme Corp) already.') : json(201, company({ id: 30, name: 'Acme Two' })),
        'GET /api/leads/companies/30': () => json(200, company({ id: 30, name: 'Acme Two' })),
      }),
    );
    const user = userEvent.setup();
    renderApp('/companies');
    await screen.findByText('Acme Corp');
    await user.click(screen.getByRole('button', { name: 'New company' }));
    const dialog = await screen.findByRole('dialog', { name: 'New company' });
    await user.type(within(dialog).getByLabelText('Name'), 'Acme Two');
    await user.type(within(dialog).getByLabelText('Website'), 'acme.com');
    await user.type(within(dialog).getByLabelText('E-mails'), 'a@acme.com, b@acme.com');
    await user.click(within(dialog).getByRole('button', { name: 'Create company' }));
    await waitFor(() => expect(within(dialog).getByLabelText('Website')).toHaveAccessibleDescription('acme.com belongs to company 2 (Acme Corp) already.'));
    const sent = server.calls.find((c) => c.method === 'POST' && c.path === '/api/leads/companies')!;
    expect(await sent.request.json()).toEqual({ name: 'Acme Two', status: 'new', website: 'acme.com', emails: ['a@acme.com', 'b@acme.com'] });
    await user.click(within(dialog).getByRole('button', { name: 'Create company' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Two' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/companies/30');
  });

  it('imports a CSV as a job with progress and shows the report naming rows and companies', async () => {
    const job = (status: string, done: number, result: Record<string, unknown> | null = null) => ({
      id: 9, type: 'csv_import', status, attempts: 1, max_attempts: 3, progress_done: done, progress_total: 4,
      error: null, result, cancel_requested: false, created_at: '2026-12-03T10:00:00Z',
      updated_at: '2026-12-03T10:00:00Z', finished_at: null,
    });
    let polls = 0;
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/leads/companies': () => json(200, page(companies)),
        'POST /api/leads/companies/import': () => json(202, { job: job('queued', 0), batch_size: 500 }),
        'GET /api/leads/jobs/9': () =>
          ++polls < 2
            ? json(200, job('running', 2))
            : json(200, job('succeeded', 4, {
              created: 2, updated: 1, skipped: 1, company_ids: [1, 2, 3],
              companies: [{ row: 2, id: 1, name: 'Alpha GmbH', created: true }, { row: 3, id: 3, name: 'Gamma AG', created: false }],
              errors: [{ row: 4, name: 'Bad Mail GmbH', error: 'emails.0: not an e-mail address' }],
            })),
      }),
    );
    const user = userEvent.setup();
    renderApp('/companies');
    await screen.findByText('Acme Corp');
    await user.click(screen.getByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import companies' });
    await user.upload(within(dialog).getByLabelText('Choose a CSV file'), new File(['name;website\nA;a.de\n'], 'firms.csv', { type: 'text/csv' }));
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByRole('progressbar', { name: /Import progress/ })).toBeInTheDocument();
    const report = await within(dialog).findByRole('region', { name: 'Import report' }, { timeout: 4000 });
    expect(within(report).getByText('Created').nextSibling).toHaveTextContent('2');
    expect(within(report).getByText('Row 4 (Bad Mail GmbH)')).toBeInTheDocument();
    expect(within(report).getByRole('link', { name: 'Gamma AG' })).toHaveAttribute('href', '/companies/3');
    expect(within(dialog).getByTestId('import-progress')).toHaveTextContent('4 of 4 rows');
    const post = server.calls.find((c) => c.path === '/api/leads/companies/import')!;
    expect(post.request.headers.get('Content-Type')).toMatch(/^multipart\/form-data/);
  });

  it('exports the filtered companies as CSV through an authenticated fetch', async () => {
    // jsdom has no object URLs: provide them for this test only.
    const createObjectURL = vi.fn((_b: Blob) => 'blob:mock');
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
    onTestFinished(() => {
      delete (URL as { createObjectURL?: unknown }).createObjectURL;
      delete (URL as { revokeObjectURL?: unknown }).revokeObjectURL;
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/leads/companies': () => json(200, page(companies)),
        'GET /api/leads/companies/export.csv': () =>
          new Response('\ufeffid;name\n1;Müller\n', { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="companies.csv"' } }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/companies?q=m%C3%BCller&status=new');
    await screen.findByText('Acme Corp');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export companies' });
    await user.click(within(dialog).getByLabelText(/Semicolon/));
    await user.click(within(dialog).getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByText('Export ready')).toBeInTheDocument();
    const call = server.calls.find((c) => c.path.startsWith('/api/leads/companies/export.csv'))!;
    expect(call.path).toBe('/api/leads/companies/export.csv?delimiter=semicolon&q=m%C3%BCller&status=new');
    expect(call.request.headers.get('Authorization')).toBe('Bearer tok-1');
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(await createObjectURL.mock.calls[0]![0].text()).toContain('1;Müller');
    expect(click).toHaveBeenCalled();
  });

  it('demo role: no Import CSV, but can create and export', async () => {
    mockApi(signedIn(DEMO, { 'GET /api/leads/companies': () => json(200, page(companies)) }));
    renderApp('/companies');
    await screen.findByText('Acme Corp');
    expect(screen.queryByRole('button', { name: 'Import CSV' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New company' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeInTheDocument();
  });
});
