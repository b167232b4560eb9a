import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { company, contact, page } from '@/test/leadsFixtures';
import { json, mockApi, SALES, signedIn, type Routes } from '@/test/mockApi';
import { renderApp } from '@/test/render';

const msg = (id: number, over: Record<string, unknown> = {}) => ({
  id, campaign_id: 3, step: id, to: 'hans@mueller-stb.de', subject: `Step ${id}`, status: 'sent', message_id: `<${id}@x>`,
  sent_at: `2026-01-0${id}T10:00:00Z`, opened_at: null, clicked_at: null, body_text: `Body ${id}`, ...over,
});
const inbound = (id: number, messageId: number | null, over: Record<string, unknown> = {}) => ({
  id, kind: 'reply', at: '2026-01-03T09:00:00Z', message_id: messageId, campaign_id: 3, contact_id: 5, category: 'interested',
  confidence: 0.9, classifier: 'rules', from_address: 'hans@mueller-stb.de', subject: 'Re: Step 1', text: 'Gerne, rufen Sie mich an.', detail: {}, ...over,
});
const thread = {
  contact_id: 5,
  items: [
    { type: 'message', at: '2026-01-01T10:00:00Z', message: msg(1, { status: 'replied', opened_at: '2026-01-01T12:00:00Z' }) },
    { type: 'message', at: '2026-01-02T10:00:00Z', message: msg(2, { status: 'bounced' }) },
    { type: 'reply', at: '2026-01-03T09:00:00Z', inbound: inbound(10, 1) },
    { type: 'bounce', at: '2026-01-02T10:05:00Z', inbound: inbound(11, 2, { kind: 'bounce', category: null, subject: 'Undelivered', text: '550 5.1.1 no such user' }) },
  ],
};

const contactRoutes: Routes = {
  'GET /api/leads/contacts/5': () => json(200, contact()),
  'GET /api/leads/contacts/5/notes': () => json(200, []),
  'GET /api/leads/contacts/5/timeline': () => json(200, page([], 0, 20)),
  'GET /api/email/contacts/5/thread': () => json(200, thread),
};

describe('E-mail history', () => {
  it('on the contact page: each message with its status, replies and bounces beneath it', async () => {
    mockApi(signedIn(SALES, contactRoutes));
    renderApp('/contacts/5');
    const card = await screen.findByRole('region', { name: 'E-mail' });
    const first = await within(card).findByRole('article', { name: 'Message: Step 1' });
    expect(within(first).getByText('Replied')).toBeInTheDocument();
    expect(first).toHaveTextContent('opened');
    const replies = within(card).getByRole('list', { name: 'Replies to Step 1' });
    expect(within(replies).getByText('Interested')).toBeInTheDocument();
    expect(within(replies).getByText('Gerne, rufen Sie mich an.')).toBeInTheDocument();
    const bounceList = within(card).getByRole('list', { name: 'Replies to Step 2' });
    expect(within(bounceList).getByText('550 5.1.1 no such user')).toBeInTheDocument();
    expect(within(card).getByRole('article', { name: 'Message: Step 2' })).toHaveTextContent('Bounced');
  });

  it('says so when there is no e-mail yet', async () => {
    mockApi(signedIn(SALES, { ...contactRoutes, 'GET /api/email/contacts/5/thread': () => json(200, { contact_id: 5, items: [] }) }));
    renderApp('/contacts/5');
    expect(await screen.findByText('No e-mail yet.')).toBeInTheDocument();
  });

  it("on the company page: a contact's thread loads when opened", async () => {
    const api = mockApi(
      signedIn(SALES, {
        'GET /api/leads/companies/1': () => json(200, company()),
        'GET /api/leads/companies/1/duplicates': () => json(200, []),
        'GET /api/leads/companies/1/notes': () => json(200, []),
        'GET /api/leads/companies/1/timeline': () => json(200, page([], 0, 20)),
        'GET /api/leads/contacts': () => json(200, page([contact(), contact({ id: 6, name: 'Eva', email: null })])),
        'GET /api/email/contacts/5/thread': () => json(200, thread),
      }),
    );
    const user = userEvent.setup();
    renderApp('/companies/1');
    const card = await screen.findByRole('region', { name: 'E-mail' });
    await within(card).findByText('hans@mueller-stb.de');
    expect(within(card).queryByText('Eva')).toBeNull();
    expect(api.count('GET /api/email/contacts/5/thread')).toBe(0);
    await user.click(within(card).getByText('Hans Müller'));
    expect(await within(card).findByRole('article', { name: 'Message: Step 1' })).toBeInTheDocument();
    await waitFor(() => expect(api.count('GET /api/email/contacts/5/thread')).toBe(1));
  });
});
