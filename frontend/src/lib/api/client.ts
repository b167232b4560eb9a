import createClient from 'openapi-fetch';
import { createAuthMiddleware } from '@/lib/auth/middleware';
import { apiBaseUrl, lateFetch } from './baseUrl';
import type { paths } from './types';

/** The application's API client: typed by the generated schema, with bearer auth + refresh-on-401. */
export const api = createClient<paths>({
  baseUrl: apiBaseUrl(),
  credentials: 'include',
  fetch: lateFetch,
});
api.use(createAuthMiddleware());

export { unwrap, ApiError, errorMessage, fieldErrorsFrom } from './problem';
export type { FieldErrors } from './problem';
