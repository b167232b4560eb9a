import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, SALES, signedIn } from '@/test/mockApi';
import { renderApp } from '@/test/render';

const reply = (id: number, category: string | null, kind = 'reply') => ({
  id, kind, at: '2026-01-03T09:00:00Z', message_id: 1, campaign_id: 3, contact_id: 5, category, confidence: 0.9, classifier: 'rules',
  from_address: `p${id}@example.com`, subject: `Re: hello ${id}`, text: `Text ${id}`, detail: {},
});

describe('Replies inbox', () => {
  it('lists replies with their classification and filters by category', async () => {
    const all = [reply(1, 'interested'), reply(2, 'out_of_office'), reply(3, null, 'bounce')];
    const server = mockApi(
      signedIn(SALES, {
        'GET /api/email/replies': (_req, url) => {
          const c = url.searchParams.get('category');
          const k = url.searchParams.get('kind');
          const items = all.filter((r) => (!c || r.category === c) && (!k || r.kind === k));
          return json(200, { items, total: items.length, limit: 25, offset: 0 });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/inbox');
    const list = await screen.findByRole('list', { name: 'Replies' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list).getByText('Interested')).toBeInTheDocument();
    expect(within(list).getByText('Out of office')).toBeInTheDocument();
    expect(within(list).getByText('Bounce')).toBeInTheDocument();
    expect(within(list).getAllByRole('link', { name: 'Open the thread' })[0]).toHaveAttribute('href', '/contacts/5');

    await user.click(screen.getByRole('button', { name: 'Interested' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Replies' })).getAllByRole('listitem')).toHaveLength(1));
    expect(server.calls.at(-1)!.path).toContain('category=interested');
    expect(screen.getByTestId('location')).toHaveTextContent('/inbox?category=interested');
  });

  it('says so when nothing came back', async () => {
    mockApi(signedIn(SALES, { 'GET /api/email/replies': () => json(200, { items: [], total: 0, limit: 25, offset: 0 }) }));
    renderApp('/inbox');
    expect(await screen.findByText('Nothing here')).toBeInTheDocument();
  });
});
