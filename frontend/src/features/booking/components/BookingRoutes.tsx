import { useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { BookingPage } from './BookingPage';
import { ManagePage } from './ManagePage';
import { PublicMessage } from './PublicShell';
import { QuickBookPage } from './QuickBookPage';
import { useWords, visitorLanguage } from '../i18n';

/** The public booking pages: their own chunk, loaded without the sign-in, the session or the CRM's layout. */
export function BookingRoutes() {
  const w = useWords();
  // Screen readers read the page in its language.
  useEffect(() => {
    document.documentElement.lang = visitorLanguage();
  }, []);
  return (
    <Routes>
      <Route path="/book/manage" element={<ManagePage />} />
      <Route path="/book/:token" element={<BookingPage />} />
      <Route path="/book/:token/quick/:slot" element={<QuickBookPage />} />
      <Route path="*" element={<PublicMessage title={w.invalidTitle}>{w.invalidText}</PublicMessage>} />
    </Routes>
  );
}
