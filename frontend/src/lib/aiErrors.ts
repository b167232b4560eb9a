import { ApiError, errorMessage, isDemoRefusal } from '@/lib/api/problem';
import { formatDuration, formatTime } from '@/lib/format';

/** A failed AI call, ready to show: a short title, the server's detail, and when to try again. */
export type AiErrorInfo = { title: string; message: string; retry: string | null };

function problemCode(err: ApiError): string {
  const type = err.problem?.type ?? '';
  // Problem types look like "urn:outbound:problem:budget-exceeded".
  return type.slice(type.lastIndexOf(':') + 1);
}

function retryText(seconds: number | null, verb: string, now: number): string | null {
  if (seconds === null) return null;
  const at = formatTime(new Date(now + seconds * 1000));
  return seconds >= 120 ? `${verb} in ${formatDuration(seconds)} (at ${at}).` : `${verb} in ${formatDuration(seconds)}.`;
}

/**
 * What went wrong with an AI request, in words: 429 budget-exceeded (with when it resets, from
 * Retry-After), the provider rate limiting, the model failing (502) or timing out (504), the public
 * demo's 403, validation (422). The detail is the server's text, rendered by callers as text.
 */
export function describeAiError(err: unknown, now: number = Date.now()): AiErrorInfo {
  if (!(err instanceof ApiError)) return { title: 'Something went wrong', message: errorMessage(err), retry: null };
  const code = problemCode(err);
  const detail = err.message;
  switch (err.status) {
    case 0:
      return { title: 'Cannot reach the server', message: detail, retry: null };
    case 403:
      return isDemoRefusal(err) || /public demo/i.test(detail)
        ? { title: 'Switched off in the public demo', message: detail, retry: null }
        : { title: 'Not allowed', message: detail, retry: null };
    case 404:
      return { title: 'Not found', message: detail, retry: null };
    case 422: {
      const fields = Object.entries(err.fieldErrors).map(([field, msg]) => (field === '_' ? msg : `${field.replace(/_/g, ' ')}: ${msg}`));
      return { title: 'Check the input', message: fields.length ? fields.join(' · ') : detail, retry: null };
    }
    case 429:
      return code === 'budget-exceeded'
        ? { title: 'Daily AI budget used up', message: detail, retry: retryText(err.retryAfter, 'It resets', now) }
        : {
            title: code === 'provider-rate-limited' ? 'The AI provider is busy' : 'Too many requests',
            message: detail,
            retry: retryText(err.retryAfter, 'Try again', now),
          };
    case 502:
      // The model (model-refused, model-output-invalid, provider-failed) or what it needed (a website, a service).
      return { title: /^(model|provider)-/.test(code) ? 'The model failed' : "Couldn't complete the AI request", message: detail, retry: null };
    case 504:
      return { title: 'The model did not answer in time', message: detail, retry: null };
    default:
      return { title: 'The AI request failed', message: detail, retry: null };
  }
}

