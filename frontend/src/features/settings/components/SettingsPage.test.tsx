import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { provider, usage } from '@/test/aiFixtures';
import { ADMIN, json, mockApi, problem, SALES, signedIn } from '@/test/mockApi';
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

  it('shows an error state when usage cannot be loaded', async () => {
    mockApi(signedIn(SALES, { 'GET /api/ai/usage': () => problem(502, 'The service is not reachable right now.'), 'GET /api/ai/provider': () => json(200, provider()) }));
    renderApp('/settings');
    expect(await screen.findByText("Couldn't load AI usage")).toBeInTheDocument();
    expect(screen.getByText('The service is not reachable right now.')).toBeInTheDocument();
  });
});
