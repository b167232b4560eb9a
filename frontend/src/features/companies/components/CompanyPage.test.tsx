import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO, json, mockApi, noContent, problem, SALES, signedIn, type Routes } from '@/test/mockApi';
import { company, contact, page, T0 } from '@/test/leadsFixtures';
import { renderApp } from '@/test/render';

const evidence = {
  city: { url: 'https://www.mueller-stb.de/impressum', snippet: 'Hauptstraße 1, 80331 München', source: 'crawl' },
  vat_id: { url: 'javascript:alert(1)', snippet: '<img src=x onerror=alert(1)> USt-IdNr. DE123456789', source: 'crawl' },
  name: { source: 'manual' },
};
const muller = company({ evidence, status: 'enriched' });
const twin = company({ id: 3, name: 'Müller Steuerberatung GmbH', domain: 'mueller-steuer.de', vat_id: 'DE123456789' });
const activity = (id: number, over: Record<string, unknown> = {}) => ({
  id,
  company_id: 1,
  contact_id: null,
  type: 'note',
  title: 'Note',
  detail: { body: `note ${id}` },
  actor: 'user:00000000-0000-4000-8000-000000000002',
  source: 'leads',
  occurred_at: T0,
  ...over,
});

function routes(over: Routes = {}): Routes {
  return {
    'GET /api/leads/companies/1': () => json(200, muller),
    'GET /api/leads/companies/1/duplicates': () => json(200, [twin]),
    'GET /api/leads/companies/1/notes': () => json(200, []),
    'GET /api/leads/companies/1/timeline': (_r, url) => {
      const offset = Number(url.searchParams.get('offset'));
      const all = Array.from({ length: 25 }, (_, i) => activity(100 - i));
      all[1] = activity(99, { type: 'status.changed', title: 'Status: new → enriched', detail: { from: 'new', to: 'enriched' }, contact_id: 5 });
      return json(200, { items: all.slice(offset, offset + 20), total: 25, limit: 20, offset });
    },
    'GET /api/leads/contacts': () => json(200, page([contact()], 1, 100)),
    ...over,
  };
}

describe('Company page', () => {
  it('shows each fact with its evidence source, URL and snippet as text', async () => {
    mockApi(signedIn(SALES, routes()));
    const user = userEvent.setup();
    renderApp('/companies/1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Müller Steuerberatung GmbH' })).toBeInTheDocument();
    expect(screen.getByText('München')).toBeInTheDocument();

    const source = screen.getByRole('button', { name: 'Source of City: Read from the website' });
    expect(source).toHaveTextContent('crawl');
    await user.click(source);
    const panel = screen.getByRole('region', { name: 'Source of City: Read from the website' });
    const link = within(panel).getByRole('link', { name: /impressum/ });
    expect(link).toHaveAttribute('href', 'https://www.mueller-stb.de/impressum');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(panel).getByText('Hauptstraße 1, 80331 München')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: /Source of City/ })).not.toBeInTheDocument();
    expect(source).toHaveFocus();

    // Untrusted evidence: a javascript: URL is not a link, markup in a snippet stays text.
    await user.click(screen.getByRole('button', { name: 'Source of VAT ID: Read from the website' }));
    const vat = screen.getByRole('region', { name: /Source of VAT ID/ });
    expect(within(vat).queryByRole('link')).not.toBeInTheDocument();
    expect(within(vat).getByText('<img src=x onerror=alert(1)> USt-IdNr. DE123456789')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();

    expect(screen.getByRole('button', { name: 'Source of Name: Entered by hand' })).toHaveTextContent('manual');
  });

  it('edits a fact inline, changes status and tags', async () => {
    const patches: unknown[] = [];
    mockApi(
      signedIn(
        SALES,
        routes({
          'PATCH /api/leads/companies/1': async (req) => {
            const body = (await req.json()) as Record<string, unknown>;
            patches.push(body);
            if (body.country === 'XX') return problem(422, 'Validation failed', { errors: [{ loc: ['body', 'country'], msg: 'unknown country' }] });
            return json(200, { ...muller, ...body, evidence: { ...evidence, ...Object.fromEntries(Object.keys(body).map((k) => [k, { source: 'manual' }])) } });
          },
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/companies/1');
    await screen.findByRole('heading', { level: 1, name: 'Müller Steuerberatung GmbH' });

    await user.click(screen.getByRole('button', { name: 'Edit Industry' }));
    const input = screen.getByRole('textbox', { name: 'Industry' });
    await user.type(input, 'Tax advisory{Enter}');
    await waitFor(() => expect(patches).toEqual([{ industry: 'Tax advisory' }]));
    expect(await screen.findByText('Tax advisory')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit Industry' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Source of Industry: Entered by hand' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit Country' }));
    const country = screen.getByRole('textbox', { name: 'Country' });
    await user.clear(country);
    await user.type(country, 'xx{Enter}');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Country' })).toHaveAccessibleDescription('unknown country'));
    await user.keyboard('{Escape}');

    await user.selectOptions(screen.getByLabelText('Status'), 'won');
    await waitFor(() => expect(patches).toContainEqual({ status: 'won' }));

    await user.type(screen.getByLabelText('Tags'), 'vip{Enter}');
    await waitFor(() => expect(patches).toContainEqual({ tags: ['tax', 'vip'] }));
  });

  it('lists contacts, notes and a paginated timeline', async () => {
    const notes: unknown[] = [];
    const server = mockApi(
      signedIn(
        SALES,
        routes({
          'GET /api/leads/companies/1/notes': () => json(200, notes),
          'POST /api/leads/companies/1/notes': async (req) => {
            const { body } = (await req.json()) as { body: string };
            const note = { id: notes.length + 1, company_id: 1, contact_id: null, body, author: 'user:00000000-0000-4000-8000-000000000002', created_at: T0 };
            notes.push(note);
            return json(201, note);
          },
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/companies/1');
    const contacts = await screen.findByRole('list', { name: 'Contacts of this company' });
    expect(within(contacts).getByRole('link', { name: 'Hans Müller' })).toHaveAttribute('href', '/contacts/5');

    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(20);
    expect(within(timeline).getByText('Status: New → Enriched')).toBeInTheDocument();
    expect(within(timeline).queryByText(/new → enriched/i, { exact: false, selector: 'p' })).not.toBeInTheDocument();
    expect(within(timeline).getByRole('link', { name: 'Hans Müller' })).toHaveAttribute('href', '/contacts/5');
    expect(within(timeline).getAllByText(/^You ·/).length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(25));
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(server.calls.some((c) => c.path === '/api/leads/companies/1/timeline?limit=20&offset=20')).toBe(true);

    await user.type(screen.getByLabelText('New note'), 'Called, call back Monday');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    const list = await screen.findByRole('list', { name: 'Notes' });
    expect(within(list).getByText('Called, call back Monday')).toBeInTheDocument();
  });

  it('merges a possible duplicate after confirmation and deletes the company', async () => {
    const server = mockApi(
      signedIn(
        SALES,
        routes({
          'POST /api/leads/companies/1/merge': () => json(200, muller),
          'DELETE /api/leads/companies/1': () => noContent(),
          'GET /api/leads/companies': () => json(200, page([])),
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/companies/1');
    const dups = await screen.findByRole('list', { name: 'Possible duplicates' });
    expect(within(dups).getByText(/Same VAT ID DE123456789/)).toBeInTheDocument();
    await user.click(within(dups).getByRole('button', { name: 'Merge Müller Steuerberatung GmbH into this company' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Merge Müller Steuerberatung GmbH?' });
    await user.click(within(confirm).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(server.count('POST /api/leads/companies/1/merge')).toBe(1));
    const merge = server.calls.find((c) => c.path === '/api/leads/companies/1/merge')!;
    expect(await merge.request.json()).toEqual({ duplicate_id: 3 });
    expect(await screen.findByText('Companies merged')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const del = await screen.findByRole('alertdialog', { name: 'Delete Müller Steuerberatung GmbH?' });
    await user.click(within(del).getByRole('button', { name: 'Delete company' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/companies$/));
    expect(server.count('DELETE /api/leads/companies/1')).toBe(1);
  });

  it('demo role: can edit but sees no Delete or Merge', async () => {
    mockApi(signedIn(DEMO, routes()));
    renderApp('/companies/1');
    await screen.findByRole('heading', { level: 1, name: 'Müller Steuerberatung GmbH' });
    const dups = await screen.findByRole('list', { name: 'Possible duplicates' });
    expect(within(dups).queryByRole('button', { name: /Merge/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit City' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add contact' })).toBeInTheDocument();
  });

  it('shows a readable 403 when an action is refused anyway', async () => {
    mockApi(signedIn(SALES, routes({ 'DELETE /api/leads/companies/1': () => problem(403, 'Your role may not delete companies.') })));
    const user = userEvent.setup();
    renderApp('/companies/1');
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete company' }));
    expect(await screen.findByText('Your role may not delete companies.')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/companies/1');
  });
});
