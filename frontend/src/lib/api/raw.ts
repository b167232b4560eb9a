import createClient from 'openapi-fetch';
import type { paths } from './types';
import { apiBaseUrl, lateFetch } from './baseUrl';

/**
 * Client WITHOUT the auth middleware. Used for the auth endpoints themselves
 * (login / refresh / logout), which must never trigger the 401 → refresh → retry dance.
 */
export const rawApi = createClient<paths>({
  baseUrl: apiBaseUrl(),
  credentials: 'include',
  fetch: lateFetch,
});
