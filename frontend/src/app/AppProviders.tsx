import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ToastProvider } from '@/components/ui';
import { AuthProvider } from '@/lib/auth';
import { DemoProvider } from '@/lib/demo';
import { QueryClientSeed } from './queryClientSeed';

/** What every screen shares. The query cache belongs to the signed-in screens (SignedInQueries). */
export function AppProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  return (
    <QueryClientSeed.Provider value={queryClient ?? null}>
      <ToastProvider>
        <AuthProvider>
          <DemoProvider>{children}</DemoProvider>
        </AuthProvider>
      </ToastProvider>
    </QueryClientSeed.Provider>
  );
}
