import type { Problem } from './types';

export type FieldErrors = Record<string, string>;

/** Error thrown by feature API functions; carries the RFC 9457 problem document when there is one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  /** Seconds from a Retry-After header (429 / 503), if present. */
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem | null, message: string, retryAfter: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** Field-level validation messages keyed by field name (from problem.errors[].loc). */
  get fieldErrors(): FieldErrors {
    return fieldErrorsFrom(this.problem);
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && ('title' in value || 'detail' in value || 'status' in value);
}

function parseRetryAfter(response: Response | undefined): number | null {
  const raw = response?.headers.get('Retry-After');
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(raw);
  if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  return null;
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'You are not signed in.',
  403: 'You do not have permission to do that.',
  404: 'Not found.',
  409: 'That conflicts with existing data.',
  422: 'Some fields are not valid.',
  429: 'Too many requests. Please wait a moment.',
  500: 'The server had a problem. Please try again.',
  502: 'The server is unreachable. Please try again.',
  503: 'The service is temporarily unavailable.',
};

/** The problem type of a refusal by the public demo (or of the demo account's limits). */
export const DEMO_PROBLEM_TYPE = 'urn:outbound:problem:demo-disabled';

/** What a demo refusal says to a visitor: not an error of theirs, and what they can do instead. */
export function demoRefusalMessage(detail: string | null | undefined): string {
  return /public demo/i.test(detail ?? '')
    ? 'This is switched off in the public demo, so nothing leaves it. Everything inside the CRM — companies, contacts, notes, templates, campaign drafts — is yours to try.'
    : 'The demo account can look around, but it cannot change this.';
}

/** The API refused because this is the demo. */
export function isDemoRefusal(err: unknown): boolean {
  return err instanceof ApiError && err.problem?.type === DEMO_PROBLEM_TYPE;
}

/** Build an ApiError from an openapi-fetch `{ error, response }` pair. */
export function toApiError(error: unknown, response: Response | undefined): ApiError {
  const status = response?.status ?? 0;
  const problem = isProblem(error) ? error : null;
  const message =
    problem?.type === DEMO_PROBLEM_TYPE
      ? demoRefusalMessage(problem.detail)
      : problem?.detail || problem?.title || FALLBACK_MESSAGES[status] || (status ? `Request failed (${status}).` : 'Network error.');
  return new ApiError(status, problem, message, parseRetryAfter(response));
}

/** Wrap a thrown fetch failure (offline, DNS, CORS …) as an ApiError with status 0. */
export function networkError(cause: unknown): ApiError {
  const err = new ApiError(0, null, 'Cannot reach the server. Check your connection and try again.');
  (err as { cause?: unknown }).cause = cause;
  return err;
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Resolve an openapi-fetch call to its data or throw an ApiError.
 * `await unwrap(api.GET('/api/users', …))`
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw networkError(cause);
  }
  if (!result.response.ok) throw toApiError(result.error, result.response);
  return result.data as T;
}

/**
 * Map problem.errors[] to { field: message }. The field is the last string segment of `loc`
 * (FastAPI-style locs look like ["body", "email"]). The first message per field wins.
 */
export function fieldErrorsFrom(problem: Problem | null | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const e of problem?.errors ?? []) {
    const loc = (e.loc ?? []).filter((p): p is string => typeof p === 'string' && p !== 'body' && p !== 'query');
    const key = loc[loc.length - 1] ?? '_';
    if (!(key in out)) out[key] = e.msg;
  }
  return out;
}

/** A user-facing message for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}

/** The API answered 404: the record does not exist (any more). */
export function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && err.status === 404;
}
