import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN, json, mockApi, noContent, problem, SALES, token } from '@/test/mockApi';
import { renderApp } from '@/test/render';

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('E-mail'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('login', () => {
  it('shows the login page on a first visit, when there is no session to restore (204)', async () => {
    const server = mockApi({ 'POST /api/auth/refresh': () => noContent() });
    renderApp('/leads');
    expect(await screen.findByRole('heading', { name: 'Sign in to Outbound CRM' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
    expect(screen.getByLabelText('E-mail')).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(server.count('POST /api/auth/refresh')).toBe(1);
    expect(server.count('GET /api/auth/me')).toBe(0);
  });

  it('shows the login page when the refresh cookie is refused', async () => {
    mockApi({ 'POST /api/auth/refresh': () => problem(401, 'The session has expired: sign in again.') });
    renderApp('/leads');
    expect(await screen.findByRole('heading', { name: 'Sign in to Outbound CRM' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
  });

  it('signs in and navigates into the app', async () => {
    const server = mockApi({
      'POST /api/auth/refresh': () => noContent(),
      'POST /api/auth/login': () => json(200, token('tok-login')),
      'GET /api/auth/me': (req) =>
        req.headers.get('Authorization') === 'Bearer tok-login' ? json(200, SALES) : problem(401, 'Not authenticated'),
    });
    renderApp('/login');
    await fillAndSubmit('sam@example.com', 'correct horse');

    expect(await screen.findByRole('heading', { level: 1, name: 'Leads' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/leads');
    expect(screen.getByTestId('current-user-name')).toHaveTextContent('Sam Sales');
    const login = server.calls.find((c) => c.path === '/api/auth/login')!;
    expect(await login.request.json()).toEqual({ email: 'sam@example.com', password: 'correct horse' });
    expect(login.request.credentials).toBe('include');
  });

  it('returns to the page that was asked for before login', async () => {
    mockApi({
      'POST /api/auth/refresh': () => noContent(),
      'POST /api/auth/login': () => json(200, token()),
      'GET /api/auth/me': () => json(200, ADMIN),
      'GET /api/auth/audit': () => json(200, { items: [], total: 0, limit: 50, offset: 0 }),
    });
    renderApp('/admin/audit?event=login.failed');
    await screen.findByRole('heading', { name: 'Sign in to Outbound CRM' });
    await fillAndSubmit('ada@example.com', 'pw');
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/admin/audit?event=login.failed');
  });

  it("shows the server's problem detail on failure", async () => {
    mockApi({
      'POST /api/auth/refresh': () => noContent(),
      'POST /api/auth/login': () => problem(401, 'Incorrect e-mail or password.'),
    });
    renderApp('/login');
    await fillAndSubmit('sam@example.com', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent('Incorrect e-mail or password.');
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('shows a countdown when throttled (429 + Retry-After)', async () => {
    mockApi({
      'POST /api/auth/refresh': () => noContent(),
      'POST /api/auth/login': () => problem(429, 'Too many login attempts', {}, { 'Retry-After': '42' }),
    });
    renderApp('/login');
    await fillAndSubmit('sam@example.com', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent(/Too many attempts, try again in 4[12] s/);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  });

  it('disables the form while the request is pending', async () => {
    let release!: () => void;
    mockApi({
      'POST /api/auth/refresh': () => noContent(),
      'POST /api/auth/login': () => new Promise<Response>((r) => (release = () => r(problem(401, 'Nope')))),
    });
    renderApp('/login');
    await fillAndSubmit('sam@example.com', 'pw');
    await waitFor(() => expect(screen.getByRole('button', { name: /Signing in/ })).toBeDisabled());
    expect(screen.getByLabelText('E-mail')).toBeDisabled();
    release();
    expect(await screen.findByRole('alert')).toHaveTextContent('Nope');
  });
});
