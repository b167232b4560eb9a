import type { ReactNode } from 'react';
import {
  BuildingIcon,
  CalendarIcon,
  ContactIcon,
  InboxIcon,
  ListIcon,
  MailIcon,
  SendIcon,
  SettingsIcon,
  TargetIcon,
  TemplateIcon,
  UsersIcon,
} from '@/components/ui';

export type NavItem = { to: string; label: string; icon: ReactNode };

export const MAIN_NAV: NavItem[] = [
  { to: '/leads', label: 'Leads', icon: <TargetIcon /> },
  { to: '/companies', label: 'Companies', icon: <BuildingIcon /> },
  { to: '/contacts', label: 'Contacts', icon: <ContactIcon /> },
  { to: '/campaigns', label: 'Campaigns', icon: <SendIcon /> },
  { to: '/inbox', label: 'Replies', icon: <InboxIcon /> },
  { to: '/templates', label: 'Templates', icon: <TemplateIcon /> },
  { to: '/mailboxes', label: 'Mailboxes', icon: <MailIcon /> },
  { to: '/calendar', label: 'Calendar', icon: <CalendarIcon /> },
  { to: '/settings', label: 'Settings', icon: <SettingsIcon /> },
];

export const ADMIN_NAV: NavItem[] = [
  { to: '/admin/users', label: 'Users', icon: <UsersIcon /> },
  { to: '/admin/audit', label: 'Audit log', icon: <ListIcon /> },
];
