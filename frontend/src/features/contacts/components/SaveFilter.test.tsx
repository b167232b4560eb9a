import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, SALES, signedIn } from '@/test/mockApi';
import { contact, page, T0 } from '@/test/leadsFixtures';
import { renderApp } from '@/test/render';

describe('Save filter', () => {
  it('saves the list’s filter under a name; a taken name shows the 409 and the new statuses filter the list', async () => {
    const posted: unknown[] = [];
    mockApi(
      signedIn(SALES, {
        'GET /api/leads/contacts': () => json(200, page([contact({ status: 'unsubscribed' })])),
        'POST /api/leads/saved-filters': async (req) => {
          const body = (await req.json()) as { name: string };
          posted.push(body);
          if (body.name === 'Taken') return problem(409, "A saved filter named 'Taken' exists already.");
          return json(201, { id: 1, name: body.name, filters: {}, created_by: 'user:2', created_at: T0, total: 1 });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/contacts');
    const table = await screen.findByRole('table', { name: 'Contacts' });
    expect(await within(table).findByText('Unsubscribed')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save filter' })).toBeDisabled(); // nothing filtered yet
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'unsubscribed');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Legal basis' }), 'consent');
    await user.click(screen.getByRole('button', { name: 'Save filter' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save filter' });
    expect(dialog).toHaveTextContent('Status: Unsubscribed · Legal basis: consent');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Taken');
    await user.click(within(dialog).getByRole('button', { name: 'Save filter' }));
    expect(await within(dialog).findByText(/exists already/)).toBeInTheDocument();
    await user.clear(within(dialog).getByRole('textbox', { name: 'Name' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Opted out, with consent');
    await user.click(within(dialog).getByRole('button', { name: 'Save filter' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posted.at(-1)).toEqual({ name: 'Opted out, with consent', filters: { statuses: ['unsubscribed'], legal_basis: 'consent' } });
  });
});

describe('Open a saved filter', () => {
  it('applies a filter the list can show, and offers the others only to the campaign builder', async () => {
    const api = mockApi(
      signedIn(SALES, {
        'GET /api/leads/contacts': () => json(200, page([contact()])),
        'GET /api/leads/saved-filters': () =>
          json(200, [
            { id: 1, name: 'Consent, replied', filters: { q: 'berg', statuses: ['replied'], legal_basis: 'consent' }, created_by: 'user:2', created_at: T0, total: 3 },
            { id: 2, name: 'Tagged fair', filters: { tags: ['fair'] }, created_by: 'user:2', created_at: T0, total: 9 },
          ]),
      }),
    );
    const user = userEvent.setup();
    renderApp('/contacts');
    const picker = await screen.findByRole('combobox', { name: 'Open a saved filter' });
    const builderOnly = within(picker).getByRole('option', { name: 'Tagged fair (campaign builder only)' });
    expect(builderOnly).toBeDisabled();
    await user.selectOptions(picker, 'Consent, replied');
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('replied'));
    expect((screen.getByRole('combobox', { name: 'Legal basis' }) as HTMLSelectElement).value).toBe('consent');
    expect(screen.getByRole('searchbox', { name: 'Search contacts' })).toHaveValue('berg');
    await waitFor(() =>
      expect(api.calls.some((c) => c.path.startsWith('/api/leads/contacts?') && c.path.includes('status=replied') && c.path.includes('q=berg'))).toBe(true),
    );
  });
});
