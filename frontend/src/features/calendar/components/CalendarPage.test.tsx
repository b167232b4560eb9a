import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { availability, booking, bookingPage, calendarApi, googleStatus, page } from '@/test/calendarFixtures';
import { ADMIN, DEMO, json, mockApi, noContent, problem, SALES, signedIn } from '@/test/mockApi';
import { renderApp } from '@/test/render';

const ME = { ...SALES, id: 2 };
const TOKEN = bookingPage().token;

describe('Calendar → bookings', () => {
  it('lists upcoming bookings with their contact, company and campaign, and cancels one with a reason', async () => {
    const cancelled: unknown[] = [];
    const server = mockApi(
      signedIn(ME, calendarApi({
        'GET /api/calendar/bookings': () => json(200, page([booking()])),
        'GET /api/leads/companies/3': () => json(200, { id: 3, name: 'Acme Maschinenbau GmbH' }),
        'POST /api/calendar/bookings/41/cancel': async (req) => {
          cancelled.push(await req.json());
          return json(200, booking({ status: 'cancelled' }));
        },
      })),
    );
    const user = userEvent.setup();
    renderApp('/calendar');
    const table = await screen.findByRole('table', { name: 'Upcoming bookings' });
    expect(await within(table).findByRole('link', { name: 'Lena Lead' })).toHaveAttribute('href', '/contacts/5');
    expect(await within(table).findByRole('link', { name: 'Acme Maschinenbau GmbH' })).toHaveAttribute('href', '/companies/3');
    expect(within(table).getByRole('link', { name: 'Campaign #9' })).toHaveAttribute('href', '/campaigns/9');
    expect(within(table).getByRole('link', { name: 'Intro call' })).toHaveAttribute('href', '/calendar/bookings/41');
    const list = server.calls.find((c) => c.path.startsWith('/api/calendar/bookings'))!;
    const query = new URL(list.request.url).searchParams;
    expect(query.get('host_id')).toBe('2');
    expect(query.get('from')).toBeTruthy();

    await user.click(within(table).getByRole('button', { name: 'Cancel the meeting with Lena Lead' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Cancel this meeting?' });
    await user.type(within(dialog).getByLabelText(/Reason/), 'Ill, sorry');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel meeting' }));
    await waitFor(() => expect(cancelled).toEqual([{ reason: 'Ill, sorry' }]));
    expect(await screen.findByText('Meeting cancelled')).toBeInTheDocument();
  });

  it('reads past bookings latest first, from the end of the list', async () => {
    const older = booking({ id: 1, start: '2020-01-01T09:00:00Z', end: '2020-01-01T09:30:00Z', visitor_name: 'Older' });
    const newer = booking({ id: 2, start: '2020-02-01T09:00:00Z', end: '2020-02-01T09:30:00Z', visitor_name: 'Newer' });
    const server = mockApi(signedIn(ME, calendarApi({
      'GET /api/calendar/bookings': (_req, url) => {
        if (url.searchParams.get('to')) {
          const limit = Number(url.searchParams.get('limit'));
          return json(200, { items: [older, newer].slice(0, limit), total: 2, limit, offset: 0 });
        }
        return json(200, page([]));
      },
    })));
    const user = userEvent.setup();
    renderApp('/calendar');
    await screen.findByText('No upcoming meetings');
    await user.click(screen.getByRole('button', { name: 'Past' }));
    const table = await screen.findByRole('table', { name: 'Past bookings' });
    await within(table).findByText('Newer');
    const names = within(table).getAllByRole('link', { name: /Older|Newer/ }).map((a) => a.textContent);
    expect(names).toEqual(['Newer', 'Older']);
    expect(within(table).queryByRole('button', { name: /Cancel/ })).toBeNull();
    expect(server.calls.some((c) => c.path.includes('limit=1&'))).toBe(true);
  });

  it("the demo account sees why it cannot cancel, on the button itself", async () => {
    mockApi(signedIn({ ...DEMO, id: 3 }, calendarApi({ 'GET /api/calendar/bookings': () => json(200, page([booking({ company_id: null, campaign_id: null })])) })));
    const user = userEvent.setup();
    renderApp('/calendar');
    const button = await screen.findByRole('button', { name: 'Cancel the meeting with Lena Lead' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('The demo account can look at the calendar but not change it.');
    await user.click(button);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('Calendar → week', () => {
  it("lays a week's meetings out by day, cancelled ones struck through, and pages between weeks", async () => {
    // Meetings on the Wednesday of whatever week the request asks for (its window starts on Sunday).
    const server = mockApi(signedIn(ME, calendarApi({
      'GET /api/calendar/bookings': (_req, url) => {
        const from = url.searchParams.get('from');
        if (!url.searchParams.get('to')) return json(200, page([]));
        const wednesday = new Date(Date.parse(from!) + 3 * 86_400_000).toISOString().slice(0, 10);
        return json(200, page([
          booking({ start: `${wednesday}T12:00:00Z`, end: `${wednesday}T12:30:00Z` }),
          booking({ id: 42, visitor_name: 'Carl Cancelled', status: 'cancelled', start: `${wednesday}T14:00:00Z`, end: `${wednesday}T14:30:00Z` }),
        ]));
      },
    })));
    const user = userEvent.setup();
    renderApp('/calendar');
    await user.click(await screen.findByRole('button', { name: 'Week' }));
    const week = await screen.findByRole('region', { name: /^Week of/ });
    const days = within(week).getAllByRole('listitem').filter((li) => li.parentElement?.tagName === 'OL');
    expect(days).toHaveLength(7);
    const lena = await within(days[2]!).findByRole('link', { name: /Lena Lead/ });
    expect(lena).toHaveAttribute('href', '/calendar/bookings/41');
    expect(within(days[2]!).getByRole('link', { name: /Carl Cancelled.*\(cancelled\)/ })).toHaveClass('line-through');
    expect(within(days[0]!).getByText('Free')).toBeInTheDocument();
    const weekCalls = () => server.calls.filter((c) => c.path.startsWith('/api/calendar/bookings') && c.path.includes('to='));
    const first = new URL(weekCalls()[0]!.request.url).searchParams;
    expect(first.get('host_id')).toBe('2');
    await user.click(within(week).getByRole('button', { name: 'Next week' }));
    await waitFor(() => expect(weekCalls()).toHaveLength(2));
    const next = new URL(weekCalls()[1]!.request.url).searchParams;
    expect(Date.parse(next.get('from')!) - Date.parse(first.get('from')!)).toBe(7 * 86_400_000);
  });
});

describe('Calendar → booking pages', () => {
  it('shows each page with its link, next free times, and makes a new link', async () => {
    let token = TOKEN;
    const server = mockApi(signedIn(ME, calendarApi({
      'GET /api/calendar/pages': () => json(200, [bookingPage({ token, url: `http://crm.test/book/${token}` })]),
      [`GET /api/calendar/public/${TOKEN}/slots`]: () => json(200, { timezone: 'UTC', slots: [{ start: '2030-03-04T09:00:00+00:00', end: '2030-03-04T09:30:00+00:00' }] }),
      'POST /api/calendar/pages/7/rotate-link': () => {
        token = 'NEWTOKEN';
        return json(200, bookingPage({ token, url: `http://crm.test/book/${token}` }));
      },
      'GET /api/calendar/public/NEWTOKEN/slots': () => json(200, { timezone: 'UTC', slots: [] }),
    })));
    const user = userEvent.setup();
    renderApp('/calendar?tab=pages');
    const card = await screen.findByRole('region', { name: 'Intro call' });
    expect(within(card).getByRole('textbox', { name: 'Booking link' })).toHaveValue(`http://crm.test/book/${TOKEN}`);
    const times = within(card).getByRole('region', { name: 'Next free times for Intro call' });
    expect(await within(times).findByText(/2030/)).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: /Open/ })).toHaveAttribute('target', '_blank');

    await user.click(within(card).getByRole('button', { name: 'New link' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Make a new link?' });
    await user.click(within(dialog).getByRole('button', { name: 'Make a new link' }));
    await waitFor(() => expect(within(card).getByRole('textbox', { name: 'Booking link' })).toHaveValue('http://crm.test/book/NEWTOKEN'));
    expect(server.count('POST /api/calendar/pages/7/rotate-link')).toBe(1);
  });

  it('copies the link', async () => {
    mockApi(signedIn(ME, calendarApi({
      'GET /api/calendar/pages': () => json(200, [bookingPage()]),
      [`GET /api/calendar/public/${TOKEN}/slots`]: () => json(200, { timezone: 'UTC', slots: [] }),
    })));
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    renderApp('/calendar?tab=pages');
    const card = await screen.findByRole('region', { name: 'Intro call' });
    await user.click(within(card).getByRole('button', { name: 'Copy booking link' }));
    expect(writeText).toHaveBeenCalledWith(`http://crm.test/book/${TOKEN}`);
    expect(await within(card).findByRole('button', { name: 'Copy booking link' })).toHaveTextContent('Copied');
    expect(within(card).getByText('No free time in the next two weeks. Check your availability.')).toBeInTheDocument();
  });

  it('creates a page with its length, branding and questions', async () => {
    const created: unknown[] = [];
    mockApi(signedIn(ME, calendarApi({
      'POST /api/calendar/pages': async (req) => {
        created.push(await req.json());
        return json(201, { id: 8, token: 'T', url: 'http://crm.test/book/T' });
      },
    })));
    const user = userEvent.setup();
    renderApp('/calendar?tab=pages');
    await screen.findByText('No booking pages yet');
    await user.click(screen.getAllByRole('button', { name: 'New booking page' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'New booking page' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Demo call');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Length' }), '45');
    await user.type(within(dialog).getByRole('textbox', { name: 'Colour' }), '#0f766e');
    await user.click(within(dialog).getByRole('button', { name: 'Add a question' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Question 1' }), 'Which machines?');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Required' }));
    expect(within(dialog).getByText(/10 min after, 120 min notice, up to 60 days ahead/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create page' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({
      title: 'Demo call',
      duration_minutes: 45,
      branding: { name: null, logo_url: null, colour: '#0f766e' },
      questions: [{ id: 'q_which_machines', label: 'Which machines?', required: true, multiline: false }],
    });
    expect(await screen.findByText('Booking page created')).toBeInTheDocument();
  });
});

describe('Calendar → availability', () => {
  it('edits weekly hours and exceptions, previews them unsaved, and saves', async () => {
    const puts: Record<string, unknown>[] = [];
    const previews: Record<string, unknown>[] = [];
    mockApi(signedIn(ME, calendarApi({
      'POST /api/calendar/availability/preview': async (req) => {
        previews.push((await req.json()) as Record<string, unknown>);
        return json(200, { timezone: 'Europe/Berlin', slots: [{ start: '2030-03-04T09:00:00+01:00', end: '2030-03-04T09:30:00+01:00' }] });
      },
      'PUT /api/calendar/availability': async (req) => {
        const body = (await req.json()) as Record<string, unknown>;
        puts.push(body);
        return json(200, { ...body, configured: true });
      },
    })));
    const user = userEvent.setup();
    renderApp('/calendar?tab=availability');
    const form = await screen.findByRole('form', { name: 'Availability' });
    expect(within(form).getByRole('combobox', { name: 'Your time zone' })).toHaveValue('Europe/Berlin');
    expect(within(form).getByRole('textbox', { name: 'Tuesday hours 2 from' })).toHaveValue('13:00');
    const preview = screen.getByRole('region', { name: 'Preview: the next two weeks' });
    expect(await within(preview).findByText(/March 2030|2030/)).toBeInTheDocument();

    await user.click(within(form).getByRole('checkbox', { name: 'Wednesday' }));
    const wedTo = within(form).getByRole('textbox', { name: 'Wednesday hours 1 to' });
    await user.clear(wedTo);
    await user.type(wedTo, '12:30');
    await user.click(within(form).getByRole('button', { name: 'Add a date' }));
    await user.type(within(form).getByLabelText('Exception 1 date'), '2030-12-24');
    const max = within(form).getByRole('textbox', { name: 'Max per day' });
    await user.type(max, '4');
    await waitFor(() => expect(previews.at(-1)?.availability).toMatchObject({ max_per_day: 4 }));
    expect(previews.at(-1)).toMatchObject({ days: 14, timezone: 'Europe/Berlin' });

    await user.click(screen.getByRole('button', { name: 'Save availability' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toMatchObject({
      timezone: 'Europe/Berlin',
      weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '12:00'], ['13:00', '17:00']], wed: [['09:00', '12:30']] },
      buffer_after_minutes: 10,
      max_per_day: 4,
      max_per_week: null,
      overrides: [{ date: '2030-12-24', hours: [] }],
    });
    expect(await screen.findByText('Availability saved')).toBeInTheDocument();
  });

  it('names every problem the API finds', async () => {
    mockApi(signedIn(ME, calendarApi({
      'PUT /api/calendar/availability': () =>
        problem(422, 'The availability is not valid.', { errors: [{ loc: ['body', 'weekly', 'mon', 0], msg: 'a time range needs start < end', type: 'value_error' }] }),
    })));
    const user = userEvent.setup();
    renderApp('/calendar?tab=availability');
    const form = await screen.findByRole('form', { name: 'Availability' });
    const monTo = within(form).getByRole('textbox', { name: 'Monday hours 1 to' });
    await user.clear(monTo);
    await user.type(monTo, '08:00');
    await user.click(screen.getByRole('button', { name: 'Save availability' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The availability is not valid.');
    expect(alert).toHaveTextContent('Monday, hours 1: a time range needs start < end');
  });

  it('is read-only in the public demo, and says so', async () => {
    mockApi(signedIn(ADMIN, calendarApi({ 'GET /api/auth/demo': () => json(200, { enabled: true }) })));
    renderApp('/calendar?tab=availability');
    const form = await screen.findByRole('form', { name: 'Availability' });
    await waitFor(() => expect(within(form).getByRole('textbox', { name: 'Monday hours 1 from' })).toBeDisabled());
    const save = within(form).getByRole('button', { name: 'Save availability' });
    expect(save).toHaveAttribute('aria-disabled', 'true');
    expect(save).toHaveAccessibleDescription(/Switched off in the public demo/);
  });

  it('says when no hours are set yet', async () => {
    mockApi(signedIn(ME, calendarApi({ 'GET /api/calendar/availability': () => json(200, availability({ configured: false })) })));
    renderApp('/calendar?tab=availability');
    expect(await screen.findByText('No hours set yet')).toBeInTheDocument();
  });
});

describe('Calendar → Google and the feed', () => {
  it('connects Google through its consent page and finishes on the callback route', async () => {
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign, origin: window.location.origin });
    const callbacks: unknown[] = [];
    const connected = googleStatus({ state: 'connected', account_email: 'sam@gmail.test', busy_calendar_ids: ['primary'], event_calendar_id: 'primary', connected_at: '2030-01-01T00:00:00Z', detail: 'Connected.' });
    mockApi(signedIn(ME, calendarApi({
      'GET /api/calendar/google': () => json(200, callbacks.length ? connected : googleStatus()),
      'POST /api/calendar/google/connect': () => json(200, { authorization_url: 'https://accounts.google.test/o/oauth2/auth?state=s1' }),
      'POST /api/calendar/google/callback': async (req) => {
        callbacks.push(await req.json());
        return json(200, connected);
      },
      'GET /api/calendar/google/calendars': () =>
        json(200, [
          { id: 'primary', name: 'Sam', primary: true, access_role: 'owner', writable: true, time_zone: 'Europe/Berlin', busy: true, events: true },
          { id: 'team', name: 'Team', primary: false, access_role: 'reader', writable: false, time_zone: null, busy: false, events: false },
        ]),
    })));
    const user = userEvent.setup();
    const { unmount } = renderApp('/calendar?tab=connections');
    const card = await screen.findByRole('region', { name: 'Google Calendar' });
    await user.click(await within(card).findByRole('button', { name: 'Connect Google Calendar' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://accounts.google.test/o/oauth2/auth?state=s1'));
    unmount();

    renderApp('/calendar/google/callback?state=s1&code=c0de');
    const card2 = await screen.findByRole('region', { name: 'Google Calendar' });
    expect(callbacks).toEqual([{ state: 's1', code: 'c0de', error: null }]);
    expect(await within(card2).findByText('sam@gmail.test')).toBeInTheDocument();
    expect(await within(card2).findByRole('checkbox', { name: 'Count Sam as busy' })).toBeChecked();
    expect(within(card2).getByRole('radio', { name: 'Add bookings to Team' })).toBeDisabled();
    expect(screen.getByTestId('location')).toHaveTextContent('/calendar?tab=connections');
  });

  it('explains why Google cannot be connected when the server has no Google client', async () => {
    mockApi(signedIn(ME, calendarApi({ 'GET /api/calendar/google': () => json(200, googleStatus({ enabled: false, detail: 'Google Calendar is not enabled.' })) })));
    renderApp('/calendar?tab=connections');
    const button = await screen.findByRole('button', { name: 'Connect Google Calendar' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(/OUTBOUND_CALENDAR_PROVIDER=google/);
  });

  it('shows a revoked grant and a failed callback readably', async () => {
    mockApi(signedIn(ME, calendarApi({
      'GET /api/calendar/google': () => json(200, googleStatus({ state: 'revoked', detail: 'Google revoked access on 1 March.' })),
      'POST /api/calendar/google/callback': () => problem(409, 'This sign-in attempt has expired; connect again.'),
    })));
    renderApp('/calendar/google/callback?state=old&error=access_denied');
    expect(await screen.findByText('Google Calendar was not connected')).toBeInTheDocument();
    expect(screen.getByText('This sign-in attempt has expired; connect again.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Back to the calendar connections' }));
    const card = await screen.findByRole('region', { name: 'Google Calendar' });
    expect(await within(card).findByText('Google revoked access on 1 March.')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Reconnect Google Calendar' })).toBeEnabled();
  });

  it('switches the subscription feed on and off', async () => {
    let url: string | null = null;
    mockApi(signedIn(ME, calendarApi({
      'GET /api/calendar/feed': () => json(200, { url }),
      'POST /api/calendar/feed': () => json(200, { url: (url = 'http://crm.test/api/calendar/public/feed/SECRET') }),
      'DELETE /api/calendar/feed': () => ((url = null), noContent()),
    })));
    const user = userEvent.setup();
    renderApp('/calendar?tab=connections');
    const card = await screen.findByRole('region', { name: 'Calendar feed' });
    await user.click(await within(card).findByRole('button', { name: 'Switch the feed on' }));
    expect(await within(card).findByRole('textbox', { name: 'Feed address' })).toHaveValue('http://crm.test/api/calendar/public/feed/SECRET');
    await user.click(within(card).getByRole('button', { name: 'Switch off' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Switch off' }));
    expect(await within(card).findByRole('button', { name: 'Switch the feed on' })).toBeInTheDocument();
  });
});

describe('Calendar → one booking', () => {
  it('shows the answers and where the booking came from', async () => {
    mockApi(signedIn(ME, calendarApi({ 'GET /api/calendar/bookings/41': () => json(200, booking()), 'GET /api/leads/companies/3': () => json(200, { id: 3, name: 'Acme' }) })));
    renderApp('/calendar/bookings/41');
    const card = await screen.findByRole('region', { name: 'Intro call with Lena Lead' });
    expect(within(card).getByText('How many machines?')).toBeInTheDocument();
    expect(within(card).getByText('12')).toBeInTheDocument();
    expect(await within(card).findByRole('link', { name: 'Acme' })).toHaveAttribute('href', '/companies/3');
    expect(within(card).getByRole('button', { name: 'Cancel meeting' })).toBeEnabled();
  });

  it('says when a booking does not exist', async () => {
    mockApi(signedIn(ME, calendarApi({ 'GET /api/calendar/bookings/99': () => problem(404, 'Booking 99 does not exist.') })));
    renderApp('/calendar/bookings/99');
    expect(await screen.findByText('Booking not found')).toBeInTheDocument();
  });
});
