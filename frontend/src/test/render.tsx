import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { AppProviders } from '@/app/AppProviders';
import { AppRoutes } from '@/app/routes';
import { BookingRoutes } from '@/features/booking/components/BookingRoutes';

export function LocationProbe() {
  const loc = useLocation();
  return <div data-testid="location">{loc.pathname + loc.search}</div>;
}

/** Render the whole app (providers + routes) at `path`, with a fresh, non-retrying QueryClient. */
export function renderApp(path = '/') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } } });
  return {
    queryClient,
    ...render(
      <AppProviders queryClient={queryClient}>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
          <LocationProbe />
        </MemoryRouter>
      </AppProviders>,
    ),
  };
}

/** Render the public booking pages at `path`, as the app does for /book/…: no providers, no session. */
export function renderPublic(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <BookingRoutes />
      <LocationProbe />
    </MemoryRouter>,
  );
}
