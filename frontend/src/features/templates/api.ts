/**
 * Templates feature ↔ backend: the ai service's writing endpoints, plus company and contact search
 * (leads service) for the optional recipient. All generated-type usage for this feature lives here.
 */
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/api/schema';

type S = components['schemas'];
export type EmailResult = S['EmailResult'];
export type WriteEmailRequest = S['WriteEmailRequest'];
export type ImproveRequest = S['ImproveRequest'];
export type ImproveAction = ImproveRequest['action'];
export type Tone = WriteEmailRequest['tone'];
export type Length = WriteEmailRequest['length'];
export type Register = WriteEmailRequest['register'];
export type AiProvider = S['ProviderRead'];
export type CompanyRead = S['CompanyRead'];
export type ContactRead = S['ContactRead'];

export const TONES: ReadonlyArray<{ value: Tone; label: string }> = [
  { value: 'friendly', label: 'Friendly' },
  { value: 'formal', label: 'Formal' },
  { value: 'direct', label: 'Direct' },
];
/** German "Sie" / "du"; English: "Dear Dr. Bergmann," / "Hi Klaus,". Formal unless the sender chooses. */
export const REGISTERS: ReadonlyArray<{ value: Register; label: string }> = [
  { value: 'formal', label: 'Formal (Sie, "Sehr geehrter Herr …")' },
  { value: 'informal', label: 'Informal (du, "Hallo Klaus")' },
];
export const LENGTHS: ReadonlyArray<{ value: Length; label: string }> = [
  { value: 'short', label: 'Short (up to 80 words)' },
  { value: 'medium', label: 'Medium (80–150 words)' },
  { value: 'long', label: 'Long (150–250 words)' },
];
export const LANGUAGES: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'en', label: 'English' },
  { value: 'de', label: 'German' },
  { value: 'fr', label: 'French' },
  { value: 'es', label: 'Spanish' },
  { value: 'it', label: 'Italian' },
  { value: 'nl', label: 'Dutch' },
  { value: 'pt', label: 'Portuguese' },
  { value: 'pl', label: 'Polish' },
];
/** Merge fields the AI service (and later the e-mail service) fill per recipient. */
export const PLACEHOLDERS = ['salutation', 'first_name', 'last_name', 'name', 'role', 'company', 'city', 'industry', 'website', 'sender_name'] as const;

export function getAiProvider(): Promise<AiProvider> {
  return unwrap(api.GET('/api/ai/provider'));
}

export function writeEmail(body: WriteEmailRequest): Promise<EmailResult> {
  return unwrap(api.POST('/api/ai/write/email', { body }));
}

export function improveEmail(body: ImproveRequest): Promise<EmailResult> {
  return unwrap(api.POST('/api/ai/write/improve', { body }));
}

export async function searchCompanies(q: string): Promise<CompanyRead[]> {
  const page = await unwrap(api.GET('/api/leads/companies', { params: { query: { q, limit: 8, offset: 0, sort: 'name' } } }));
  return page.items;
}

export async function searchContacts(q: string, companyId: number | null): Promise<ContactRead[]> {
  const query = { limit: 8, offset: 0, sort: 'name' as const, ...(q ? { q } : {}), ...(companyId ? { company_id: companyId } : {}) };
  const page = await unwrap(api.GET('/api/leads/contacts', { params: { query } }));
  return page.items;
}
