import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { company, contact, page } from '@/test/leadsFixtures';
import { ADMIN, DEMO, json, mockApi, SALES, signedIn, type Routes } from '@/test/mockApi';
import { renderApp } from '@/test/render';
import { campaign, progress } from './fixtures';

const mailboxes = [{ id: 1, name: 'Local catcher', from_email: 'outbound@localhost', kind: 'catcher', paused_reason: null }];
const templates = { items: [{ id: 4, name: 'First touch', subject: 'Hi' }], total: 1 };
const base = (over: Routes = {}): Routes => ({
  'GET /api/email/mailboxes': () => json(200, mailboxes),
  'GET /api/email/templates': () => json(200, templates),
  'GET /api/email/campaigns/3/stats': () => json(404, { title: 'Not Found', status: 404 }),
  'GET /api/email/campaigns/3/ai-lines': () => json(200, { items: [], total: 0 }),
  'GET /api/email/messages': () => json(200, { items: [], total: 0 }),
  'GET /api/email/replies': (_req, url) => json(200, { items: [], total: url.searchParams.get('category') === 'interested' ? 1 : 0, limit: 1, offset: 0 }),
  'GET /api/email/campaigns/3/eligibility': () => json(200, { total: 2, eligible: 2, excluded: [], lint: [] }),
  ...over,
});

describe('Campaigns list', () => {
  it('shows each campaign with its status and a progress bar', async () => {
    mockApi(signedIn(SALES, { 'GET /api/email/campaigns': () => json(200, { items: [campaign({ status: 'running', progress: progress({ pending: 1, sent: 1 }) })], total: 1 }) }));
    renderApp('/campaigns');
    const table = await screen.findByRole('table', { name: 'Campaigns' });
    expect(within(table).getByRole('link', { name: 'Tax advisors Munich' })).toHaveAttribute('href', '/campaigns/3');
    expect(within(table).getByText('Running')).toBeInTheDocument();
    expect(within(table).getByRole('progressbar', { name: 'Progress of Tax advisors Munich' })).toHaveAttribute('aria-valuenow', '1');
    expect(within(table).getByText('1 sent of 2')).toBeInTheDocument();
  });
});

describe('Campaign builder', () => {
  it('picks the audience by tag with a live count, then creates the draft with the pinned body', async () => {
    const posted: unknown[] = [];
    mockApi(
      signedIn(
        SALES,
        base({
          'GET /api/leads/contacts': (_req, url) => {
            const tagged = url.searchParams.get('tag') === 'munich';
            const items = tagged ? [contact({ id: 5 }), contact({ id: 6, name: 'Eva' })] : [contact({ id: 5 }), contact({ id: 6 }), contact({ id: 7 })];
            const limit = Number(url.searchParams.get('limit'));
            return json(200, page(items.slice(0, limit), items.length, limit));
          },
          'GET /api/leads/companies': () => json(200, page([company()])),
          'POST /api/email/campaigns': async (req) => {
            posted.push(await req.json());
            return json(201, campaign());
          },
          'GET /api/email/campaigns/3': () => json(200, campaign()),
          'GET /api/calendar/pages': () => json(200, [{ id: 9, title: 'Intro call', host_name: 'Sam Sales', duration_minutes: 30 }]),
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/campaigns/new');
    await user.type(await screen.findByRole('textbox', { name: 'Campaign name' }), 'Tax advisors Munich');
    expect(await screen.findByTestId('audience-count')).toHaveTextContent('3 contacts');
    await user.type(screen.getByRole('textbox', { name: 'Tag' }), 'munich');
    await waitFor(() => expect(screen.getByTestId('audience-count')).toHaveTextContent('2 contacts'));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Step 1 template' }), 'First touch');
    await user.click(within(screen.getByRole('listitem', { name: 'Step 1' })).getByRole('checkbox', { name: 'AI opening line' }));
    await user.click(screen.getByRole('button', { name: 'Add step' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Step 2 template' }), 'First touch');
    await user.click(await screen.findByRole('checkbox', { name: /Local catcher/ }));
    await user.click(screen.getByRole('switch', { name: 'Track clicks' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Booking page' }), await screen.findByRole('option', { name: /Intro call · Sam Sales/ }));
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      name: 'Tax advisors Munich',
      mailbox_ids: [1],
      contact_ids: [5, 6],
      steps: [
        { template_id: 4, delay_days: 0, business_days: false, ai_line: true, weight: 1 },
        { template_id: 4, delay_days: 3, business_days: true, ai_line: false, weight: 1 },
      ],
      send_window: null,
      track_opens: false,
      track_clicks: true,
      booking_page_id: 9,
    });
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/campaigns/3'));
  });

  it('picks a saved filter as the audience: live count with who is excluded, the filter posted with the draft', async () => {
    const posted: unknown[] = [];
    const previews: unknown[] = [];
    mockApi(
      signedIn(
        SALES,
        base({
          'GET /api/leads/contacts': () => json(200, page([contact({ id: 5 })])),
          'GET /api/leads/saved-filters': () =>
            json(200, [{ id: 7, name: 'Fair leads', filters: { tags: ['fair'] }, created_by: 'user:2', created_at: '2026-01-01T10:00:00Z', total: 4 }]),
          'POST /api/email/campaigns/audience-preview': async (req) => {
            previews.push(await req.json());
            return json(200, { total: 4, eligible: 2, excluded_by_reason: { no_email: 1, legal_basis: 1 } });
          },
          'POST /api/email/campaigns': async (req) => {
            posted.push(await req.json());
            return json(201, campaign());
          },
          'GET /api/email/campaigns/3': () => json(200, campaign()),
          'GET /api/calendar/pages': () => json(200, []),
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/campaigns/new');
    await user.type(await screen.findByRole('textbox', { name: 'Campaign name' }), 'Fair follow-up');
    await user.click(screen.getByRole('radio', { name: 'A saved filter' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Saved filter' }), await screen.findByRole('option', { name: 'Fair leads · 4 contacts' }));
    // The saved filter is asked once (before it, the builder's first way may have asked for every contact: {}).
    await waitFor(() => expect(previews.at(-1)).toEqual({ audience: { saved_filter_id: 7 } }));
    expect(previews.slice(0, -1).every((b) => JSON.stringify(b) === '{"audience":{}}')).toBe(true);
    await waitFor(() => expect(screen.getByTestId('audience-count')).toHaveTextContent('4 contacts · 2 eligible now'));
    expect(screen.getByTestId('audience-excluded')).toHaveTextContent('Excluded: 1 without an e-mail address, 1 without a legal basis (DE/AT/CH).');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Step 1 template' }), 'First touch');
    await user.click(await screen.findByRole('checkbox', { name: /Local catcher/ }));
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ name: 'Fair follow-up', contact_ids: [], audience: { saved_filter_id: 7 }, mailbox_ids: [1] });
  });

  it('says what is missing before it asks the server', async () => {
    const api = mockApi(signedIn(SALES, base({ 'GET /api/leads/contacts': () => json(200, page([], 0)) })));
    const user = userEvent.setup();
    renderApp('/campaigns/new');
    await user.click(await screen.findByRole('button', { name: 'Create draft' }));
    expect(await screen.findByText('Give the campaign a name.')).toBeInTheDocument();
    expect(screen.getByText('Pick a template.')).toBeInTheDocument();
    expect(screen.getByText('Pick at least one mailbox.')).toBeInTheDocument();
    expect(api.count('POST /api/email/campaigns')).toBe(0);
  });
});

it('the demo account may build a draft (services/kit/policy.py allows drafts; starting is refused)', async () => {
  mockApi(signedIn(DEMO, base({ 'GET /api/leads/contacts': () => json(200, page([], 0)) })));
  renderApp('/campaigns/new');
  const create = await screen.findByRole('button', { name: 'Create draft' });
  expect(create).not.toHaveAttribute('aria-disabled');
});

describe('Campaign page', () => {
  it('an admin starts a draft; the running campaign polls its progress', async () => {
    let current = campaign();
    const api = mockApi(
      signedIn(
        ADMIN,
        base({
          'GET /api/email/campaigns/3': () => json(200, current),
          'POST /api/email/campaigns/3/start': () => {
            current = campaign({ status: 'running', progress: progress({ pending: 1, sent: 1 }) });
            return json(200, { id: 3, status: 'running' });
          },
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/campaigns/3');
    expect(await screen.findByTestId('eligibility-summary')).toHaveTextContent('2 of 2 contacts will get the sequence.');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeEnabled();
    expect(screen.getByTestId('progress-summary')).toHaveTextContent('1 of 2 sent');
    current = campaign({ status: 'running', progress: progress({ pending: 0, sent: 2 }) });
    await waitFor(() => expect(screen.getByTestId('progress-summary')).toHaveTextContent('2 of 2 sent'));
    expect(api.count('GET /api/email/campaigns/3')).toBeGreaterThanOrEqual(3);
    // Without a stats answer the funnel falls back to the ledger's counts.
    expect(screen.getByTestId('funnel-sent')).toHaveTextContent('2');
    expect(screen.getByTestId('funnel-opened')).toHaveTextContent('off');
    expect(screen.getByTestId('funnel-interested')).toHaveTextContent('1');
  });

  it.each([
    [SALES, 'Only an admin can start, pause, resume or stop a campaign.'],
    [DEMO, 'The demo account cannot start or stop campaigns.'],
  ])('state buttons are disabled with the reason for %s', async (who, reason) => {
    const api = mockApi(signedIn(who, base({ 'GET /api/email/campaigns/3': () => json(200, campaign({ status: 'paused' })) })));
    renderApp('/campaigns/3');
    for (const name of ['Resume', 'Stop']) {
      const button = await screen.findByRole('button', { name });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription(reason);
    }
    expect(api.calls.filter((c) => c.method === 'POST' && c.path.startsWith('/api/email'))).toEqual([]);
  });

  it('shows the funnel and a chart over time from the stats', async () => {
    mockApi(
      signedIn(
        SALES,
        base({
          'GET /api/email/campaigns/3': () => json(200, campaign({ status: 'finished', track_opens: true, progress: progress({ pending: 0, sent: 2 }) })),
          'GET /api/email/campaigns/3/stats': () =>
            json(200, {
              funnel: { sent: 40, opened: 20, clicked: 5, replied: 4, interested: 2, bounced: 1, unsubscribed: 1 },
              series: [
                { day: '2026-01-01', sent: 20, opened: 8, replied: 1, bounced: 0 },
                { day: '2026-01-02', sent: 20, opened: 12, replied: 3, bounced: 1 },
              ],
            }),
        }),
      ),
    );
    renderApp('/campaigns/3');
    await waitFor(() => expect(screen.getByTestId('funnel-interested')).toHaveTextContent('2'));
    expect(screen.getByTestId('funnel-opened')).toHaveTextContent('20');
    expect(screen.getByTestId('funnel-clicked')).toHaveTextContent('off');
    expect(screen.getByRole('img', { name: 'Messages per day over 2 days, up to 20 a day' })).toBeInTheDocument();
  });

  it('a campaign on its first day: the contacts left out, and a dot where a line needs two days', async () => {
    mockApi(
      signedIn(
        SALES,
        base({
          'GET /api/email/campaigns/3': () =>
            json(200, campaign({ status: 'finished', progress: progress({ total: 2, pending: 0, sent: 2, contacts: 3, excluded: 2 }) })),
          'GET /api/email/campaigns/3/stats': () =>
            json(200, {
              funnel: { sent: 2, opened: 0, clicked: 0, replied: 0, interested: 0, bounced: 0, unsubscribed: 0 },
              series: [{ day: '2026-01-01', sent: 2, opened: 0, replied: 0, bounced: 0 }],
            }),
        }),
      ),
    );
    renderApp('/campaigns/3');
    expect(await screen.findByTestId('progress-summary')).toHaveTextContent('2 of 2 sent');
    expect(screen.getByTestId('progress-excluded')).toHaveTextContent('2 of 3 contacts left out when it was prepared');
    expect(screen.getByRole('progressbar', { name: 'Campaign progress' })).toHaveAttribute('aria-valuenow', '2');
    await screen.findByRole('img', { name: 'Messages per day over 1 day, up to 2 a day' });
    expect(screen.getAllByTestId('point-sent')).toHaveLength(1);
    expect(screen.queryByTestId('point-replied')).toBeNull();
  });

  it('lists who is excluded and why; an admin records a legal basis there', async () => {
    const patched: unknown[] = [];
    mockApi(
      signedIn(
        ADMIN,
        base({
          'GET /api/email/campaigns/3': () => json(200, campaign()),
          'GET /api/email/campaigns/3/eligibility': () =>
            json(200, {
              total: 2,
              eligible: 1,
              excluded: [{ contact_id: 6, name: 'Eva Schulz', email: 'eva@example.de', reason: 'legal_basis', detail: 'DE company: consent or an existing customer relationship is needed.' }],
              lint: [{ contact_id: 5, step: 1, empty_variables: ['company.city'] }],
            }),
          'PATCH /api/leads/contacts/6': async (req) => {
            patched.push(await req.json());
            return json(200, contact({ id: 6 }));
          },
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/campaigns/3');
    const table = await screen.findByRole('table', { name: 'Excluded contacts' });
    expect(within(table).getByText('No legal basis')).toBeInTheDocument();
    expect(within(table).getByText(/consent or an existing customer/)).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Empty variables' })).toHaveTextContent('company.city');
    await user.click(within(table).getByRole('button', { name: 'Record legal basis for Eva Schulz' }));
    const dialog = await screen.findByRole('dialog', { name: 'Legal basis for Eva Schulz' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Source' }), 'Trade fair form, 2026-03-12');
    await user.click(within(dialog).getByRole('button', { name: 'Record legal basis' }));
    await waitFor(() => expect(patched).toEqual([{ legal_basis: 'consent', legal_basis_source: 'Trade fair form, 2026-03-12' }]));
  });

  it('an admin decides about a message whose outcome is unknown', async () => {
    const decided: string[] = [];
    mockApi(
      signedIn(
        ADMIN,
        base({
          'GET /api/email/campaigns/3': () => json(200, campaign({ status: 'paused', progress: progress({ pending: 0, sent: 1, unknown: 1 }) })),
          'GET /api/email/messages': (_req, url) =>
            json(200, {
              items: [
                { id: 70, campaign_id: 3, contact_id: 5, step: 1, to: 'hans@mueller-stb.de', subject: 'Hi Hans', status: 'unknown', message_id: '<a@x>', sent_at: null, error: 'Connection lost after DATA' },
                { id: 71, campaign_id: 3, contact_id: 6, step: 1, to: 'eva@example.de', subject: 'Hi Eva', status: 'sent', message_id: '<b@x>', sent_at: '2026-01-01T10:00:00Z' },
              ].filter((m) => !url.searchParams.get('status') || m.status === url.searchParams.get('status')),
              total: 2,
            }),
          'GET /api/email/messages/70': () =>
            json(200, {
              id: 70, campaign_id: 3, contact_id: 5, step: 1, to: 'hans@mueller-stb.de', subject: 'Hi Hans', status: 'unknown', message_id: '<a@x>',
              sent_at: null, attempts: 1, error: 'Connection lost after DATA', resolution: null, key: null, to_name: 'Hans Müller', body_text: 'Hello Hans',
              body_html: null, smtp_code: null, smtp_reply: null, next_attempt_at: null, events: [],
            }),
          'POST /api/email/messages/70/resend': () => {
            decided.push('resend');
            return json(200, {});
          },
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/campaigns/3');
    const table = await screen.findByRole('table', { name: 'Messages' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]!).getByText('Unknown')).toBeInTheDocument();
    expect(within(rows[2]!).queryByRole('button', { name: 'Resend' })).toBeNull();
    await user.click(within(rows[1]!).getByRole('button', { name: 'Hi Hans' }));
    const details = await screen.findByRole('dialog', { name: 'Hi Hans' });
    expect(await within(details).findByText('Hello Hans')).toBeInTheDocument();
    expect(within(details).getByText('<a@x>')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Hi Hans' })).toBeNull());
    await user.click(within(rows[1]!).getByRole('button', { name: 'Resend' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Send this message again?' });
    expect(dialog).toHaveTextContent('may already have it');
    await user.click(within(dialog).getByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(decided).toEqual(['resend']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Message status' }), 'sent');
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Messages' })).queryByText('hans@mueller-stb.de')).toBeNull());
  });

  it('reviews AI lines with their sources: accept, edit', async () => {
    const patches: unknown[] = [];
    mockApi(
      signedIn(
        ADMIN,
        base({
          'GET /api/email/campaigns/3': () => json(200, campaign()),
          'GET /api/email/campaigns/3/ai-lines': () =>
            json(200, {
              items: [
                { id: 1, campaign_id: 3, contact_id: 5, edited_by: null, updated_at: '2026-01-01T10:00:00Z', step: 1, line: 'Congratulations on 25 years in Munich.', source_url: 'https://mueller-stb.de/about', snippet: 'Seit 25 Jahren in München', provider: 'heuristic', status: 'proposed' },
              ],
              total: 1,
            }),
          'PATCH /api/email/ai-lines/1': async (req) => {
            patches.push(await req.json());
            return json(200, {});
          },
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/campaigns/3');
    const table = await screen.findByRole('table', { name: 'AI opening lines' });
    expect(await within(table).findByText('Rules (not AI)')).toBeInTheDocument();
    expect(within(table).getByText('“Seit 25 Jahren in München”')).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Accept' }));
    await user.click(within(table).getByRole('button', { name: 'Edit' }));
    const box = within(table).getByRole('textbox', { name: 'Line for contact 5' });
    await user.clear(box);
    await user.type(box, '25 years in Munich: congratulations.');
    await user.click(within(table).getByRole('button', { name: 'Save line' }));
    await waitFor(() => expect(patches).toEqual([{ status: 'accepted' }, { line: '25 years in Munich: congratulations.' }]));
  });

  it('shows the AI lines a saved draft got without asking, and makes missing ones on request', async () => {
    let gets = 0;
    const line = { id: 1, campaign_id: 3, contact_id: 5, step: 1, line: 'Your new office in Munich looks great.', source_url: 'https://x.example/news',
      snippet: 'We moved', provider: 'openai:gpt-4o-mini', status: 'proposed', edited_by: null, updated_at: '2026-01-01T10:00:00Z' };
    const api = mockApi(
      signedIn(
        SALES,
        base({
          'GET /api/email/campaigns/3': () => json(200, campaign({ steps: [{ position: 1, template_id: 4, delay_days: 0, business_days: false, ai_line: true, weight: 1 }] })),
          // The service makes them in the background after the save: the first look finds none yet.
          'GET /api/email/campaigns/3/ai-lines': () => {
            gets += 1;
            return json(200, { items: gets > 1 ? [line] : [], total: gets > 1 ? 1 : 0, limit: 500, offset: 0 });
          },
          'POST /api/email/campaigns/3/ai-lines': () => json(202, { job_id: 9, steps: [1] }),
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/campaigns/3');
    const card = await screen.findByRole('region', { name: 'AI opening lines' });
    expect(await within(card).findByText('Reading the contacts’ websites and writing lines…')).toBeInTheDocument();
    expect(await within(card).findByText('Your new office in Munich looks great.', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(within(card).getByText('AI: gpt-4o-mini')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Make missing lines' }));
    expect(api.count('POST /api/email/campaigns/3/ai-lines')).toBe(1);
  });
});
