import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN, json, mockApi, signedIn } from '@/test/mockApi';
import { renderApp } from '@/test/render';
import { formatDetail } from './AuditDetail';

const events = [
  { id: 2, at: '2024-05-01T08:31:00Z', event: 'login.failed', user_id: null, email: 'eve@example.com', ip: '203.0.113.9', detail: { reason: 'bad_password', attempts: 3 } },
  { id: 1, at: '2024-05-01T08:30:00Z', event: 'user.role_changed', user_id: ADMIN.id, email: ADMIN.email, ip: '127.0.0.1', detail: { from: 'sales', to: 'admin' } },
];

describe('Admin → Audit log', () => {
  it('renders events with compact key=value detail and filters by event', async () => {
    const server = mockApi(
      signedIn(ADMIN, {
        'GET /api/auth/audit': (_r, url) => {
          const ev = url.searchParams.get('event');
          const items = ev ? events.filter((e) => e.event === ev) : events;
          return json(200, { items, total: items.length, limit: 50, offset: 0 });
        },
      }),
    );
    renderApp('/admin/audit');
    const table = await screen.findByRole('table', { name: 'Audit events' });
    await within(table).findByText('login.failed');
    expect(within(table).getByText('reason=bad_password attempts=3')).toBeInTheDocument();
    expect(within(table).getByText('203.0.113.9')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Event'), 'user.role_changed');
    await waitFor(() => expect(within(table).queryByText('login.failed')).not.toBeInTheDocument());
    expect(within(table).getByText('from=sales to=admin')).toBeInTheDocument();
    expect(server.calls.some((c) => c.path === '/api/auth/audit?limit=50&offset=0&event=user.role_changed')).toBe(true);
  });

  it('formats nested and spaced values', () => {
    expect(formatDetail({ a: 'x y', b: null, c: { d: 1 } })).toBe('a="x y" b=∅ c={"d":1}');
  });
});
