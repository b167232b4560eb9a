/** Calendar service answers for the screens' tests, shaped like the API's (see services/calendar/schemas.py). */
import { json, type Routes } from './mockApi';

export const availability = (over: Record<string, unknown> = {}) => ({
  timezone: 'Europe/Berlin',
  weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '12:00'], ['13:00', '17:00']] },
  slot_minutes: 30,
  buffer_before_minutes: 0,
  buffer_after_minutes: 10,
  min_notice_minutes: 120,
  horizon_days: 60,
  max_per_day: null,
  max_per_week: null,
  overrides: [],
  configured: true,
  ...over,
});

export const bookingPage = (over: Record<string, unknown> = {}) => ({
  id: 7,
  host_id: 2,
  host_name: 'Sam Sales',
  title: 'Intro call',
  duration_minutes: 30,
  description: 'Twenty minutes about your machines.',
  branding: { name: null, logo_url: null, colour: null },
  questions: [{ id: 'q_machines', label: 'How many machines?', required: true, multiline: false }],
  location: 'Phone',
  with_meet: false,
  language: 'en',
  active: true,
  token: 'PAGETOKEN_PAGETOKEN_PAGETOKEN_PAGETOKEN_PAG',
  url: 'http://crm.test/book/PAGETOKEN_PAGETOKEN_PAGETOKEN_PAGETOKEN_PAG',
  created_at: '2026-01-01T10:00:00Z',
  updated_at: '2026-01-01T10:00:00Z',
  ...over,
});

export const booking = (over: Record<string, unknown> = {}) => ({
  id: 41,
  page_id: 7,
  page_title: 'Intro call',
  host_id: 2,
  status: 'confirmed',
  start: '2030-03-04T09:00:00Z',
  end: '2030-03-04T09:30:00Z',
  visitor_name: 'Lena Lead',
  visitor_email: 'lena@acme.test',
  visitor_timezone: 'Europe/Berlin',
  language: 'de',
  answers: [{ id: 'q_machines', question: 'How many machines?', answer: '12' }],
  note: null,
  contact_id: 5,
  company_id: 3,
  campaign_id: 9,
  source: 'personal',
  sequence: 0,
  provider: 'local',
  event_state: 'none',
  event_link: null,
  meet_url: null,
  created_at: '2030-03-01T09:00:00Z',
  cancelled_at: null,
  cancelled_by: null,
  cancel_reason: null,
  ...over,
});

export const googleStatus = (over: Record<string, unknown> = {}) => ({
  enabled: true,
  state: 'disconnected',
  detail: 'Not connected: busy times come from your bookings here.',
  account_email: null,
  busy_calendar_ids: [],
  event_calendar_id: null,
  connected_at: null,
  revoked_at: null,
  ...over,
});

export const page = (items: unknown[], total = items.length) => ({ items, total, limit: 25, offset: 0 });

/** Everything the calendar screen reads, answered with a usable default. */
export function calendarApi(extra: Routes = {}): Routes {
  return {
    'GET /api/auth/demo': () => json(200, { enabled: false }),
    'GET /api/calendar/bookings': () => json(200, page([])),
    'GET /api/calendar/pages': () => json(200, []),
    'GET /api/calendar/availability': () => json(200, availability()),
    'POST /api/calendar/availability/preview': () => json(200, { timezone: 'Europe/Berlin', slots: [] }),
    'GET /api/calendar/google': () => json(200, googleStatus()),
    'GET /api/calendar/feed': () => json(200, { url: null }),
    ...extra,
  };
}
