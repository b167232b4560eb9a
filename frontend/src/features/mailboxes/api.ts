/**
 * Mailboxes and the local catcher's caught mail ↔ the e-mail service. The shapes follow the issue's
 * pinned `POST /api/email/mailboxes`; until the routes are in the generated schema they are typed here.
 */
import { pendingCall } from '@/lib/api/pending';

export type Security = 'none' | 'starttls' | 'tls';
/** Weekdays 0 = Monday … 6 = Sunday; times "HH:MM" in the recipient's time zone. */
export type SendWindow = { weekdays: number[]; start: string; end: string };

export type MailboxRead = {
  id: number;
  name: string;
  from_email: string;
  from_name: string | null;
  smtp_host: string;
  smtp_port: number;
  smtp_security: Security;
  smtp_username: string | null;
  has_smtp_password?: boolean;
  /** 0: no cap. */
  daily_limit: number;
  min_gap_seconds: number;
  imap_host: string | null;
  imap_port: number | null;
  imap_security: Security | null;
  imap_username: string | null;
  has_imap_password?: boolean;
  send_window?: SendWindow | null;
  /** Set when the server refused us (5.7.x, 5.4.5, authentication): the mailbox sends nothing until resumed. */
  paused_reason?: string | null;
  paused_at?: string | null;
  kind?: 'smtp' | 'catcher';
  sent_last_24h?: number | null;
};

export type MailboxCreate = {
  name: string;
  from_email: string;
  from_name?: string | null;
  smtp_host: string;
  smtp_port: number;
  smtp_security: Security;
  smtp_username?: string | null;
  smtp_password?: string | null;
  daily_limit?: number | null;
  min_gap_seconds?: number | null;
  imap_host?: string | null;
  imap_port?: number | null;
  imap_security?: Security | null;
  imap_username?: string | null;
  imap_password?: string | null;
  send_window?: SendWindow | null;
};
export type MailboxUpdate = Partial<MailboxCreate>;

/** "Test connection": each step (connect, STARTTLS, login, IMAP …) with the server's own words. */
export type ConnectionStep = { name: string; ok: boolean; reply: string };
export type ConnectionTest = { ok: boolean; steps: ConnectionStep[]; error?: string | null };

export type Page<T> = { items: T[]; total: number };

export type CaughtSummary = {
  id: string;
  received_at: string;
  mail_from: string;
  rcpt_tos: string[];
  subject: string;
  from_header: string;
  to_header: string;
  size: number;
};
export type CaughtAttachment = { filename: string | null; content_type: string; size: number };
export type CaughtMessage = CaughtSummary & {
  headers: Array<[string, string]>;
  text: string | null;
  html: string | null;
  attachments: CaughtAttachment[];
};

export const SECURITY_LABELS: Record<Security, string> = {
  none: 'None (plain)',
  starttls: 'STARTTLS',
  tls: 'Implicit TLS',
};
export const SMTP_PORTS: Record<Security, number> = { none: 25, starttls: 587, tls: 465 };
export const IMAP_PORTS: Record<Security, number> = { none: 143, starttls: 143, tls: 993 };

export function listMailboxes(): Promise<Page<MailboxRead>> {
  return pendingCall('GET', '/api/email/mailboxes');
}

export function createMailbox(body: MailboxCreate): Promise<MailboxRead> {
  return pendingCall('POST', '/api/email/mailboxes', { body });
}

export function updateMailbox(id: number, body: MailboxUpdate): Promise<MailboxRead> {
  return pendingCall('PATCH', '/api/email/mailboxes/{mailbox_id}', { params: { path: { mailbox_id: id } }, body });
}

export function deleteMailbox(id: number): Promise<void> {
  return pendingCall('DELETE', '/api/email/mailboxes/{mailbox_id}', { params: { path: { mailbox_id: id } } });
}

export function testMailbox(id: number): Promise<ConnectionTest> {
  return pendingCall('POST', '/api/email/mailboxes/{mailbox_id}/test', { params: { path: { mailbox_id: id } } });
}

/** Clear a pause (after fixing what caused it). */
export function resumeMailbox(id: number): Promise<MailboxRead> {
  return pendingCall('POST', '/api/email/mailboxes/{mailbox_id}/resume', { params: { path: { mailbox_id: id } } });
}

export function listCaught(limit: number, offset: number): Promise<Page<CaughtSummary>> {
  return pendingCall('GET', '/api/email/caught', { params: { query: { limit, offset } } });
}

export function getCaught(id: string): Promise<CaughtMessage> {
  return pendingCall('GET', '/api/email/caught/{caught_id}', { params: { path: { caught_id: id } } });
}

export const isCatcher = (m: MailboxRead) => m.kind === 'catcher';
export const isPaused = (m: MailboxRead) => !!m.paused_reason;

export function headerPairs(message: CaughtMessage): Array<{ name: string; value: string }> {
  return message.headers.map(([name, value]) => ({ name, value }));
}
