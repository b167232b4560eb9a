import { lazy, Suspense } from 'react';
import { BrowserRouter } from 'react-router';
import { FullPageSpinner } from '@/components/ui';

// Two worlds in two chunks: a lead opening a booking link never loads the session or the CRM's routes,
// and a CRM user never loads the booking pages.
const CrmApp = lazy(async () => ({ default: (await import('./CrmApp')).CrmApp }));
const BookingRoutes = lazy(async () => ({ default: (await import('@/features/booking/components/BookingRoutes')).BookingRoutes }));

/** The public booking pages (/book/…): a lead who opens one never starts a session or loads the CRM. */
export function isPublicPath(pathname: string): boolean {
  return pathname === '/book' || pathname.startsWith('/book/');
}

export function App() {
  return (
    <Suspense fallback={<FullPageSpinner label="Loading" />}>
      {isPublicPath(window.location.pathname) ? (
        <BrowserRouter>
          <BookingRoutes />
        </BrowserRouter>
      ) : (
        <CrmApp />
      )}
    </Suspense>
  );
}
