/**
 * The API is served same-origin under /api, and the generated paths already start with /api,
 * so the base is just the page's origin. (An absolute URL keeps `new Request()` happy outside
 * browsers, e.g. in tests.)
 */
export function apiBaseUrl(): string {
  if (typeof window !== 'undefined' && window.location?.origin && window.location.origin !== 'null') {
    return window.location.origin;
  }
  return 'http://localhost';
}

/** Late-bound fetch so tests (and polyfills) can replace globalThis.fetch after import. */
export const lateFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);
