import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { rawApi } from '@/lib/api/raw';
import type { Me, TokenResponse } from '@/lib/api/types';
import { SAME_SITE_HEADERS, getAccessToken } from './session';

export type LoginInput = { email: string; password: string };

export function postLogin(body: LoginInput): Promise<TokenResponse> {
  return unwrap(rawApi.POST('/api/auth/login', { body }));
}

export async function postLogout(): Promise<void> {
  const token = getAccessToken();
  const headers = token ? { ...SAME_SITE_HEADERS, Authorization: `Bearer ${token}` } : SAME_SITE_HEADERS;
  await unwrap(rawApi.POST('/api/auth/logout', { headers }));
}

/** "Enter the demo": a demo-role session without a password (public demo only; limited per address). */
export function postEnterDemo(): Promise<TokenResponse> {
  return unwrap(rawApi.POST('/api/auth/demo', { headers: SAME_SITE_HEADERS }));
}

export function getMe(): Promise<Me> {
  return unwrap(api.GET('/api/auth/me'));
}
