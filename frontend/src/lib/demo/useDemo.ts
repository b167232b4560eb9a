import { useAuth } from '@/lib/auth/AuthProvider';
import { useDemoInfo } from './DemoProvider';

/** The kinds of control the public demo (or the demo account) refuses. */
export type DemoRefusal = 'ai' | 'crawl' | 'users' | 'settings' | 'campaign' | 'mailbox' | 'resend';

/** Why, in the public demo (OUTBOUND_DEMO_MODE): switched off for everyone, admins included. */
const DEMO_MODE_REASONS: Record<DemoRefusal, string> = {
  ai: 'AI is switched off in the public demo.',
  crawl: 'Crawling the internet is switched off in the public demo.',
  users: 'User administration is switched off in the public demo.',
  settings: 'Settings cannot be changed in the public demo.',
  campaign: 'Starting and stopping campaigns is switched off in the public demo.',
  mailbox: 'Mailbox connections are switched off in the public demo (it sends to its local catcher only).',
  resend: 'Sending is switched off in the public demo.',
};

/** Why, for the demo account outside the public demo. */
const DEMO_ROLE_REASONS: Record<DemoRefusal, string> = {
  ai: 'AI features are switched off for the demo account.',
  crawl: 'Demo accounts can browse finder jobs but cannot start new ones.',
  users: 'The demo account cannot manage users.',
  settings: "The shared demo account's settings cannot be changed.",
  campaign: 'The demo account cannot start or stop campaigns.',
  mailbox: 'The demo account cannot change or test mailboxes.',
  resend: 'The demo account cannot send mail.',
};

export type Demo = {
  /** This is the public demo (the server's flag). */
  mode: boolean;
  /** Signed in as the demo account. */
  isDemoUser: boolean;
  /** When the data is reset next (ISO), in the public demo. */
  nextResetAt: string | null;
  /** The reset's cron schedule (UTC), in the public demo. */
  resetCron: string | null;
  /** Why a control of this kind is disabled here, or null when it is not. */
  reason: (kind: DemoRefusal) => string | null;
};

/**
 * What the demo allows, for any screen: `const { reason } = useDemo()` then
 * `<DisabledReason reason={reason('ai')}><Button …/></DisabledReason>`.
 */
export function useDemo(): Demo {
  const info = useDemoInfo();
  const { user } = useAuth();
  const mode = !!info?.enabled;
  const isDemoUser = user?.role === 'demo';
  return {
    mode,
    isDemoUser,
    nextResetAt: (mode && info?.next_reset_at) || null,
    resetCron: (mode && info?.reset_cron) || null,
    reason: (kind) => (mode ? DEMO_MODE_REASONS[kind] : isDemoUser ? DEMO_ROLE_REASONS[kind] : null),
  };
}
