import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '@/app/App';
import { json, mockApi, problem } from '@/test/mockApi';
import { renderPublic } from '@/test/render';

const TOKEN = 'tok_1234567890abcdefghijklmnopqrstuvwxyzABCDE';
const BASE = `/api/calendar/public/${TOKEN}`;

const publicPage = (over: Record<string, unknown> = {}) => ({
  title: 'Intro call',
  description: 'Twenty minutes about your machines.',
  duration_minutes: 30,
  location: 'Phone',
  with_meet: false,
  branding: { name: 'Sensorik Nord', logo_url: null, colour: '#fde047' },
  questions: [{ id: 'q_machines', label: 'How many machines?', required: true, multiline: false }],
  host: { name: 'Sam Sales', timezone: 'Europe/Berlin' },
  personal: true,
  greeting_name: 'Lena',
  prefill: { name: 'Lena Lead', email: 'lena@acme.test' },
  expires_at: null,
  bookable: true,
  slot_minutes: 30,
  min_notice_minutes: 0,
  horizon_days: 60,
  max_window_days: 62,
  ...over,
});

const created = (start: string, tz: string) => ({
  id: 5,
  status: 'confirmed',
  start,
  end: start.replace('T15:00', 'T15:30'),
  timezone: tz,
  title: 'Intro call',
  host_name: 'Sam Sales',
  location: 'Phone',
  meet_url: null,
  manage_url: 'http://crm.test/book/manage?reschedule=R.sig&cancel=C.sig',
  reschedule_url: 'http://crm.test/book/manage?reschedule=R.sig',
  cancel_url: 'http://crm.test/book/manage?cancel=C.sig',
  ics_url: 'http://crm.test/api/calendar/public/manage/R.sig/invite.ics',
  google_calendar_url: 'https://calendar.google.com/calendar/render?action=TEMPLATE&text=Intro',
});

/** A page whose first asked-for day has two free times (whatever day the test runs on). */
function bookingApi(extra: Record<string, (req: Request, url: URL) => Response | Promise<Response>> = {}) {
  return mockApi({
    [`GET ${BASE}`]: () => json(200, publicPage()),
    [`GET ${BASE}/days`]: (_req, url) => json(200, { timezone: url.searchParams.get('tz'), days: [url.searchParams.get('from')] }),
    [`GET ${BASE}/slots`]: (_req, url) => {
      const day = url.searchParams.get('from');
      return json(200, { timezone: url.searchParams.get('tz'), slots: [{ start: `${day}T15:00:00+00:00`, end: `${day}T15:30:00+00:00` }, { start: `${day}T16:00:00+00:00`, end: `${day}T16:30:00+00:00` }] });
    },
    ...extra,
  });
}

describe('the public booking page', () => {
  it('greets the lead, offers free days and times, books with their details, and confirms', async () => {
    const bodies: Array<{ body: Record<string, unknown>; key: string | null }> = [];
    const server = bookingApi({
      [`POST ${BASE}/bookings`]: async (req) => {
        const body = (await req.json()) as Record<string, unknown>;
        bodies.push({ body, key: req.headers.get('Idempotency-Key') });
        return json(201, created(String(body.start), String(body.timezone)));
      },
    });
    const user = userEvent.setup();
    renderPublic(`/book/${TOKEN}`);
    expect(await screen.findByRole('heading', { name: 'Intro call' })).toBeInTheDocument();
    expect(screen.getByText('Hello Lena, pick a time that suits you.')).toBeInTheDocument();
    expect(screen.getByText('Sensorik Nord')).toBeInTheDocument();

    const times = await screen.findByRole('region', { name: /^Free times on/ });
    const free = within(screen.getByRole('group', { name: /^Days in/ })).getAllByRole('button');
    expect(free).toHaveLength(1);
    expect(free[0]).toHaveAttribute('aria-pressed', 'true');
    await user.click(await within(times).findByRole('button', { name: /3:00|15:00/ }));

    const form = await screen.findByRole('form', { name: 'Your details' });
    expect(screen.getByRole('heading', { name: 'Your details' })).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue('Lena Lead');
    expect(within(form).getByRole('textbox', { name: 'E-mail' })).toHaveValue('lena@acme.test');
    await user.click(within(form).getByRole('button', { name: /^Book / }));
    expect(within(form).getByRole('textbox', { name: 'How many machines?' })).toHaveAccessibleDescription('Please answer this question.');
    expect(bodies).toHaveLength(0);
    await user.type(within(form).getByRole('textbox', { name: 'How many machines?' }), '12');
    await user.click(within(form).getByRole('button', { name: /^Book / }));

    const done = await screen.findByRole('heading', { name: 'You’re booked' });
    expect(done).toHaveFocus();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.body).toMatchObject({ name: 'Lena Lead', email: 'lena@acme.test', answers: { q_machines: '12' }, timezone: 'UTC', note: null, website: null });
    expect(String(bodies[0]!.body.start)).toMatch(/T15:00:00\+00:00$/);
    expect(bodies[0]!.key).toMatch(/.{8,}/);
    expect(screen.getByRole('link', { name: /Add to calendar/ })).toHaveAttribute('href', '/api/calendar/public/manage/R.sig/invite.ics');
    expect(screen.getByRole('link', { name: 'Reschedule or cancel' })).toHaveAttribute('href', '/book/manage?reschedule=R.sig&cancel=C.sig');
    expect(screen.getByRole('link', { name: /Add to Google Calendar/ })).toHaveAttribute('target', '_blank');
    // The visitor's page never asks for a session.
    expect(server.calls.every((c) => c.path.startsWith('/api/calendar/public/'))).toBe(true);
    expect(server.calls.every((c) => !c.request.headers.get('Authorization'))).toBe(true);
  });

  it('shows times in the zone the visitor picks', async () => {
    const server = bookingApi();
    const user = userEvent.setup();
    renderPublic(`/book/${TOKEN}`);
    await screen.findByRole('region', { name: /^Free times on/ });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Time zone' }), 'America/New_York');
    await waitFor(() => expect(server.calls.some((c) => c.path.includes('/slots') && c.path.includes('tz=America%2FNew_York'))).toBe(true));
    expect(server.calls.some((c) => c.path.includes('/days') && c.path.includes('tz=America%2FNew_York'))).toBe(true);
    // 15:00 UTC is 10:00 or 11:00 in New York, depending on the season.
    const first = (await within(await screen.findByRole('region', { name: /^Free times on/ })).findAllByRole('button', { name: /^(10|11):00/ }))[0];
    expect(first).toHaveTextContent(/^(10|11):00/);
  });

  it('sends the lead back to pick another time when the slot was just taken, keeping what they typed', async () => {
    let attempts = 0;
    const server = bookingApi({
      [`POST ${BASE}/bookings`]: () => (++attempts, problem(409, 'This time is no longer free.')),
    });
    const user = userEvent.setup();
    renderPublic(`/book/${TOKEN}`);
    await user.click(await within(await screen.findByRole('region', { name: /^Free times on/ })).findByRole('button', { name: /3:00|15:00/ }));
    const form = await screen.findByRole('form', { name: 'Your details' });
    await user.type(within(form).getByRole('textbox', { name: 'How many machines?' }), '7');
    const slotReads = server.count(`GET ${BASE}/slots`);
    await user.click(within(form).getByRole('button', { name: /^Book / }));
    expect(await screen.findByText('This time is no longer free. Please pick another time.')).toBeInTheDocument();
    await waitFor(() => expect(server.count(`GET ${BASE}/slots`)).toBeGreaterThan(slotReads));
    await user.click(await within(await screen.findByRole('region', { name: /^Free times on/ })).findByRole('button', { name: /4:00|16:00/ }));
    expect(within(await screen.findByRole('form', { name: 'Your details' })).getByRole('textbox', { name: 'How many machines?' })).toHaveValue('7');
    expect(attempts).toBe(1);
  });

  it('retries a failed request with the same Idempotency-Key, and a changed one with a new key', async () => {
    const keys: Array<string | null> = [];
    bookingApi({
      [`POST ${BASE}/bookings`]: (req) => (keys.push(req.headers.get('Idempotency-Key')), problem(504, 'The calendar did not answer in time.')),
    });
    const user = userEvent.setup();
    renderPublic(`/book/${TOKEN}`);
    await user.click(await within(await screen.findByRole('region', { name: /^Free times on/ })).findByRole('button', { name: /3:00|15:00/ }));
    const form = await screen.findByRole('form', { name: 'Your details' });
    await user.type(within(form).getByRole('textbox', { name: 'How many machines?' }), '7');
    await user.click(within(form).getByRole('button', { name: /^Book / }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(/nothing was booked/);
    await user.click(within(form).getByRole('button', { name: /^Book / }));
    await waitFor(() => expect(keys).toHaveLength(2));
    await user.type(within(form).getByRole('textbox', { name: /Anything else/ }), 'Hi');
    await user.click(within(form).getByRole('button', { name: /^Book / }));
    await waitFor(() => expect(keys).toHaveLength(3));
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('says plainly when a link is not valid or has expired', async () => {
    mockApi({ [`GET ${BASE}`]: () => problem(404, 'This link is not valid.') });
    const { unmount } = renderPublic(`/book/${TOKEN}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('This link is not valid');
    unmount();
    mockApi({ [`GET ${BASE}`]: () => problem(403, 'This link has expired.') });
    renderPublic(`/book/${TOKEN}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('This link has expired');
  });

  it('moves between free days with the arrow keys and picks one with Enter', async () => {
    // Free: the first day asked for and the two days after it (next month: its 1st, 2nd and 3rd).
    const server = bookingApi({
      [`GET ${BASE}/days`]: (_req, url) => {
        const from = url.searchParams.get('from')!;
        const to = url.searchParams.get('to')!;
        const days = [0, 1, 2].map((n) => new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)).filter((d) => d <= to);
        return json(200, { timezone: 'UTC', days });
      },
    });
    const user = userEvent.setup();
    renderPublic(`/book/${TOKEN}`);
    await screen.findByRole('region', { name: /^Free times on/ });
    await user.click(screen.getByRole('button', { name: 'Next month' }));
    await waitFor(() => expect(within(screen.getByRole('group', { name: /^Days in/ })).getAllByRole('button')).toHaveLength(3));
    const buttons = within(screen.getByRole('group', { name: /^Days in/ })).getAllByRole('button');
    buttons[0]!.focus();
    await user.keyboard('{End}');
    expect(buttons[buttons.length - 1]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(buttons[0]).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(buttons[1]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(buttons[1]).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(new URL(server.calls.filter((c) => c.path.includes('/slots')).at(-1)!.request.url).searchParams.get('from')).toMatch(/-02$/));
  });

  it('speaks German to a German browser, and asks for a German confirmation', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    const bodies: Array<Record<string, unknown>> = [];
    bookingApi({
      [`POST ${BASE}/bookings`]: async (req) => {
        const body = (await req.json()) as Record<string, unknown>;
        bodies.push(body);
        return json(201, created(String(body.start), String(body.timezone)));
      },
    });
    const user = userEvent.setup();
    renderPublic(`/book/${TOKEN}`);
    expect(await screen.findByText('Hallo Lena, wählen Sie eine passende Zeit.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Tag und Uhrzeit wählen' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
    await user.click(await within(await screen.findByRole('region', { name: /^Freie Zeiten am/ })).findByRole('button', { name: /3:00|15:00/ }));
    const form = await screen.findByRole('form', { name: 'Ihre Angaben' });
    await user.click(within(form).getByRole('button', { name: / buchen$/ }));
    expect(within(form).getByRole('textbox', { name: 'How many machines?' })).toHaveAccessibleDescription('Bitte beantworten Sie diese Frage.');
    await user.type(within(form).getByRole('textbox', { name: 'How many machines?' }), '3');
    await user.click(within(form).getByRole('button', { name: / buchen$/ }));
    expect(await screen.findByRole('heading', { name: 'Ihr Termin ist gebucht' })).toBeInTheDocument();
    expect(bodies[0]).toMatchObject({ language: 'de' });
    document.documentElement.lang = 'en';
  });

  it('says when there is nothing to book yet', async () => {
    bookingApi({ [`GET ${BASE}`]: () => json(200, publicPage({ bookable: false })) });
    renderPublic(`/book/${TOKEN}`);
    expect(await screen.findByText('No times to book right now')).toBeInTheDocument();
  });

  it('keeps a light brand colour readable: white text gets at least 4.5:1', async () => {
    bookingApi();
    const { container } = renderPublic(`/book/${TOKEN}`);
    await screen.findByRole('heading', { name: 'Intro call' });
    const shell = container.querySelector<HTMLElement>('[style]')!;
    const hex = shell.style.getPropertyValue('--color-accent-600');
    const lum = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const l = 0.2126 * lum(r!) + 0.7152 * lum(g!) + 0.0722 * lum(b!);
    expect(1.05 / (l + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('loads in the app without the sign-in machinery', async () => {
    const server = bookingApi();
    window.history.pushState({}, '', `/book/${TOKEN}`);
    try {
      render(<App />);
      expect(await screen.findByRole('heading', { name: 'Intro call' })).toBeInTheDocument();
      await screen.findByRole('region', { name: /^Free times on/ });
      expect(server.calls.filter((c) => !c.path.startsWith('/api/calendar/public/'))).toEqual([]);
    } finally {
      window.history.pushState({}, '', '/');
    }
  });
});

describe('the manage page', () => {
  const managed = (over: Record<string, unknown> = {}) => ({
    ...created('2030-03-04T15:00:00+00:00', 'UTC'),
    name: 'Lena Lead',
    email: 'lena@acme.test',
    duration_minutes: 30,
    branding: { name: null, logo_url: null, colour: null },
    can_reschedule: true,
    can_cancel: true,
    cancelled_at: null,
    ...over,
  });

  it('moves the booking to another free time', async () => {
    const moves: unknown[] = [];
    mockApi({
      'GET /api/calendar/public/manage/R.sig': () => json(200, managed()),
      'GET /api/calendar/public/manage/R.sig/slots': (_req, url) => {
        const day = url.searchParams.get('from');
        return json(200, { timezone: 'UTC', slots: [{ start: `${day}T15:00:00+00:00`, end: `${day}T15:30:00+00:00` }] });
      },
      'POST /api/calendar/public/manage/R.sig/reschedule': async (req) => {
        const body = (await req.json()) as { start: string };
        moves.push(body);
        return json(200, { ...created(body.start, 'UTC'), manage_url: 'http://crm.test/book/manage?reschedule=R2.sig&cancel=C2.sig' });
      },
    });
    const user = userEvent.setup();
    renderPublic('/book/manage?reschedule=R.sig&cancel=C.sig');
    expect(await screen.findByRole('heading', { name: 'Intro call' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pick a new time' }));
    await user.click(await within(await screen.findByRole('region', { name: /^Free times on/ })).findByRole('button', { name: /3:00|15:00/ }));
    expect(await screen.findByRole('heading', { name: 'Your meeting is moved' })).toBeInTheDocument();
    expect(moves).toEqual([{ start: expect.stringMatching(/T15:00:00\+00:00$/), timezone: 'UTC' }]);
    expect(screen.getByRole('link', { name: 'Reschedule or cancel' })).toHaveAttribute('href', '/book/manage?reschedule=R2.sig&cancel=C2.sig');
  });

  it('cancels with a reason, and a cancel-only link offers no move', async () => {
    let state = managed();
    const cancels: unknown[] = [];
    mockApi({
      'GET /api/calendar/public/manage/C.sig': () => json(200, state),
      'POST /api/calendar/public/manage/C.sig/cancel': async (req) => {
        cancels.push(await req.json());
        state = managed({ status: 'cancelled', cancelled_at: '2030-03-01T00:00:00Z', can_reschedule: false, can_cancel: false });
        return json(200, state);
      },
    });
    const user = userEvent.setup();
    renderPublic('/book/manage?cancel=C.sig');
    await screen.findByRole('heading', { name: 'Intro call' });
    expect(screen.queryByRole('button', { name: 'Pick a new time' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Cancel meeting' }));
    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'Found another supplier');
    await user.click(within(screen.getByRole('form', { name: 'Cancel the meeting' })).getByRole('button', { name: 'Cancel meeting' }));
    expect(await screen.findByText('This meeting is cancelled')).toBeInTheDocument();
    expect(cancels).toEqual([{ reason: 'Found another supplier' }]);
  });
});

describe('a one-click offer', () => {
  it('books the offered time, or says it is taken and links to the page', async () => {
    let free = true;
    mockApi({
      [`GET ${BASE}/quick/S.sig`]: () => json(200, { start: '2030-03-04T15:00:00+00:00', end: '2030-03-04T15:30:00+00:00', timezone: 'UTC', title: 'Intro call', host_name: 'Sam Sales', greeting_name: 'Lena', free }),
      [`POST ${BASE}/quick/S.sig`]: () => json(201, created('2030-03-04T15:00:00+00:00', 'UTC')),
    });
    const user = userEvent.setup();
    const { unmount } = renderPublic(`/book/${TOKEN}/quick/S.sig`);
    await user.click(await screen.findByRole('button', { name: 'Book this time' }));
    expect(await screen.findByRole('heading', { name: 'You’re booked' })).toBeInTheDocument();
    unmount();
    free = false;
    renderPublic(`/book/${TOKEN}/quick/S.sig`);
    expect(await screen.findByText('This time has been taken in the meantime.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See all free times' })).toHaveAttribute('href', `/book/${TOKEN}`);
  });
});
