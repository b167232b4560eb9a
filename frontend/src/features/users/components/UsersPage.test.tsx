import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN, json, mockApi, noContent, problem, signedIn } from '@/test/mockApi';
import { renderApp } from '@/test/render';

const users = [
  { ...ADMIN, is_active: true, created_at: '2024-03-01T10:00:00Z', last_login_at: '2024-05-01T08:30:00Z' },
  {
    id: '00000000-0000-4000-8000-0000000000aa',
    email: 'bea@example.com',
    name: 'Bea Seller',
    role: 'sales',
    is_active: true,
    created_at: '2024-04-02T10:00:00Z',
    last_login_at: null,
  },
];
const page = (items: unknown[], total = items.length) => ({ items, total, limit: 25, offset: 0 });

describe('Admin → Users', () => {
  it('renders users in a table', async () => {
    const server = mockApi(signedIn(ADMIN, { 'GET /api/users': () => json(200, page(users, 60)) }));
    renderApp('/admin/users');
    const table = await screen.findByRole('table', { name: 'Users' });
    await within(table).findByText('Bea Seller');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + 2
    const bea = rows[2]!;
    expect(within(bea).getByText('Bea Seller')).toBeInTheDocument();
    expect(within(bea).getByText('bea@example.com')).toBeInTheDocument();
    expect(within(bea).getByText('Never')).toBeInTheDocument();
    expect(within(bea).getByRole('switch', { name: 'Active: Bea Seller' })).toBeChecked();
    expect(within(bea).getByRole('combobox', { name: 'Role for Bea Seller' })).toHaveValue('sales');
    // Can't lock yourself out.
    expect(within(rows[1]!).getByRole('switch', { name: 'Active: Ada Admin' })).toBeDisabled();
    expect(screen.getByRole('navigation', { name: 'Users pages' })).toHaveTextContent(/1.*25.*of.*60/);
    const list = server.calls.find((c) => c.path.startsWith('/api/users'))!;
    expect(list.path).toBe('/api/users?limit=25&offset=0');
    expect(list.request.headers.get('Authorization')).toBe('Bearer tok-1');
  });

  it('shows an empty state when there are no users', async () => {
    mockApi(signedIn(ADMIN, { 'GET /api/users': () => json(200, page([])) }));
    renderApp('/admin/users');
    expect(await screen.findByText('No users yet')).toBeInTheDocument();
  });

  it('searches with a debounced q parameter', async () => {
    const server = mockApi(
      signedIn(ADMIN, { 'GET /api/users': (_req, url) => json(200, page(url.searchParams.get('q') ? [] : users)) }),
    );
    renderApp('/admin/users');
    await screen.findByText('Bea Seller');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search users' }), 'zed');
    expect(await screen.findByText('No users match your search')).toBeInTheDocument();
    const searches = server.calls.filter((c) => c.path.includes('q='));
    expect(searches.map((c) => c.path)).toEqual(['/api/users?limit=25&offset=0&q=zed']);
  });

  it('shows an error state with retry', async () => {
    let fail = true;
    mockApi(signedIn(ADMIN, { 'GET /api/users': () => (fail ? problem(500, 'Database unavailable') : json(200, page(users))) }));
    renderApp('/admin/users');
    expect(await screen.findByText('Database unavailable')).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Bea Seller')).toBeInTheDocument();
  });

  it('create-user dialog maps 422 errors to fields and shows 409', async () => {
    let attempt = 0;
    const server = mockApi(
      signedIn(ADMIN, {
        'GET /api/users': () => json(200, page(users)),
        'POST /api/users': () => {
          attempt += 1;
          if (attempt === 1) {
            return problem(422, 'Validation failed', {
              errors: [
                { loc: ['body', 'email'], msg: 'value is not a valid email address' },
                { loc: ['body', 'password'], msg: 'String should have at least 12 characters' },
              ],
            });
          }
          return problem(409, 'A user with this e-mail already exists.');
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/admin/users');
    await screen.findByText('Bea Seller');
    await user.click(screen.getByRole('button', { name: 'New user' }));
    const dialog = await screen.findByRole('dialog', { name: 'New user' });
    await user.type(within(dialog).getByLabelText('Name'), 'Carl');
    await user.type(within(dialog).getByLabelText('E-mail'), 'carl@');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'admin');
    await user.type(within(dialog).getByLabelText('Initial password'), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));

    const email = within(dialog).getByLabelText('E-mail');
    await waitFor(() => expect(email).toHaveAccessibleDescription('value is not a valid email address'));
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('Initial password')).toHaveAccessibleDescription('String should have at least 12 characters');
    expect(within(dialog).getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
    const sent = server.calls.find((c) => c.method === 'POST' && c.path === '/api/users')!;
    expect(await sent.request.json()).toEqual({ name: 'Carl', email: 'carl@', role: 'admin', password: 'short' });

    await user.clear(email);
    await user.type(email, 'bea@example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(email).toHaveAccessibleDescription('A user with this e-mail already exists.'));
  });

  it('closes dialogs on Escape and keeps focus inside while open', async () => {
    mockApi(signedIn(ADMIN, { 'GET /api/users': () => json(200, page(users)) }));
    const user = userEvent.setup();
    renderApp('/admin/users');
    await screen.findByText('Bea Seller');
    const opener = screen.getByRole('button', { name: 'New user' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'New user' });
    expect(within(dialog).getByLabelText('Name')).toHaveFocus();
    for (let i = 0; i < 8; i++) await user.tab();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
  });

  it('deactivates after confirmation and changes role inline', async () => {
    const patches: unknown[] = [];
    mockApi(
      signedIn(ADMIN, {
        'GET /api/users': () => json(200, page(users)),
        'PATCH /api/users/00000000-0000-4000-8000-0000000000aa': async (req) => {
          const body = await req.json();
          patches.push(body);
          return json(200, { ...users[1], ...body });
        },
        'POST /api/users/00000000-0000-4000-8000-0000000000aa/password': () => noContent(),
      }),
    );
    const user = userEvent.setup();
    renderApp('/admin/users');
    await screen.findByText('Bea Seller');

    await user.click(screen.getByRole('switch', { name: 'Active: Bea Seller' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Deactivate Bea Seller?' });
    expect(patches).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(patches).toEqual([{ is_active: false }]));
    expect(await screen.findByText('User deactivated')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Bea Seller' }), 'admin');
    await waitFor(() => expect(patches).toEqual([{ is_active: false }, { role: 'admin' }]));

    await user.click(screen.getByRole('button', { name: 'Reset password for Bea Seller' }));
    const reset = await screen.findByRole('dialog', { name: 'Reset password' });
    await user.type(within(reset).getByLabelText('New password'), 'a-very-long-password');
    await user.type(within(reset).getByLabelText('Confirm new password'), 'a-very-long-password');
    await user.click(within(reset).getByRole('button', { name: 'Reset password' }));
    expect(await screen.findByText('Password reset')).toBeInTheDocument();
  });
});
