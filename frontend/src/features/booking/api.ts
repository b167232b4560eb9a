/**
 * The public booking page ↔ calendar service's public routes (no sign-in, no token: the raw client,
 * so a visitor's page never starts the session machinery). All generated-type usage for this feature
 * lives here.
 */
import { unwrap } from '@/lib/api/problem';
import { rawApi } from '@/lib/api/raw';
import type { components } from '@/api/schema';

type S = components['schemas'];
export type PublicPage = S['PublicPage'];
export type Slot = S['SlotRead'];
export type BookingCreate = S['BookingCreate'];
export type BookingCreated = S['BookingCreated'];
export type ManagedBooking = S['ManagedBooking'];
export type OfferedSlot = S['OfferedSlotRead'];
export type Question = S['Question'];
export type Branding = S['Branding'];

export function getPage(token: string): Promise<PublicPage> {
  return unwrap(rawApi.GET('/api/calendar/public/{token}', { params: { path: { token } } }));
}

export async function freeDays(token: string, from: string, to: string, tz: string): Promise<string[]> {
  return (await unwrap(rawApi.GET('/api/calendar/public/{token}/days', { params: { path: { token }, query: { from, to, tz } } }))).days;
}

export async function freeSlots(token: string, from: string, to: string, tz: string): Promise<Slot[]> {
  return (await unwrap(rawApi.GET('/api/calendar/public/{token}/slots', { params: { path: { token }, query: { from, to, tz } } }))).slots;
}

/** Book; the same key with the same request answers with the same booking (a retry after a lost answer). */
export function book(token: string, body: BookingCreate, idempotencyKey: string): Promise<BookingCreated> {
  return unwrap(rawApi.POST('/api/calendar/public/{token}/bookings', { params: { path: { token }, header: { 'idempotency-key': idempotencyKey } }, body }));
}

export function getOffered(token: string, slot: string): Promise<OfferedSlot> {
  return unwrap(rawApi.GET('/api/calendar/public/{token}/quick/{slot}', { params: { path: { token, slot } } }));
}

export function bookOffered(token: string, slot: string, timezone: string, language: 'de' | 'en'): Promise<BookingCreated> {
  return unwrap(rawApi.POST('/api/calendar/public/{token}/quick/{slot}', { params: { path: { token, slot } }, body: { timezone, language } }));
}

export function getManaged(link: string): Promise<ManagedBooking> {
  return unwrap(rawApi.GET('/api/calendar/public/manage/{link}', { params: { path: { link } } }));
}

export async function manageSlots(link: string, from: string, to: string, tz: string): Promise<Slot[]> {
  return (await unwrap(rawApi.GET('/api/calendar/public/manage/{link}/slots', { params: { path: { link }, query: { from, to, tz } } }))).slots;
}

export function reschedule(link: string, start: string, timezone: string): Promise<BookingCreated> {
  return unwrap(rawApi.POST('/api/calendar/public/manage/{link}/reschedule', { params: { path: { link } }, body: { start, timezone } }));
}

export function cancel(link: string, reason: string | null): Promise<ManagedBooking> {
  return unwrap(rawApi.POST('/api/calendar/public/manage/{link}/cancel', { params: { path: { link } }, body: { reason } }));
}
