import { Route, Routes } from 'react-router';
import { BookingPage } from './BookingPage';
import { ManagePage } from './ManagePage';
import { PublicMessage } from './PublicShell';
import { QuickBookPage } from './QuickBookPage';

/** The public booking pages: their own chunk, loaded without the sign-in, the session or the CRM's layout. */
export function BookingRoutes() {
  return (
    <Routes>
      <Route path="/book/manage" element={<ManagePage />} />
      <Route path="/book/:token" element={<BookingPage />} />
      <Route path="/book/:token/quick/:slot" element={<QuickBookPage />} />
      <Route path="*" element={<PublicMessage title="This link is not valid">Open the whole link from the e-mail you received.</PublicMessage>} />
    </Routes>
  );
}
