import { ApiError, errorMessage } from '@/lib/api/problem';
import type { Words } from '../i18n';

const minutes = (err: ApiError) => (err.retryAfter ? Math.ceil(err.retryAfter / 60) : null);

/** A link's failure in words a visitor can act on. */
export function linkProblem(err: unknown, w: Words): { title: string; detail: string } {
  if (err instanceof ApiError) {
    if (err.status === 404) return { title: w.invalidTitle, detail: w.invalidText };
    if (err.status === 403) return { title: w.expiredTitle, detail: w.expiredText };
    if (err.status === 429) return { title: w.busyTitle, detail: w.busyText(minutes(err)) };
  }
  return { title: w.failedTitle, detail: errorMessage(err) };
}

/** A booking's failure: a taken slot sends the visitor back to pick another. */
export function bookingProblem(err: unknown, w: Words): { taken: boolean; message: string } {
  if (err instanceof ApiError && err.status === 409) return { taken: true, message: w.pickAnother(err.message) };
  if (err instanceof ApiError && err.status === 429) return { taken: false, message: w.tooMany(minutes(err)) };
  if (err instanceof ApiError && [502, 503, 504].includes(err.status)) return { taken: false, message: w.calendarDown(err.message) };
  return { taken: false, message: errorMessage(err) };
}

/** An absolute link from the API as a path on this site (the page and the API share an origin). */
export function localPath(url: string): string {
  try {
    const u = new URL(url, window.location.origin);
    return u.pathname + u.search + u.hash;
  } catch {
    return url;
  }
}

export function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
