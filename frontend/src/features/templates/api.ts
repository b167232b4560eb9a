/**
 * Templates feature ↔ backend: the ai service's writing endpoints, plus company and contact search
 * (leads service) for the optional recipient. All generated-type usage for this feature lives here.
 */
import { api } from '@/lib/api/client';
import { ApiError, unwrap } from '@/lib/api/problem';
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

// ---- Stored templates (e-mail service)

export type EmailTemplate = S['TemplateRead'];
export type EmailTemplateWrite = S['TemplateCreate'];
export type TemplateVariable = S['VariableRead'];
export type TemplatePreview = S['PreviewRead'];
/** Which editor field a 422 points at (the service names them like the request body). */
export type TemplateField = 'name' | 'subject' | 'body_html' | 'body_text';
export type TemplateLineError = { field: TemplateField; line: number | null; message: string };

const templatePath = (id: number) => ({ params: { path: { template_id: id } } });

export function listTemplates(): Promise<S['TemplatePage']> {
  return unwrap(api.GET('/api/email/templates', { params: { query: { limit: 200, offset: 0 } } }));
}

export function getTemplate(id: number): Promise<EmailTemplate> {
  return unwrap(api.GET('/api/email/templates/{template_id}', templatePath(id)));
}

export function createTemplate(body: EmailTemplateWrite): Promise<EmailTemplate> {
  return unwrap(api.POST('/api/email/templates', { body }));
}

export function updateTemplate(id: number, body: EmailTemplateWrite): Promise<EmailTemplate> {
  return unwrap(api.PATCH('/api/email/templates/{template_id}', { ...templatePath(id), body }));
}

export function deleteTemplate(id: number): Promise<void> {
  return unwrap(api.DELETE('/api/email/templates/{template_id}', templatePath(id))) as Promise<void>;
}

export async function getTemplateVariables(): Promise<TemplateVariable[]> {
  return (await unwrap(api.GET('/api/email/template-variables'))).items;
}

/** Render a saved template for one real contact. */
export function previewTemplate(id: number, contactId: number): Promise<TemplatePreview> {
  return unwrap(api.POST('/api/email/templates/{template_id}/preview', { ...templatePath(id), body: { contact_id: contactId } }));
}

const FIELD_ALIASES: Record<string, TemplateField> = { name: 'name', subject: 'subject', body_html: 'body_html', html: 'body_html', body_text: 'body_text', text: 'body_text' };

/** The field and line a template 422 points at (problem.errors[] carry `loc` and `line`). */
export function templateLineErrors(err: unknown): TemplateLineError[] {
  if (!(err instanceof ApiError) || err.status !== 422) return [];
  const out: TemplateLineError[] = [];
  for (const e of (err.problem?.errors ?? []) as Array<{ loc?: unknown[]; msg: string; line?: number | null }>) {
    const name = [...(e.loc ?? [])].reverse().find((p): p is string => typeof p === 'string' && p in FIELD_ALIASES);
    if (name) out.push({ field: FIELD_ALIASES[name]!, line: typeof e.line === 'number' ? e.line : null, message: e.msg });
  }
  return out;
}
