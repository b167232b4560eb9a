import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { company, contact, page } from '@/test/leadsFixtures';
import { DEMO, json, mockApi, noContent, SALES, signedIn, type Routes } from '@/test/mockApi';
import { renderApp } from '@/test/render';
import { campaign } from '@/features/campaigns/components/fixtures';

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

  it("lists the contact's campaigns: where its sequence stands, or why it was left out", async () => {
    type Enrolment = NonNullable<Parameters<typeof campaign>[0]>['enrolment'];
    const enrolment = (over: Partial<NonNullable<Enrolment>>): Enrolment => ({ status: 'active', next_step: 2, stop_reason: null, excluded_reason: null, stopped_at: null, last_sent_at: null, ...over });
    const api = mockApi(
      signedIn(SALES, {
        ...contactRoutes,
        'GET /api/email/campaigns': () =>
          json(200, {
            items: [
              campaign({ id: 7, name: 'Steuerberater Köln', status: 'finished', enrolment: enrolment({ status: 'stopped', next_step: 1, stop_reason: 'legal_basis', excluded_reason: 'legal_basis' }) }),
              campaign({ id: 4, name: 'Tax advisors Munich', status: 'running', enrolment: enrolment({}) }),
              campaign({ id: 2, name: 'Spring', status: 'finished', enrolment: enrolment({ status: 'stopped', stop_reason: 'replied' }) }),
            ],
            total: 3,
          }),
      }),
    );
    renderApp('/contacts/5');
    const list = await screen.findByRole('list', { name: 'Campaigns' });
    expect(within(list).getAllByRole('listitem').map((row) => row.textContent)).toEqual([
      'Steuerberater Köln left out: No legal basis',
      'Tax advisors Munich in sequence: step 1 of 2',
      'Spring sequence stopped: Replied',
    ]);
    expect(within(list).getByRole('link', { name: 'Steuerberater Köln' })).toHaveAttribute('href', '/campaigns/7');
    expect(api.calls.find((c) => c.path.startsWith('/api/email/campaigns'))?.path).toBe('/api/email/campaigns?contact_id=5&limit=50&offset=0');
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

  it('a drafted answer to an interested reply shows its offered times; Send and Discard decide it', async () => {
    let drafts = [draft()];
    const api = mockApi(
      signedIn(SALES, {
        ...contactRoutes,
        'GET /api/email/contacts/5/drafts': () => json(200, { items: drafts }),
        'POST /api/email/drafts/7/send': () => {
          drafts = [];
          return json(200, { ...draft(), status: 'sent', sent_message_id: 40 });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/contacts/5');
    const card = await screen.findByRole('region', { name: 'E-mail' });
    const shown = await within(card).findByRole('article', { name: 'Draft: Re: Step 1' });
    expect(within(shown).getAllByRole('listitem')).toHaveLength(3);
    expect(shown).toHaveTextContent('Europe/Berlin');
    await user.click(within(shown).getByRole('button', { name: /Send/ }));
    await waitFor(() => expect(api.count('POST /api/email/drafts/7/send')).toBe(1));
    await waitFor(() => expect(within(card).queryByRole('article', { name: 'Draft: Re: Step 1' })).toBeNull());
  });

  it('the demo account sees the draft but cannot send or discard it, and is told why', async () => {
    const api = mockApi(
      signedIn(DEMO, {
        ...contactRoutes,
        'GET /api/email/contacts/5/drafts': () => json(200, { items: [draft()] }),
        'DELETE /api/email/drafts/7': () => noContent(),
      }),
    );
    const user = userEvent.setup();
    renderApp('/contacts/5');
    const shown = await screen.findByRole('article', { name: 'Draft: Re: Step 1' });
    const send = within(shown).getByRole('button', { name: /Send/ });
    expect(send).toHaveAttribute('aria-disabled', 'true');
    expect(send).toHaveAccessibleDescription('The demo account cannot send mail.');
    await user.click(send);
    expect(api.count('POST /api/email/drafts/7/send')).toBe(0);
    expect(within(shown).getByRole('button', { name: /Discard/ })).toHaveAttribute('aria-disabled', 'true');
  });
});

function draft() {
  const slot = (day: number) => ({ start: `2026-01-0${day}T09:00:00Z`, end: `2026-01-0${day}T09:30:00Z`, book_url: `https://crm.example/book/t/quick/s${day}` });
  return {
    id: 7, contact_id: 5, campaign_id: 3, mailbox_id: 1, to_email: 'hans@mueller-stb.de', subject: 'Re: Step 1',
    body_text: 'Sehr geehrter Herr Müller,\n\nvielen Dank …', body_html: null, in_reply_to: '<r@x>', language: 'de',
    timezone: 'Europe/Berlin', slots: [slot(5), slot(6), slot(7)], page_url: 'https://crm.example/book/t', status: 'draft',
    sent_message_id: null, decided_by: null, created_at: '2026-01-03T09:01:00Z', updated_at: '2026-01-03T09:01:00Z',
  };
}
