import { Navigate, Route, Routes } from 'react-router';
import { FullPageSpinner } from '@/components/ui';
import { RequireAuth, RequireRole } from '@/lib/auth';
import { AuditLogPage } from '@/features/audit/components/AuditLogPage';
import { LoginPage } from '@/features/auth/components/LoginPage';
import { CalendarPage } from '@/features/calendar/components/CalendarPage';
import { CampaignsPage } from '@/features/campaigns/components/CampaignsPage';
import { CompaniesPage } from '@/features/companies/components/CompaniesPage';
import { CompanyPage } from '@/features/companies/components/CompanyPage';
import { ContactPage } from '@/features/contacts/components/ContactPage';
import { ContactsPage } from '@/features/contacts/components/ContactsPage';
import { FinderJobPage } from '@/features/leads/components/FinderJobPage';
import { LeadsPage } from '@/features/leads/components/LeadsPage';
import { SettingsPage } from '@/features/settings/components/SettingsPage';
import { TemplatesPage } from '@/features/templates/components/TemplatesPage';
import { UsersPage } from '@/features/users/components/UsersPage';
import { AppLayout } from './layout/AppLayout';
import { ForbiddenPage, NotFoundPage } from './layout/StatusPages';
import { usePageTitle } from './usePageTitle';

export function AppRoutes() {
  usePageTitle();
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth fallback={<FullPageSpinner label="Restoring your session" />}>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/leads" replace />} />
        <Route path="leads" element={<LeadsPage />} />
        <Route path="leads/jobs/:jobId" element={<FinderJobPage />} />
        <Route path="companies" element={<CompaniesPage />} />
        <Route path="companies/:companyId" element={<CompanyPage />} />
        <Route path="contacts" element={<ContactsPage />} />
        <Route path="contacts/:contactId" element={<ContactPage />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="templates" element={<TemplatesPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="admin" element={<Navigate to="/admin/users" replace />} />
        <Route
          path="admin/users"
          element={
            <RequireRole roles={['admin']} forbidden={<ForbiddenPage />}>
              <UsersPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/audit"
          element={
            <RequireRole roles={['admin']} forbidden={<ForbiddenPage />}>
              <AuditLogPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
