import type { QueryClient } from '@tanstack/react-query';
import { createContext } from 'react';

/** A QueryClient handed in from outside (tests); the signed-in screens make their own otherwise. */
export const QueryClientSeed = createContext<QueryClient | null>(null);
