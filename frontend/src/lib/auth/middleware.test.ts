import { describe, expect, it, vi } from 'vitest';
import { api } from '@/lib/api/client';
import { json, mockApi, problem, token } from '@/test/mockApi';
import { getAccessToken, onSessionExpired, refreshDelayMs, setSession } from './session';

const PAGE = { items: [], total: 0, limit: 50, offset: 0 };

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('auth middleware', () => {
  it('adds the bearer token to requests', async () => {
    const server = mockApi({ 'GET /api/users': () => json(200, PAGE) });
    setSession(token('abc'));
    const { data } = await api.GET('/api/users', { params: { query: { limit: 50, offset: 0 } } });
    expect(data).toEqual(PAGE);
    expect(server.calls[0]!.request.headers.get('Authorization')).toBe('Bearer abc');
  });

  it('on 401 refreshes once (single-flight) and retries each request once', async () => {
    const gate = deferred<void>();
    const server = mockApi({
      'GET /api/users': (req) => (req.headers.get('Authorization') === 'Bearer fresh' ? json(200, PAGE) : problem(401, 'Token expired')),
      'GET /api/auth/me': (req) =>
        req.headers.get('Authorization') === 'Bearer fresh'
          ? json(200, { id: 'u1', email: 'a@b.c', name: 'A', role: 'admin' })
          : problem(401, 'Token expired'),
      'POST /api/auth/refresh': async () => {
        await gate.promise; // hold the refresh open so both 401s arrive while it is in flight
        return json(200, token('fresh'));
      },
    });
    setSession(token('stale'));

    const both = Promise.all([api.GET('/api/users', { params: { query: {} } }), api.GET('/api/auth/me')]);
    await vi.waitFor(() => expect(server.count('POST /api/auth/refresh')).toBe(1));
    gate.resolve();
    const [users, me] = await both;

    expect(users.data).toEqual(PAGE);
    expect(me.data?.email).toBe('a@b.c');
    expect(server.count('POST /api/auth/refresh')).toBe(1);
    expect(server.count('GET /api/users')).toBe(2); // original + one retry
    expect(server.count('GET /api/auth/me')).toBe(2);
    expect(getAccessToken()).toBe('fresh');
    // Refresh goes out with the cookie (credentials: include) and no body.
    const refreshCall = server.calls.find((c) => c.path === '/api/auth/refresh')!;
    expect(refreshCall.request.credentials).toBe('include');
    // ...and with the header that tells the backend it is our page, not another site's form.
    expect(refreshCall.request.headers.get('X-Requested-With')).toBe('outbound-spa');
  });

  it('retries a request body intact after refresh', async () => {
    const bodies: string[] = [];
    mockApi({
      'POST /api/users': async (req) => {
        bodies.push(await req.text());
        return req.headers.get('Authorization') === 'Bearer fresh'
          ? json(201, { id: 'x', email: 'n@e.w', name: 'New', role: 'sales', is_active: true, created_at: '2024-01-01T00:00:00Z', last_login_at: null })
          : problem(401, 'expired');
      },
      'POST /api/auth/refresh': () => json(200, token('fresh')),
    });
    setSession(token('stale'));
    const res = await api.POST('/api/users', { body: { email: 'n@e.w', name: 'New', role: 'sales', password: 'longpassword' } });
    expect(res.response.status).toBe(201);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
  });

  it('when refresh fails, signals session expiry and returns the 401', async () => {
    const server = mockApi({
      'GET /api/users': () => problem(401, 'Token expired'),
      'POST /api/auth/refresh': () => problem(401, 'Refresh token invalid'),
    });
    const expired = vi.fn();
    onSessionExpired(expired);
    setSession(token('stale'));
    const res = await api.GET('/api/users', { params: { query: {} } });
    expect(res.response.status).toBe(401);
    expect(expired).toHaveBeenCalled();
    expect(getAccessToken()).toBeNull();
    expect(server.count('GET /api/users')).toBe(1);
  });

  it('does not try to refresh for the auth endpoints themselves', async () => {
    const server = mockApi({ 'POST /api/auth/login': () => problem(401, 'Wrong e-mail or password') });
    const res = await api.POST('/api/auth/login', { body: { email: 'a@b.c', password: 'x' } });
    expect(res.response.status).toBe(401);
    expect(server.count('POST /api/auth/refresh')).toBe(0);
  });

  it('schedules the silent refresh about 60 s before expiry', () => {
    expect(refreshDelayMs(900)).toBe(840_000);
    expect(refreshDelayMs(30)).toBe(15_000);
  });

  it('silently refreshes on the schedule', async () => {
    vi.useFakeTimers();
    const server = mockApi({ 'POST /api/auth/refresh': () => json(200, token('next', 900)) });
    setSession(token('first', 120));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(server.count('POST /api/auth/refresh')).toBe(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(server.count('POST /api/auth/refresh')).toBe(1);
    expect(getAccessToken()).toBe('next');
  });
});
