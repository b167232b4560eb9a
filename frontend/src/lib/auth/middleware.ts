import type { Middleware } from 'openapi-fetch';
import { getAccessToken, notifyExpired, pendingRefresh, refreshAccessToken } from './session';

/** Auth endpoints never go through refresh-and-retry. */
const NO_RETRY = /\/api\/auth\/(login|refresh|logout)$/;

/**
 * openapi-fetch middleware:
 *  - adds `Authorization: Bearer <token>`;
 *  - on a 401 refreshes once (single-flight, shared by concurrent 401s) and retries the request once;
 *  - if the refresh fails, signals "session expired" (the app then goes to /login, keeping the path).
 */
export function createAuthMiddleware(): Middleware {
  // Pristine copies of outgoing requests (bodies are single-use), keyed by openapi-fetch's request id.
  const originals = new Map<string, { request: Request; token: string | null }>();

  return {
    async onRequest({ request, id, schemaPath }) {
      // If a refresh is already running (e.g. app start), wait for it rather than send a doomed request.
      const pending = pendingRefresh();
      if (pending) await pending;
      const token = getAccessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      if (!NO_RETRY.test(schemaPath)) originals.set(id, { request: request.clone(), token });
      return request;
    },

    async onResponse({ response, id, options }) {
      const original = originals.get(id);
      originals.delete(id);
      if (response.status !== 401 || !original) return undefined;

      // Someone else already refreshed since this request left: just retry with the new token.
      const current = getAccessToken();
      const token = current && current !== original.token ? current : await refreshAccessToken();
      if (!token) {
        notifyExpired();
        return undefined;
      }
      const retry = new Request(original.request);
      retry.headers.set('Authorization', `Bearer ${token}`);
      return options.fetch(retry);
    },

    onError({ id }) {
      originals.delete(id);
      return undefined;
    },
  };
}
