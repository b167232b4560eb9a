/**
 * Calls to routes the e-mail service is still growing. The generated schema does not know them yet,
 * so their shapes are written by hand in the feature's api.ts (from the pinned interfaces);
 * the call still goes through the one authenticated client and the same error handling. When a route
 * appears in the generated schema, its feature switches to `api.GET/POST(...)` and drops the local type.
 */
import { api } from './client';
import { unwrap } from './problem';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Init = { params?: { path?: Record<string, string | number>; query?: Record<string, unknown> }; body?: unknown };
type LooseCall = (path: string, init?: Init) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
type LooseClient = Record<Method, LooseCall>;

export function pendingCall<T>(method: Method, path: string, init: Init = {}): Promise<T> {
  const client = api as unknown as LooseClient;
  return unwrap(client[method](path, init)) as Promise<T>;
}
