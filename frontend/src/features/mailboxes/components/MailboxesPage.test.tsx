import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN, DEMO, json, mockApi, problem, SALES, signedIn } from '@/test/mockApi';
import { renderApp } from '@/test/render';
import type { CaughtMessage, MailboxRead } from '../api';

const catcher: MailboxRead = {
  reply_to: null, has_smtp_password: false, has_imap_password: false, warmup: null, send_window: null, is_default: true,
  paused_at: null, created_at: '2026-01-01T10:00:00Z', updated_at: '2026-01-01T10:00:00Z',
  id: 1, name: 'Local catcher', from_email: 'outbound@localhost', from_name: 'Outbound CRM', smtp_host: '127.0.0.1', smtp_port: 2525,
  smtp_security: 'none', smtp_username: null, daily_limit: 0, min_gap_seconds: 0, max_connections: 4, imap_host: null, imap_port: null, imap_security: null,
  imap_username: null, paused_reason: null, kind: 'catcher', sent_last_24h: 3,
};
const paused: MailboxRead = {
  ...catcher, id: 2, name: 'Sam at Example', from_email: 'sam@example.com', from_name: 'Sam', smtp_host: 'smtp.example.com', smtp_port: 587,
  smtp_security: 'starttls', smtp_username: 'sam', has_smtp_password: true, daily_limit: 50, min_gap_seconds: 90, kind: 'smtp',
  paused_reason: '535 5.7.8 Authentication credentials invalid', send_window: { weekdays: [0, 1, 2, 3, 4], start: '09:00', end: '17:00' },
};

describe('Mailboxes', () => {
  it('lists mailboxes with their pause reason, pacing and the local catcher', async () => {
    mockApi(signedIn(ADMIN, { 'GET /api/email/mailboxes': () => json(200, [catcher, paused]) }));
    renderApp('/mailboxes');
    const table = await screen.findByRole('table', { name: 'Mailboxes' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]!).getByText('Local catcher', { selector: 'span' })).toBeInTheDocument();
    expect(within(rows[1]!).getByText('No daily cap')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Paused')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('535 5.7.8 Authentication credentials invalid')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('3 / 50 in 24 h')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Gap 90 s · Mon, Tue, Wed, Thu, Fri 09:00–17:00')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Caught mail' })).toHaveAttribute('href', '/mailboxes/caught');
  });

  it('adds a mailbox with the pinned fields; the port follows the security', async () => {
    const posted: unknown[] = [];
    const api = mockApi(
      signedIn(ADMIN, {
        'GET /api/email/mailboxes': () => json(200, []),
        'POST /api/email/mailboxes': async (req) => {
          const body = (await req.json()) as Record<string, unknown>;
          posted.push(body);
          return json(201, { ...paused, ...body, id: 9, paused_reason: null });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/mailboxes');
    await user.click(await screen.findByRole('button', { name: 'Add mailbox' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add mailbox' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Sales');
    await user.type(within(dialog).getByRole('textbox', { name: 'From address' }), 'sales@example.com');
    await user.type(within(dialog).getByRole('textbox', { name: 'SMTP server' }), 'smtp.example.com');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'SMTP security' }), 'tls');
    expect(within(dialog).getByRole('textbox', { name: 'SMTP port' })).toHaveValue('465');
    await user.type(within(dialog).getByRole('textbox', { name: 'SMTP user' }), 'sales');
    await user.type(within(dialog).getByLabelText('SMTP password'), 's3cret');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Daily cap' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Daily cap' }), '120');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Warm up' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add mailbox' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({
      name: 'Sales', from_email: 'sales@example.com', smtp_host: 'smtp.example.com', smtp_port: 465, smtp_security: 'tls',
      smtp_username: 'sales', smtp_password: 's3cret', daily_limit: 120, min_gap_seconds: 60, max_connections: 4, imap_host: null, send_window: null,
      warmup: { start_per_day: 10, step_per_day: 5, started_on: null },
    });
    expect(await screen.findByText('Mailbox added')).toBeInTheDocument();
    expect(api.count('GET /api/email/mailboxes')).toBeGreaterThanOrEqual(2);
  });

  it("shows the server's field errors and keeps a stored password when it is left empty", async () => {
    const patched: unknown[] = [];
    mockApi(
      signedIn(ADMIN, {
        'GET /api/email/mailboxes': () => json(200, [paused]),
        'PATCH /api/email/mailboxes/2': async (req) => {
          patched.push(await req.json());
          return patched.length === 1
            ? problem(422, 'Some fields are not valid.', { errors: [{ loc: ['body', 'from_email'], msg: 'value is not a valid email address' }] })
            : json(200, paused);
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/mailboxes');
    await user.click(await screen.findByRole('button', { name: 'Edit Sam at Example' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Sam at Example' });
    expect(within(dialog).getByText('Stored. Leave empty to keep it.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save mailbox' }));
    expect(await within(dialog).findByText('value is not a valid email address')).toBeInTheDocument();
    expect(patched[0]).not.toHaveProperty('smtp_password');
  });

  it("Test connection shows what the server actually answered", async () => {
    mockApi(
      signedIn(ADMIN, {
        'GET /api/email/mailboxes': () => json(200, [paused]),
        'POST /api/email/mailboxes/2/test': () =>
          json(200, {
            ok: false,
            error: 'The server refused the login.',
            steps: [
              { name: 'Connect', ok: true, reply: '220 smtp.example.com ESMTP ready' },
              { name: 'Log in', ok: false, reply: '535 5.7.8 Authentication credentials invalid' },
            ],
          }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/mailboxes');
    await user.click(await screen.findByRole('button', { name: 'Test connection' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connection test: Sam at Example' });
    expect(await within(dialog).findByText('The server refused the login.')).toBeInTheDocument();
    expect(within(dialog).getByText('Failed')).toBeInTheDocument();
    const login = within(dialog).getByRole('listitem', { name: 'Log in' });
    expect(within(login).getByText('535 5.7.8 Authentication credentials invalid')).toBeInTheDocument();
    expect(within(dialog).getByText('220 smtp.example.com ESMTP ready')).toBeInTheDocument();
  });

  it('the demo account sees mailboxes but every change is disabled with the reason', async () => {
    mockApi(signedIn(DEMO, { 'GET /api/email/mailboxes': () => json(200, [paused]) }));
    renderApp('/mailboxes');
    const add = await screen.findByRole('button', { name: 'Add mailbox' });
    expect(add).toHaveAttribute('aria-disabled', 'true');
    expect(add).toHaveAccessibleDescription('The demo account cannot change or test mailboxes.');
    for (const name of ['Resume', 'Test connection', 'Edit Sam at Example']) {
      const button = await screen.findByRole('button', { name });
      // Refused controls stay focusable (aria-disabled, with the reason); plain ones are disabled.
      expect(button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true').toBe(true);
    }
  });

  it('sales staff manage mailboxes too', async () => {
    mockApi(signedIn(SALES, { 'GET /api/email/mailboxes': () => json(200, [paused]) }));
    renderApp('/mailboxes');
    expect(await screen.findByRole('button', { name: 'Resume' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Add mailbox' })).toBeEnabled();
  });
});

describe('Caught mail', () => {
  const summary = { id: '00000000000000000001.1_1', received_at: '2026-01-01T10:00:00Z', mail_from: 'outbound@localhost', rcpt_tos: ['ada@example.com'],
    subject: 'Hello Ada', from_header: 'Outbound CRM <outbound@localhost>', to_header: 'Ada <ada@example.com>', size: 1200 };
  const message: CaughtMessage = {
  
    ...summary,
    headers: [['Subject', 'Hello Ada'], ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click']],
    text: 'Hi Ada,\nplain part',
    html: '<p>Hi <b>Ada</b></p><script>parent.alert(1)</script>',
    attachments: [{ filename: 'invite.ics', content_type: 'text/calendar', size: 2048 }],
  };

  it('lists caught mail and shows a message: HTML sandboxed, text part, headers', async () => {
    mockApi(
      signedIn(SALES, {
        'GET /api/email/caught': () => json(200, { items: [summary], total: 1 }),
        [`GET /api/email/caught/${summary.id}`]: () => json(200, message),
      }),
    );
    const user = userEvent.setup();
    renderApp('/mailboxes/caught');
    await user.click(await screen.findByRole('button', { name: /Hello Ada/ }));
    const region = await screen.findByRole('region', { name: 'Message' });
    const frame = within(region).getByTitle('HTML part');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame.getAttribute('srcdoc')).toContain('<b>Ada</b>');
    await user.click(within(region).getByRole('tab', { name: 'Text' }));
    expect(within(region).getByLabelText('Text part')).toHaveTextContent('plain part');
    await user.click(within(region).getByRole('tab', { name: 'Headers (2)' }));
    expect(within(region).getByText('List-Unsubscribe=One-Click')).toBeInTheDocument();
    expect(within(region).getByText(/invite\.ics/)).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(`key=${summary.id}`);
  });

  it('says so when nothing was caught', async () => {
    mockApi(signedIn(SALES, { 'GET /api/email/caught': () => json(200, []) }));
    renderApp('/mailboxes/caught');
    expect(await screen.findByText('Nothing caught yet')).toBeInTheDocument();
  });
});
