/**
 * In-memory session: the access token lives only in this module (never in storage).
 * The refresh token is an httpOnly cookie the browser sends to /api/auth/* by itself.
 */
import { rawApi } from '@/lib/api/raw';
import type { TokenResponse } from '@/lib/api/types';

type Listener = () => void;

/**
 * Sent with the cookie-authenticated calls (refresh, logout). A form on another site cannot add a
 * header, and fetch from another origin would need a CORS preflight the server never grants, so the
 * backend refuses these calls without it (or without an Origin of this site): no cross-site logout.
 */
export const SAME_SITE_HEADERS = { 'X-Requested-With': 'outbound-spa' } as const;

let accessToken: string | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let inflight: Promise<string | null> | null = null;
const expiredListeners = new Set<Listener>();

/** Refresh this many seconds before the access token expires. */
export const REFRESH_LEEWAY_S = 60;

export function getAccessToken(): string | null {
  return accessToken;
}

function clearTimer() {
  if (refreshTimer !== null) {
    clearTimeout(refreshTimer);
    refreshTimer = null;
  }
}

/** Delay (ms) before the silent refresh for a token living `expiresIn` seconds. */
export function refreshDelayMs(expiresIn: number): number {
  const seconds = Math.max(expiresIn - REFRESH_LEEWAY_S, expiresIn / 2, 5);
  return Math.round(seconds * 1000);
}

/** Store a freshly issued token and schedule its silent refresh. */
export function setSession(token: TokenResponse): void {
  accessToken = token.access_token;
  clearTimer();
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    void refreshAccessToken().then((t) => {
      // null + no token = the server said no; null with a token left = network blip (the 401 path retries).
      if (t === null && accessToken === null) notifyExpired();
    });
  }, refreshDelayMs(token.expires_in));
}

/** Forget the token (logout, or the session could not be refreshed). */
export function clearSession(): void {
  accessToken = null;
  clearTimer();
}

async function doRefresh(): Promise<string | null> {
  try {
    const { data, response } = await rawApi.POST('/api/auth/refresh', { headers: SAME_SITE_HEADERS });
    // 204: no refresh cookie came along, so nobody is signed in on this browser (the usual first load);
    // 401: the cookie was refused (expired, revoked). Either way there is no session.
    if (!response.ok || response.status === 204 || !data) {
      clearSession();
      return null;
    }
    setSession(data);
    return data.access_token;
  } catch {
    // Network failure: keep whatever we had; the caller decides.
    return null;
  }
}

type LockManagerLike = { request: <T>(name: string, cb: () => Promise<T>) => Promise<T> };

/**
 * Single-flight refresh: concurrent callers share one POST /api/auth/refresh.
 * Across tabs, the Web Locks API (when available) serialises refreshes so two tabs never
 * present the same rotating cookie at once (which the backend would flag as reuse).
 * Resolves to the new access token, or null if the session is gone.
 */
export function refreshAccessToken(): Promise<string | null> {
  if (!inflight) {
    const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
    const run = locks ? locks.request('outbound-crm-auth-refresh', doRefresh) : doRefresh();
    inflight = run.finally(() => {
      inflight = null;
    });
  }
  return inflight;
}

/** Wait for a refresh that is already under way (if any). */
export function pendingRefresh(): Promise<string | null> | null {
  return inflight;
}

/** Subscribe to "the session is gone" (refresh failed). Returns an unsubscribe function. */
export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

export function notifyExpired(): void {
  clearSession();
  for (const l of [...expiredListeners]) l();
}

/** Test helper: reset all module state. */
export function resetSessionForTests(): void {
  clearSession();
  inflight = null;
  expiredListeners.clear();
}
