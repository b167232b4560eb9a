import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { provider, usage } from '@/test/aiFixtures';
import { ADMIN, DEMO, json, mockApi, problem, SALES, signedIn } from '@/test/mockApi';
import { renderApp } from '@/test/render';

describe('Settings → AI usage', () => {
  it("shows today's calls, tokens, cost and the budget left", async () => {
    mockApi(signedIn(SALES, { 'GET /api/ai/usage': () => json(200, usage()), 'GET /api/ai/provider': () => json(200, provider()) }));
    renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'AI usage' });
    expect(await within(card).findByText('17,500')).toBeInTheDocument();
    expect(within(card).getByText('3 from the cache')).toBeInTheDocument();
    expect(within(card).getByText('$0.50')).toBeInTheDocument();
    expect(within(card).getByTestId('budget-Daily budget')).toHaveTextContent('$1.50 of $2.00 left');
    expect(within(card).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0.5');
    expect(within(card).getByText(/Today \(2024-05-01, UTC\)\. Resets at .* \(in 5 h\)\./)).toBeInTheDocument();
    expect(await within(card).findByText('AI: gpt-4o-mini')).toBeInTheDocument();
  });

  it("admins also see everyone's usage; no budget is said plainly", async () => {
    const lines = [
      { principal: `user:${ADMIN.id}`, calls: 2, cached_calls: 0, prompt_tokens: 100, completion_tokens: 20, cost: 0.001 },
      { principal: 'user:someone-else', calls: 5, cached_calls: 1, prompt_tokens: 500, completion_tokens: 50, cost: 0.002 },
    ];
    mockApi(
      signedIn(ADMIN, {
        'GET /api/ai/usage': () => json(200, usage({ budget_usd: null, remaining_usd: null, users: lines })),
        'GET /api/ai/provider': () => json(200, provider()),
      }),
    );
    renderApp('/settings');
    const table = await screen.findByRole('table', { name: 'AI usage by user today' });
    expect(within(table).getByText('You')).toBeInTheDocument();
    expect(within(table).getByText('user:someone-else')).toBeInTheDocument();
    expect(screen.getByText('No daily AI budget applies to you.')).toBeInTheDocument();
  });

  it('says which AI provider the server runs, and where it is chosen', async () => {
    mockApi(signedIn(SALES, { 'GET /api/ai/usage': () => json(200, usage()), 'GET /api/ai/provider': () => json(200, provider({ is_ai: false, provider: 'heuristic' })) }));
    renderApp('/settings');
    const inUse = await screen.findByTestId('ai-provider-in-use');
    await waitFor(() => expect(inUse).toHaveTextContent('In use: offline rules (not AI) — no model is configured.'));
    expect(screen.getByText(/OUTBOUND_AI_PROVIDER/)).toBeInTheDocument();
    expect(screen.queryByText('Coming next')).not.toBeInTheDocument();
  });

  it('shows an error state when usage cannot be loaded', async () => {
    mockApi(signedIn(SALES, { 'GET /api/ai/usage': () => problem(502, 'The service is not reachable right now.'), 'GET /api/ai/provider': () => json(200, provider()) }));
    renderApp('/settings');
    expect(await screen.findByText("Couldn't load AI usage")).toBeInTheDocument();
    expect(screen.getByText('The service is not reachable right now.')).toBeInTheDocument();
  });
});

describe('Settings → sender profile', () => {
  const profile = { user_id: 2, name: 'Sam Sales', role: null, company: null, offer: null, calendar_url: null, signature: null };
  const ai = { 'GET /api/ai/usage': () => json(200, usage()), 'GET /api/ai/provider': () => json(200, provider()) };

  it('loads, edits and saves the whole profile', async () => {
    const saved: unknown[] = [];
    mockApi(
      signedIn(SALES, {
        ...ai,
        'GET /api/auth/me/sender-profile': () => json(200, profile),
        'PUT /api/auth/me/sender-profile': async (req) => {
          const body = (await req.json()) as Record<string, unknown>;
          saved.push(body);
          return json(200, { ...profile, ...body });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'Sender profile' });
    const name = await within(card).findByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('Sam Sales');
    const save = within(card).getByRole('button', { name: 'Save sender profile' });
    expect(save).toBeDisabled();
    await user.type(within(card).getByRole('textbox', { name: 'Role' }), 'Vertriebsleiter');
    await user.type(within(card).getByRole('textbox', { name: 'Your offer in one line' }), 'Wir rüsten Maschinen mit Sensoren nach.');
    await user.type(within(card).getByRole('textbox', { name: 'Calendar link' }), 'https://cal.example.com/sam');
    await user.click(save);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({ name: 'Sam Sales', role: 'Vertriebsleiter', company: null, offer: 'Wir rüsten Maschinen mit Sensoren nach.', calendar_url: 'https://cal.example.com/sam', signature: null });
    expect(await screen.findByText('Sender profile saved')).toBeInTheDocument();
  });

  it("shows the server's field error", async () => {
    mockApi(
      signedIn(SALES, {
        ...ai,
        'GET /api/auth/me/sender-profile': () => json(200, profile),
        'PUT /api/auth/me/sender-profile': () =>
          problem(422, 'Invalid request.', { errors: [{ loc: ['body', 'calendar_url'], msg: 'Value error, must be an http(s) link', type: 'value_error' }] }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'Sender profile' });
    await user.type(await within(card).findByRole('textbox', { name: 'Calendar link' }), 'ftp://x');
    await user.click(within(card).getByRole('button', { name: 'Save sender profile' }));
    expect(await within(card).findByText(/must be an http\(s\) link/)).toBeInTheDocument();
  });

  it('is read-only for the shared demo account', async () => {
    mockApi(signedIn(DEMO, { ...ai, 'GET /api/auth/me/sender-profile': () => json(200, { ...profile, name: 'Dee Demo' }) }));
    renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'Sender profile' });
    expect(await within(card).findByText("The shared demo account's sender profile can't be changed.")).toBeInTheDocument();
    expect(within(card).getByRole('textbox', { name: 'Name' })).toBeDisabled();
    expect(within(card).queryByRole('button', { name: 'Save sender profile' })).toBeNull();
  });
});
