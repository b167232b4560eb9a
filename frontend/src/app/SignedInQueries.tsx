import { QueryClientProvider } from '@tanstack/react-query';
import { useContext, useEffect, useState, type ReactNode } from 'react';
import { createQueryClient } from '@/lib/queryClient';
import { QueryClientSeed } from './queryClientSeed';

/**
 * The server cache of the signed-in screens. It lives exactly as long as they do: signing out, or a
 * session that could not be refreshed, unmounts them and drops whatever the last user had loaded.
 * Kept out of the sign-in page's bundle, which needs no cache.
 */
export function SignedInQueries({ children }: { children: ReactNode }) {
  const seed = useContext(QueryClientSeed);
  const [client] = useState(() => seed ?? createQueryClient());
  useEffect(() => () => client.clear(), [client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
