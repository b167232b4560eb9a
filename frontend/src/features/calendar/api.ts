/**
 * Calendar feature ↔ backend (calendar service, signed in): bookings, booking pages, availability, the
 * Google connection and the feed; plus the public demo flag (users) and company names (leads) the
 * screens show. All generated-type usage for this feature lives here.
 */
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components, paths } from '@/api/schema';

type S = components['schemas'];
export type Availability = S['AvailabilityRead'];
export type AvailabilityWrite = S['AvailabilityWrite'];
export type DateOverride = S['DateOverride'];
export type SlotsRead = S['SlotsRead'];
export type Slot = S['SlotRead'];
export type BookingPage = S['PageRead'];
export type PageCreate = S['PageCreate'];
export type PageUpdate = S['PageUpdate'];
export type PageCreated = S['PageCreated'];
export type Question = S['Question'];
export type Branding = S['Branding'];
export type Booking = S['BookingRead'];
export type BookingsPage = S['Page_BookingRead_'];
export type GoogleStatus = S['GoogleStatus'];
export type GoogleCalendar = S['GoogleCalendarRead'];
export type GoogleCalendarChoice = S['GoogleCalendarChoice'];
export type GoogleCallback = S['GoogleCallback'];
export type Feed = S['FeedRead'];
export type DemoInfo = S['DemoInfo'];
export type ListBookingsParams = NonNullable<paths['/api/calendar/bookings']['get']['parameters']['query']>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

// --- availability ---------------------------------------------------------------------------------

export function getAvailability(): Promise<Availability> {
  return unwrap(api.GET('/api/calendar/availability'));
}

export function putAvailability(body: AvailabilityWrite): Promise<Availability> {
  return unwrap(api.PUT('/api/calendar/availability', { body }));
}

/** Free slots of the next `days` days under unsaved rules (nothing is saved). */
export function previewAvailability(availability: AvailabilityWrite, days: number, timezone: string): Promise<SlotsRead> {
  return unwrap(api.POST('/api/calendar/availability/preview', { body: { availability, days, timezone } }));
}

// --- booking pages ----------------------------------------------------------------------------------

export function listPages(hostId: number): Promise<BookingPage[]> {
  return unwrap(api.GET('/api/calendar/pages', { params: { query: { host_id: hostId } } }));
}

export function createPage(body: PageCreate): Promise<PageCreated> {
  return unwrap(api.POST('/api/calendar/pages', { body }));
}

export function updatePage(id: number, body: PageUpdate): Promise<BookingPage> {
  return unwrap(api.PATCH('/api/calendar/pages/{page_id}', { params: { path: { page_id: id } }, body }));
}

export async function closePage(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/calendar/pages/{page_id}', { params: { path: { page_id: id } } }));
}

export function rotatePageLink(id: number): Promise<BookingPage> {
  return unwrap(api.POST('/api/calendar/pages/{page_id}/rotate-link', { params: { path: { page_id: id } } }));
}

/** A page's next free slots exactly as a visitor of its link sees them. */
export function pageSlots(token: string, from: string, to: string, tz: string): Promise<SlotsRead> {
  return unwrap(api.GET('/api/calendar/public/{token}/slots', { params: { path: { token }, query: { from, to, tz } } }));
}

// --- bookings ---------------------------------------------------------------------------------------

export function listBookings(query: ListBookingsParams): Promise<BookingsPage> {
  return unwrap(api.GET('/api/calendar/bookings', { params: { query } }));
}

export function getBooking(id: number): Promise<Booking> {
  return unwrap(api.GET('/api/calendar/bookings/{booking_id}', { params: { path: { booking_id: id } } }));
}

export function cancelBooking(id: number, reason: string | null): Promise<Booking> {
  return unwrap(api.POST('/api/calendar/bookings/{booking_id}/cancel', { params: { path: { booking_id: id } }, body: { reason } }));
}

// --- Google Calendar --------------------------------------------------------------------------------

export function getGoogle(): Promise<GoogleStatus> {
  return unwrap(api.GET('/api/calendar/google'));
}

/** Where to send the browser to grant access; Google returns it to /calendar/google/callback. */
export async function connectGoogle(): Promise<string> {
  return (await unwrap(api.POST('/api/calendar/google/connect'))).authorization_url;
}

export function finishGoogle(body: GoogleCallback): Promise<GoogleStatus> {
  return unwrap(api.POST('/api/calendar/google/callback', { body }));
}

export function listGoogleCalendars(): Promise<GoogleCalendar[]> {
  return unwrap(api.GET('/api/calendar/google/calendars'));
}

export function chooseGoogleCalendars(body: GoogleCalendarChoice): Promise<GoogleStatus> {
  return unwrap(api.PUT('/api/calendar/google/calendars', { body }));
}

export function disconnectGoogle(): Promise<GoogleStatus> {
  return unwrap(api.POST('/api/calendar/google/disconnect'));
}

// --- the subscription feed --------------------------------------------------------------------------

export function getFeed(): Promise<Feed> {
  return unwrap(api.GET('/api/calendar/feed'));
}

export function rotateFeed(): Promise<Feed> {
  return unwrap(api.POST('/api/calendar/feed'));
}

export async function deleteFeed(): Promise<void> {
  await unwrap(api.DELETE('/api/calendar/feed'));
}

// --- from other services ----------------------------------------------------------------------------

/** Whether this is the public demo (some calendar settings are switched off there). */
export function getDemoInfo(): Promise<DemoInfo> {
  return unwrap(api.GET('/api/auth/demo'));
}

export async function companyName(id: number): Promise<string> {
  return (await unwrap(api.GET('/api/leads/companies/{company_id}', { params: { path: { company_id: id } } }))).name;
}
