/**
 * Mailboxes and the local catcher's caught mail ↔ the e-mail service. All generated-type usage for
 * this feature lives here.
 */
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/api/schema';

type S = components['schemas'];
export type MailboxRead = S['MailboxRead'];
export type MailboxCreate = S['MailboxCreate'];
export type MailboxUpdate = S['MailboxUpdate'];
export type Security = MailboxCreate['smtp_security'];
/** Weekdays 0 = Monday … 6 = Sunday; times "HH:MM" in the recipient's time zone. */
export type SendWindow = S['SendWindowIn'];
export type ConnectionTest = S['ConnectionTestRead'];
export type ConnectionStep = S['ConnectionStepRead'];
export type CaughtSummary = S['CaughtSummaryRead'];
export type CaughtMessage = S['CaughtMessageRead'];
export type Page<T> = { items: T[]; total: number };

export const SECURITY_LABELS: Record<Security, string> = {
  none: 'None (plain)',
  starttls: 'STARTTLS',
  tls: 'Implicit TLS',
};
export const SMTP_PORTS: Record<Security, number> = { none: 25, starttls: 587, tls: 465 };
export const IMAP_PORTS: Record<Security, number> = { none: 143, starttls: 143, tls: 993 };

const path = (id: number) => ({ params: { path: { mailbox_id: id } } });

export function listMailboxes(): Promise<MailboxRead[]> {
  return unwrap(api.GET('/api/email/mailboxes'));
}

export function createMailbox(body: MailboxCreate): Promise<MailboxRead> {
  return unwrap(api.POST('/api/email/mailboxes', { body }));
}

export function updateMailbox(id: number, body: MailboxUpdate): Promise<MailboxRead> {
  return unwrap(api.PATCH('/api/email/mailboxes/{mailbox_id}', { ...path(id), body }));
}

export function deleteMailbox(id: number): Promise<void> {
  return unwrap(api.DELETE('/api/email/mailboxes/{mailbox_id}', path(id))) as Promise<void>;
}

export function testMailbox(id: number): Promise<ConnectionTest> {
  return unwrap(api.POST('/api/email/mailboxes/{mailbox_id}/test', path(id)));
}

/** Clear a pause (after fixing what caused it). */
export function resumeMailbox(id: number): Promise<MailboxRead> {
  return unwrap(api.POST('/api/email/mailboxes/{mailbox_id}/resume', path(id)));
}

export function listCaught(limit: number, offset: number): Promise<Page<CaughtSummary>> {
  return unwrap(api.GET('/api/email/caught', { params: { query: { limit, offset } } }));
}

export async function getCaught(key: string): Promise<CaughtMessage> {
  const message = await unwrap(api.GET('/api/email/caught/{key}', { params: { path: { key } } }));
  // openapi-fetch widens the header pairs to string[][]; they are pairs on the wire.
  return { ...message, headers: message.headers.map(([name = '', value = '']): [string, string] => [name, value]) };
}

export const isCatcher = (m: MailboxRead) => m.kind === 'catcher';
export const isPaused = (m: MailboxRead) => !!m.paused_reason;

export function headerPairs(message: CaughtMessage): Array<{ name: string; value: string }> {
  return message.headers.map(([name, value]) => ({ name, value }));
}
