import { ApiError, errorMessage } from '@/lib/api/problem';

/** A link's failure in words a visitor can act on. */
export function linkProblem(err: unknown): { title: string; detail: string } {
  if (err instanceof ApiError) {
    if (err.status === 404) return { title: 'This link is not valid', detail: 'Check that you opened the whole link from the e-mail, or ask the sender for a new one.' };
    if (err.status === 403) return { title: 'This link has expired', detail: 'Ask the sender for a new link.' };
    if (err.status === 429) return { title: 'Too many requests', detail: `Please wait${err.retryAfter ? ` ${Math.ceil(err.retryAfter / 60)} min` : ' a moment'} and reload the page.` };
  }
  return { title: 'The page could not be loaded', detail: errorMessage(err) };
}

/** A booking's failure: a taken slot sends the visitor back to pick another. */
export function bookingProblem(err: unknown): { taken: boolean; message: string } {
  if (err instanceof ApiError && err.status === 409) {
    return { taken: true, message: `${err.message} Please pick another time.` };
  }
  if (err instanceof ApiError && err.status === 429) {
    return { taken: false, message: `Too many attempts. Please try again${err.retryAfter ? ` in ${Math.ceil(err.retryAfter / 60)} min` : ' later'}.` };
  }
  if (err instanceof ApiError && [502, 503, 504].includes(err.status)) {
    return { taken: false, message: `The host's calendar did not answer, so nothing was booked. Please try again. (${err.message})` };
  }
  return { taken: false, message: errorMessage(err) };
}

/** The visitor's language for their confirmation e-mail. */
export function visitorLanguage(): 'de' | 'en' {
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('de') ? 'de' : 'en';
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
