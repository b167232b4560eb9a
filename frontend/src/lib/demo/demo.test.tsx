import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from '@/components/ui';
import { describeAiError } from '@/lib/aiErrors';
import { ApiError, DEMO_PROBLEM_TYPE, errorMessage, isDemoRefusal, toApiError } from '@/lib/api/problem';
import { provider } from '@/test/aiFixtures';
import { company, contact, page } from '@/test/leadsFixtures';
import { ADMIN, DEMO, json, mockApi, noContent, problem, SALES, signedIn, token, type Routes } from '@/test/mockApi';
import { renderApp } from '@/test/render';
import { describeSchedule, resetCountdown } from './DemoBanner';
import { DisabledReason } from '@/components/ui/DisabledReason';

const MINUTE = 60_000;

/** GET /api/auth/demo as the public demo answers it: reset hourly, the next one `minutes` from now. */
function demoOn(minutes = 23, cron = '0 * * * *'): Routes {
  return {
    'GET /api/auth/demo': () =>
      json(200, { enabled: true, reset_cron: cron, next_reset_at: new Date(Date.now() + minutes * MINUTE - 1000).toISOString() }),
  };
}

const demoOff: Routes = { 'GET /api/auth/demo': () => problem(404, 'There is no public demo here.') };

afterEach(() => {
  vi.useRealTimers();
});

describe('the demo banner', () => {
  it('says how often and when the data resets', () => {
    expect(describeSchedule('0 * * * *')).toBe('every hour');
    expect(describeSchedule('*/20 * * * *')).toBe('every 20 minutes');
    expect(describeSchedule('0 */6 * * *')).toBe('every 6 hours');
    expect(describeSchedule('30 3 * * *')).toBe('every day');
    expect(describeSchedule('0 9 * * 1')).toBe('on a schedule');
    const now = Date.parse('2026-12-04T10:37:00Z');
    expect(resetCountdown('2026-12-04T11:00:00Z', now)).toBe('next reset in 23 min');
    expect(resetCountdown('2026-12-04T10:37:40Z', now)).toBe('next reset in less than a minute');
    expect(resetCountdown('2026-12-04T12:02:00Z', now)).toBe('next reset in 1 h 25 min');
    expect(resetCountdown('2026-12-04T10:30:00Z', now)).toBe('resetting now');
  });

  it('shows on every signed-in screen in the public demo, counting down', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mockApi(signedIn(SALES, { ...demoOn(23), 'GET /api/leads/jobs': () => json(200, page([])) }));
    renderApp('/leads');
    const banner = await screen.findByRole('note', { name: 'Demo mode' });
    await waitFor(() => expect(banner).toHaveTextContent('Public demo — data resets every hour, next reset in 23 min'));
    vi.advanceTimersByTime(5 * MINUTE);
    await waitFor(() => expect(banner).toHaveTextContent('next reset in 18 min'));
  });

  it('is not there outside the demo', async () => {
    const server = mockApi(signedIn(SALES, { ...demoOff, 'GET /api/leads/jobs': () => json(200, page([])) }));
    renderApp('/leads');
    await screen.findByRole('heading', { level: 1, name: 'Leads' });
    await waitFor(() => expect(server.count('GET /api/auth/demo')).toBe(1));
    expect(screen.queryByRole('note', { name: 'Demo mode' })).not.toBeInTheDocument();
  });
});

describe('Enter the demo', () => {
  it('is one click on the sign-in page: a demo session like a login, then the app with the banner', async () => {
    const server = mockApi({
      ...demoOn(40),
      'POST /api/auth/refresh': () => noContent(),
      'POST /api/auth/demo': () => json(200, token('tok-demo')),
      'GET /api/auth/me': (req) => (req.headers.get('Authorization') === 'Bearer tok-demo' ? json(200, DEMO) : problem(401, 'Not authenticated')),
      'GET /api/leads/jobs': () => json(200, page([])),
      'GET /api/leads/finder/providers': () => json(200, []),
    });
    const user = userEvent.setup();
    renderApp('/login');
    expect(await screen.findByRole('note', { name: 'Demo mode' })).toHaveTextContent('next reset in 40 min');
    await user.click(await screen.findByRole('button', { name: 'Enter the demo' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Leads' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/leads');
    expect(screen.getByRole('note', { name: 'Demo mode' })).toHaveTextContent('Public demo');
    const entered = server.calls.find((c) => c.method === 'POST' && c.path === '/api/auth/demo')!;
    expect(entered.request.headers.get('X-Requested-With')).toBe('outbound-spa'); // the server refuses cross-site entries
    expect(entered.request.credentials).toBe('include'); // the refresh cookie comes back with it
  });

  it('says so when the address has entered too often', async () => {
    mockApi({
      ...demoOn(),
      'POST /api/auth/refresh': () => noContent(),
      'POST /api/auth/demo': () => problem(429, 'Too many demo sessions from your address.', {}, { 'Retry-After': '30' }),
    });
    const user = userEvent.setup();
    renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Enter the demo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/try again in 30 s/);
    expect(screen.getByRole('button', { name: 'Enter the demo' })).toBeDisabled();
  });

  it('is not offered outside the demo', async () => {
    const server = mockApi({ ...demoOff, 'POST /api/auth/refresh': () => noContent() });
    renderApp('/login');
    await screen.findByRole('heading', { name: 'Sign in to Outbound CRM' });
    await waitFor(() => expect(server.count('GET /api/auth/demo')).toBe(1));
    expect(screen.queryByRole('button', { name: 'Enter the demo' })).not.toBeInTheDocument();
    expect(screen.queryByRole('note', { name: 'Demo mode' })).not.toBeInTheDocument();
  });
});

describe('<DisabledReason>', () => {
  it('keeps the control focusable, refuses the click and shows why on hover and on keyboard focus', async () => {
    const onClick = vi.fn();
    const user = userEvent.setup();
    render(
      <DisabledReason reason="AI is switched off in the public demo.">
        <Button onClick={onClick}>Enrich with AI</Button>
      </DisabledReason>,
    );
    const button = screen.getByRole('button', { name: 'Enrich with AI' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('AI is switched off in the public demo.');
    expect(screen.getByRole('tooltip', { hidden: true })).not.toBeVisible();

    await user.hover(button);
    expect(screen.getByRole('tooltip')).toHaveTextContent('AI is switched off in the public demo.');
    await user.unhover(button);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

    await user.tab();
    expect(button).toHaveFocus();
    expect(screen.getByRole('tooltip')).toBeVisible();
    await user.keyboard('{Enter}');
    await user.click(button);
    expect(onClick).not.toHaveBeenCalled();
    await user.tab();
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('leaves the control alone without a reason', async () => {
    const onClick = vi.fn();
    render(
      <DisabledReason reason={null}>
        <Button onClick={onClick}>Write</Button>
      </DisabledReason>,
    );
    const button = screen.getByRole('button', { name: 'Write' });
    expect(button).not.toHaveAttribute('aria-disabled');
    await userEvent.setup().click(button);
    expect(onClick).toHaveBeenCalledOnce();
  });
});

describe('controls the public demo refuses', () => {
  const companyRoutes: Routes = {
    'GET /api/leads/companies/1': () => json(200, company()),
    'GET /api/leads/companies/1/duplicates': () => json(200, []),
    'GET /api/leads/companies/1/notes': () => json(200, []),
    'GET /api/leads/companies/1/timeline': () => json(200, page([], 0, 20)),
    'GET /api/leads/contacts': () => json(200, page([contact()], 1, 100)),
    'GET /api/ai/provider': () => json(200, provider()),
    'GET /api/ai/enrich/company/1': () => noContent(),
  };

  it('an AI button, for a sales user too, with the reason', async () => {
    const server = mockApi(signedIn(SALES, { ...demoOn(), ...companyRoutes }));
    const user = userEvent.setup();
    renderApp('/companies/1');
    await screen.findByRole('heading', { level: 1, name: 'Müller Steuerberatung GmbH' });
    const button = screen.getByRole('button', { name: 'Enrich with AI' });
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'));
    expect(button).toHaveAccessibleDescription('AI is switched off in the public demo.');
    await user.click(button);
    expect(server.count('POST /api/ai/enrich/company/1')).toBe(0);
  });

  it('user administration and settings', async () => {
    mockApi(
      signedIn(ADMIN, {
        ...demoOn(),
        'GET /api/users': () => json(200, page([ADMIN])),
        'GET /api/ai/usage': () => problem(403, 'Switched off'),
        'GET /api/ai/provider': () => json(200, provider()),
        'GET /api/auth/me/sender-profile': () =>
          json(200, { user_id: 1, name: 'Ada Admin', role: null, company: null, offer: null, calendar_url: null, signature: null }),
      }),
    );
    const { unmount } = renderApp('/admin/users');
    const newUser = (await screen.findAllByRole('button', { name: 'New user' }))[0]!;
    await waitFor(() => expect(newUser).toHaveAttribute('aria-disabled', 'true'));
    expect(newUser).toHaveAccessibleDescription('User administration is switched off in the public demo.');
    unmount();
    renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'Sender profile' });
    const save = await within(card).findByRole('button', { name: 'Save sender profile' });
    await waitFor(() => expect(save).toHaveAccessibleDescription('Settings cannot be changed in the public demo.'));
  });
});

describe('a refusal by the demo', () => {
  const refusal = (detail: string) =>
    toApiError({ type: DEMO_PROBLEM_TYPE, title: 'Forbidden', status: 403, detail }, new Response(null, { status: 403 }));

  it('reads as a friendly message, not an error of the visitor', () => {
    const err = refusal('This is switched off in the public demo.');
    expect(isDemoRefusal(err)).toBe(true);
    expect(errorMessage(err)).toMatch(/switched off in the public demo, so nothing leaves it/);
    expect(errorMessage(err)).toMatch(/is yours to try/);
    expect(describeAiError(err).title).toBe('Switched off in the public demo');
    expect(errorMessage(refusal('The demo account cannot change data.'))).toBe('The demo account can look around, but it cannot change this.');
    const other = new ApiError(403, { type: 'urn:outbound:problem:forbidden', title: 'Forbidden', status: 403, detail: 'Only admins.' }, 'Only admins.');
    expect(isDemoRefusal(other)).toBe(false);
  });
});
