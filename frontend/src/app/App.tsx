import { lazy, Suspense } from 'react';
import { BrowserRouter } from 'react-router';
import { FullPageSpinner } from '@/components/ui';
import { AppProviders } from './AppProviders';
import { AppRoutes } from './routes';

const BookingRoutes = lazy(async () => ({ default: (await import('@/features/booking/components/BookingRoutes')).BookingRoutes }));

/** The public booking pages (/book/…): a lead who opens one never starts a session or loads the CRM. */
export function isPublicPath(pathname: string): boolean {
  return pathname === '/book' || pathname.startsWith('/book/');
}

export function App() {
  if (isPublicPath(window.location.pathname)) {
    return (
      <BrowserRouter>
        <Suspense fallback={<FullPageSpinner label="Loading" />}>
          <BookingRoutes />
        </Suspense>
      </BrowserRouter>
    );
  }
  return (
    <AppProviders>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
