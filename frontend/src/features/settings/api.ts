/**
 * Settings feature ↔ backend: today's AI usage and the provider (ai service), your sender profile (users).
 * All generated-type usage for this feature lives here.
 */
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/api/schema';

type S = components['schemas'];
export type UsageRead = S['UsageRead'];
export type UsageLine = S['UsageLine'];
export type AiProvider = S['ProviderRead'];

export function getAiUsage(): Promise<UsageRead> {
  return unwrap(api.GET('/api/ai/usage'));
}

export function getAiProvider(): Promise<AiProvider> {
  return unwrap(api.GET('/api/ai/provider'));
}

export type SenderProfile = S['SenderProfile'];
export type SenderProfileUpdate = S['SenderProfileUpdate'];

export function getSenderProfile(): Promise<SenderProfile> {
  return unwrap(api.GET('/api/auth/me/sender-profile'));
}

export function putSenderProfile(body: SenderProfileUpdate): Promise<SenderProfile> {
  return unwrap(api.PUT('/api/auth/me/sender-profile', { body }));
}
