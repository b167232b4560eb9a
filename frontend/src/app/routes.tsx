import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { FullPageSpinner, Spinner } from '@/components/ui';
import { RequireAuth, RequireRole } from '@/lib/auth';
import { ForbiddenPage, NotFoundPage } from './layout/StatusPages';
import { usePageTitle } from './usePageTitle';

/**
 * Every screen is its own chunk, fetched when first visited: the sign-in page loads without the CRM,
 * and a page loads without the other pages. `pick` names the export, since the pages use named exports.
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return lazy(async () => ({ default: pick(await load()) }));
}

const LoginPage = page(() => import('@/features/auth/components/LoginPage'), (m) => m.LoginPage);
const SignedInApp = page(() => import('./layout/SignedInApp'), (m) => m.SignedInApp);
const LeadsPage = page(() => import('@/features/leads/components/LeadsPage'), (m) => m.LeadsPage);
const FinderJobPage = page(() => import('@/features/leads/components/FinderJobPage'), (m) => m.FinderJobPage);
const CompaniesPage = page(() => import('@/features/companies/components/CompaniesPage'), (m) => m.CompaniesPage);
const CompanyPage = page(() => import('@/features/companies/components/CompanyPage'), (m) => m.CompanyPage);
const ContactsPage = page(() => import('@/features/contacts/components/ContactsPage'), (m) => m.ContactsPage);
const ContactPage = page(() => import('@/features/contacts/components/ContactPage'), (m) => m.ContactPage);
const CampaignsPage = page(() => import('@/features/campaigns/components/CampaignsPage'), (m) => m.CampaignsPage);
const NewTemplatePage = page(() => import('@/features/templates/components/TemplateEditorPage'), (m) => m.NewTemplatePage);
const TemplateEditorPage = page(() => import('@/features/templates/components/TemplateEditorPage'), (m) => m.TemplateEditorPage);
const NewCampaignPage = page(() => import('@/features/campaigns/components/CampaignBuilder'), (m) => m.NewCampaignPage);
const EditCampaignPage = page(() => import('@/features/campaigns/components/CampaignBuilder'), (m) => m.EditCampaignPage);
const CampaignPage = page(() => import('@/features/campaigns/components/CampaignPage'), (m) => m.CampaignPage);
const RepliesPage = page(() => import('@/features/inbox/components/RepliesPage'), (m) => m.RepliesPage);
const MailboxesPage = page(() => import('@/features/mailboxes/components/MailboxesPage'), (m) => m.MailboxesPage);
const CaughtMailPage = page(() => import('@/features/mailboxes/components/CaughtMailPage'), (m) => m.CaughtMailPage);
const TemplatesPage = page(() => import('@/features/templates/components/TemplatesPage'), (m) => m.TemplatesPage);
const CalendarPage = page(() => import('@/features/calendar/components/CalendarPage'), (m) => m.CalendarPage);
const BookingDetailPage = page(() => import('@/features/calendar/components/BookingDetailPage'), (m) => m.BookingDetailPage);
const GoogleCallbackPage = page(() => import('@/features/calendar/components/GoogleCallbackPage'), (m) => m.GoogleCallbackPage);
const SettingsPage = page(() => import('@/features/settings/components/SettingsPage'), (m) => m.SettingsPage);
const UsersPage = page(() => import('@/features/users/components/UsersPage'), (m) => m.UsersPage);
const AuditLogPage = page(() => import('@/features/audit/components/AuditLogPage'), (m) => m.AuditLogPage);

/** A page inside the layout: the sidebar and top bar stay while the page's chunk arrives. */
function Screen({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="flex justify-center py-16">
          <Spinner label="Loading" />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

export function AppRoutes() {
  usePageTitle();
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<FullPageSpinner label="Loading" />}>
            <LoginPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireAuth fallback={<FullPageSpinner label="Restoring your session" />}>
            <Suspense fallback={<FullPageSpinner label="Loading" />}>
              <SignedInApp />
            </Suspense>
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/leads" replace />} />
        <Route path="leads" element={<Screen><LeadsPage /></Screen>} />
        <Route path="leads/jobs/:jobId" element={<Screen><FinderJobPage /></Screen>} />
        <Route path="companies" element={<Screen><CompaniesPage /></Screen>} />
        <Route path="companies/:companyId" element={<Screen><CompanyPage /></Screen>} />
        <Route path="contacts" element={<Screen><ContactsPage /></Screen>} />
        <Route path="contacts/:contactId" element={<Screen><ContactPage /></Screen>} />
        <Route path="campaigns" element={<Screen><CampaignsPage /></Screen>} />
        <Route path="campaigns/new" element={<Screen><NewCampaignPage /></Screen>} />
        <Route path="campaigns/:campaignId" element={<Screen><CampaignPage /></Screen>} />
        <Route path="campaigns/:campaignId/edit" element={<Screen><EditCampaignPage /></Screen>} />
        <Route path="templates" element={<Screen><TemplatesPage /></Screen>} />
        <Route path="templates/new" element={<Screen><NewTemplatePage /></Screen>} />
        <Route path="templates/:templateId" element={<Screen><TemplateEditorPage /></Screen>} />
        <Route path="inbox" element={<Screen><RepliesPage /></Screen>} />
        <Route path="mailboxes" element={<Screen><MailboxesPage /></Screen>} />
        <Route path="mailboxes/caught" element={<Screen><CaughtMailPage /></Screen>} />
        <Route path="calendar" element={<Screen><CalendarPage /></Screen>} />
        <Route path="calendar/bookings/:bookingId" element={<Screen><BookingDetailPage /></Screen>} />
        <Route path="calendar/google/callback" element={<Screen><GoogleCallbackPage /></Screen>} />
        <Route path="settings" element={<Screen><SettingsPage /></Screen>} />
        <Route path="admin" element={<Navigate to="/admin/users" replace />} />
        <Route
          path="admin/users"
          element={
            <RequireRole roles={['admin']} forbidden={<ForbiddenPage />}>
              <Screen>
                <UsersPage />
              </Screen>
            </RequireRole>
          }
        />
        <Route
          path="admin/audit"
          element={
            <RequireRole roles={['admin']} forbidden={<ForbiddenPage />}>
              <Screen>
                <AuditLogPage />
              </Screen>
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
