import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN, DEMO, json, mockApi, SALES, signedIn } from '@/test/mockApi';
import { renderApp } from '@/test/render';

const EMPTY_PAGE = { items: [], total: 0, limit: 25, offset: 0 };

describe('app layout', () => {
  it('hides the Admin navigation for the sales role', async () => {
    mockApi(signedIn(SALES));
    renderApp('/leads');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Leads' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Campaigns' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Audit log' })).not.toBeInTheDocument();
    expect(within(nav).queryByText('Admin')).not.toBeInTheDocument();
    expect(screen.getByText('Sales')).toBeInTheDocument();
    expect(screen.queryByRole('note', { name: 'Demo mode' })).not.toBeInTheDocument();
  });

  it('shows the Admin navigation for admins', async () => {
    mockApi(signedIn(ADMIN));
    renderApp('/leads');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const admin = within(nav).getByRole('group', { name: 'Admin' });
    expect(within(admin).getByRole('link', { name: 'Users' })).toHaveAttribute('href', '/admin/users');
    expect(within(admin).getByRole('link', { name: 'Audit log' })).toHaveAttribute('href', '/admin/audit');
  });

  it('blocks admin pages for non-admins', async () => {
    mockApi(signedIn(SALES));
    renderApp('/admin/users');
    expect(await screen.findByText('Admins only')).toBeInTheDocument();
  });

  it('shows a Demo banner for the demo role', async () => {
    mockApi(signedIn(DEMO));
    renderApp('/leads');
    expect(await screen.findByRole('note', { name: 'Demo mode' })).toHaveTextContent(/demo account/i);
  });

  it('redirects / to /leads and explains the section', async () => {
    mockApi(signedIn(SALES));
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Leads' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/leads');
    expect(screen.getByText(/Find companies by query or domain list/)).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
  });

  it('renders a 404 inside the layout for unknown routes', async () => {
    mockApi(signedIn(SALES));
    renderApp('/nope/nothing-here');
    expect(await screen.findByText('Page not found')).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Go to Leads' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('logs out: calls the endpoint and returns to /login', async () => {
    const server = mockApi(signedIn(ADMIN, { 'GET /api/users': () => json(200, EMPTY_PAGE) }));
    renderApp('/leads');
    await userEvent.click(await screen.findByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Outbound CRM' })).toBeInTheDocument();
    await waitFor(() => expect(server.count('POST /api/auth/logout')).toBe(1));
    const logout = server.calls.find((c) => c.path === '/api/auth/logout')!;
    expect(logout.request.headers.get('X-Requested-With')).toBe('outbound-spa');
  });

  it('drops what the signed-in screens loaded when the user signs out', async () => {
    mockApi(signedIn(SALES, { 'GET /api/leads/companies': () => json(200, EMPTY_PAGE) }));
    const { queryClient } = renderApp('/companies');
    await screen.findByRole('heading', { level: 1, name: 'Companies' });
    await waitFor(() => expect(queryClient.getQueryCache().getAll().length).toBeGreaterThan(0));
    await userEvent.click(screen.getByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Outbound CRM' })).toBeInTheDocument();
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
  });
});
