/**
 * Tiny fetch mock at the network boundary: route "METHOD /path" to handlers that get the Request
 * and return a Response. Every call is recorded. Unmatched calls fail loudly with a 599.
 */
import { vi } from 'vitest';

export type Handler = (req: Request, url: URL) => Response | Promise<Response>;
export type Routes = Record<string, Handler>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(status: number, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: detail, status, detail, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export type MockApi = {
  calls: Array<{ method: string; path: string; request: Request }>;
  count: (key: string) => number;
  fetch: ReturnType<typeof vi.fn>;
  set: (key: string, handler: Handler) => void;
};

export function mockApi(routes: Routes): MockApi {
  const table = { ...routes };
  const calls: MockApi['calls'] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname}`;
    calls.push({ method: request.method, path: url.pathname + url.search, request: request.clone() });
    const handler = table[key];
    if (!handler) return problem(599, `No mock for ${key}`);
    return handler(request, url);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    count: (key) => calls.filter((c) => `${c.method} ${new URL(c.request.url).pathname}` === key).length,
    fetch: fetchMock,
    set: (key, handler) => {
      table[key] = handler;
    },
  };
}

export const token = (access = 'tok-1', expires_in = 900) => ({ access_token: access, token_type: 'bearer' as const, expires_in });

export const ADMIN = { id: '00000000-0000-4000-8000-000000000001', email: 'ada@example.com', name: 'Ada Admin', role: 'admin' };
export const SALES = { id: '00000000-0000-4000-8000-000000000002', email: 'sam@example.com', name: 'Sam Sales', role: 'sales' };
export const DEMO = { id: '00000000-0000-4000-8000-000000000003', email: 'demo@example.com', name: 'Dee Demo', role: 'demo' };

/** Routes for "already signed in as `me`" (refresh cookie valid). */
export function signedIn(me: object, extra: Routes = {}): Routes {
  return {
    'POST /api/auth/refresh': () => json(200, token()),
    'GET /api/auth/me': () => json(200, me),
    'POST /api/auth/logout': () => noContent(),
    ...extra,
  };
}
