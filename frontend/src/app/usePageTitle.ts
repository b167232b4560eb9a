import { useEffect } from 'react';
import { useLocation } from 'react-router';

const TITLES: Record<string, string> = {
  '/login': 'Sign in',
  '/leads': 'Leads',
  '/companies': 'Companies',
  '/contacts': 'Contacts',
  '/campaigns': 'Campaigns',
  '/templates': 'Templates',
  '/mailboxes': 'Mailboxes',
  '/mailboxes/caught': 'Caught mail',
  '/inbox': 'Replies',
  '/calendar': 'Calendar',
  '/settings': 'Settings',
  '/admin/users': 'Users',
  '/admin/audit': 'Audit log',
};

const PREFIXES: Array<[string, string]> = [
  ['/leads/jobs/', 'Finder job'],
  ['/companies/', 'Company'],
  ['/contacts/', 'Contact'],
  ['/calendar/bookings/', 'Booking'],
  ['/calendar/google/', 'Google Calendar'],
  ['/campaigns/', 'Campaign'],
  ['/templates/', 'Template'],
];

/** Keep document.title in sync with the route (screen readers announce it on navigation). */
export function usePageTitle() {
  const { pathname } = useLocation();
  useEffect(() => {
    const t = TITLES[pathname] ?? PREFIXES.find(([p]) => pathname.startsWith(p))?.[1];
    document.title = t ? `${t} · Outbound CRM` : 'Outbound CRM';
  }, [pathname]);
}
