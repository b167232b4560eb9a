/**
 * Time zones and calendar days for the calendar screens and the public booking page. Zones are IANA
 * names only (the API refuses anything else); days are "YYYY-MM-DD" strings in a named zone, so no
 * arithmetic here depends on the zone the browser happens to run in.
 */

/** The browser's IANA zone, or UTC when it cannot tell. */
export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

let zones: string[] | null = null;

/** Every IANA zone the browser knows (sorted), always including `extra` (e.g. a saved zone). */
export function zoneNames(...extra: Array<string | null | undefined>): string[] {
  if (!zones) {
    const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
    zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York'];
  }
  const missing = extra.filter((z): z is string => !!z && !zones!.includes(z));
  return missing.length ? [...missing, ...zones] : zones;
}

/** Today's date in `zone` as "YYYY-MM-DD". */
export function todayIn(zone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "YYYY-MM-DD" → a Date at UTC midnight (for calendar arithmetic only, never for display of a time). */
export function dayToUtc(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

export function utcToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = dayToUtc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return utcToDay(d);
}

/** The first and last day of the month `day` is in. */
export function monthRange(day: string): { first: string; last: string } {
  const d = dayToUtc(day);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return { first: utcToDay(first), last: utcToDay(last) };
}

/** The first day of the month `n` months from `day`'s. */
export function shiftMonth(day: string, n: number): string {
  const d = dayToUtc(day);
  return utcToDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)));
}

/** "Monday, 7 December 2026" for a day (no zone involved: the day is already the reader's). */
export function formatDay(day: string, style: 'full' | 'medium' = 'full', locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(dayToUtc(day));
}

/** "December 2026". */
export function formatMonth(day: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(dayToUtc(day));
}

/** The wall-clock time of an instant in `zone` ("09:30" or "9:30 AM" as the locale writes it). */
export function formatTime(iso: string, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone }).format(new Date(iso));
}

/** Date and time of an instant in `zone`, with the zone's short name ("Mon, 7 Dec 2026, 09:30 CET"). */
export function formatMoment(iso: string, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** The day ("YYYY-MM-DD") an ISO time with an offset falls on, as written (its own zone's date). */
export function dayOf(isoWithOffset: string): string {
  return isoWithOffset.slice(0, 10);
}
