import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO, json, mockApi, noContent, problem, SALES, signedIn, type Routes } from '@/test/mockApi';
import { contact, page, T0 } from '@/test/leadsFixtures';
import { renderApp } from '@/test/render';

const hans = contact();
const eva = contact({ id: 6, name: 'Eva Beispiel', company_id: null, company_name: null, email: 'eva@beispiel.de', legal_basis: 'consent', legal_basis_source: 'Web form' });
const hansTwin = contact({ id: 8, name: 'Hans Müller', email: 'h.mueller@gmail.com', company_name: null, company_id: null });

function detailRoutes(over: Routes = {}): Routes {
  return {
    'GET /api/leads/contacts/5': () => json(200, hans),
    'GET /api/leads/contacts/5/notes': () => json(200, []),
    'GET /api/leads/contacts/5/timeline': () => json(200, { items: [], total: 0, limit: 20, offset: 0 }),
    ...over,
  };
}

describe('Contacts', () => {
  it('lists contacts with search and legal-basis filter in the URL', async () => {
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/leads/contacts': (_r, url) => json(200, page(url.searchParams.get('legal_basis') === 'consent' ? [eva] : [hans, eva])),
      }),
    );
    const user = userEvent.setup();
    renderApp('/contacts');
    const table = await screen.findByRole('table', { name: 'Contacts' });
    await within(table).findByText('Hans Müller');
    expect(within(table).getByRole('link', { name: 'Müller Steuerberatung GmbH' })).toHaveAttribute('href', '/companies/1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Legal basis' }), 'consent');
    await waitFor(() => expect(within(table).queryByText('Hans Müller')).not.toBeInTheDocument());
    expect(screen.getByTestId('location')).toHaveTextContent('/contacts?legal_basis=consent');
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'eva');
    await waitFor(() => expect(server.calls.at(-1)!.path).toBe('/api/leads/contacts?limit=25&offset=0&sort=-created_at&q=eva&legal_basis=consent'));
  });

  it('consent without a source shows the field error from the 422', async () => {
    const patches: unknown[] = [];
    mockApi(
      signedIn(
        SALES,
        detailRoutes({
          'PATCH /api/leads/contacts/5': async (req) => {
            const body = (await req.json()) as Record<string, unknown>;
            patches.push(body);
            if (body.legal_basis === 'consent' && !body.legal_basis_source) {
              return problem(422, 'Consent needs its source (where and how it was given).', {
                errors: [{ loc: ['body', 'legal_basis_source'], msg: 'required for consent' }],
              });
            }
            return json(200, { ...hans, ...body, legal_basis_at: T0 });
          },
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/contacts/5');
    const form = await screen.findByRole('form', { name: 'Legal basis' });
    expect(screen.getByText('Not recorded yet')).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText('Basis'), 'consent');
    await user.click(within(form).getByRole('button', { name: 'Save legal basis' }));

    const source = within(form).getByLabelText(/^Source/);
    await waitFor(() => expect(source).toHaveAccessibleDescription('required for consent'));
    expect(source).toHaveAttribute('aria-invalid', 'true');
    expect(patches).toEqual([{ legal_basis: 'consent', legal_basis_source: '' }]);

    await user.type(source, 'Newsletter sign-up form, double opt-in');
    await user.click(within(form).getByRole('button', { name: 'Save legal basis' }));
    expect(await screen.findByText('Legal basis saved')).toBeInTheDocument();
    expect(patches[1]).toEqual({ legal_basis: 'consent', legal_basis_source: 'Newsletter sign-up form, double opt-in' });
    expect(screen.getByText(/^Recorded/)).toBeInTheDocument();
  });

  it('links to the company, edits a field and merges a duplicate', async () => {
    const server = mockApi(
      signedIn(
        SALES,
        detailRoutes({
          'PATCH /api/leads/contacts/5': async (req) => json(200, { ...hans, ...((await req.json()) as object) }),
          'GET /api/leads/contacts': () => json(200, page([hans, hansTwin])),
          'POST /api/leads/contacts/5/merge': () => json(200, hans),
          'DELETE /api/leads/contacts/5': () => noContent(),
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/contacts/5');
    expect(await screen.findByRole('heading', { level: 1, name: 'Hans Müller' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Müller Steuerberatung GmbH' })).toHaveAttribute('href', '/companies/1');

    await user.click(screen.getByRole('button', { name: 'Edit Phone' }));
    await user.type(screen.getByRole('textbox', { name: 'Phone' }), '+49 89 1{Enter}');
    expect(await screen.findByText('+49 89 1')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Merge' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge a duplicate' });
    const options = await within(dialog).findByRole('list', { name: 'Matching contacts' });
    expect(within(options).queryByText('hans@mueller-stb.de')).not.toBeInTheDocument(); // not itself
    await user.click(within(options).getByRole('button', { name: 'Choose Hans Müller' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Merge Hans Müller?' })).getByRole('button', { name: 'Merge' }));
    expect(await screen.findByText('Contacts merged')).toBeInTheDocument();
    const merge = server.calls.find((c) => c.path === '/api/leads/contacts/5/merge')!;
    expect(await merge.request.json()).toEqual({ duplicate_id: 8 });
  });

  it('demo role sees no Merge or Delete on a contact', async () => {
    mockApi(signedIn(DEMO, detailRoutes()));
    renderApp('/contacts/5');
    await screen.findByRole('heading', { level: 1, name: 'Hans Müller' });
    expect(screen.queryByRole('button', { name: 'Merge' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save legal basis' })).toBeInTheDocument();
  });
});
