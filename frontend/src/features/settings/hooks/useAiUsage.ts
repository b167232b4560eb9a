import { useQuery } from '@tanstack/react-query';
import { getAiProvider, getAiUsage } from '../api';

/** Same keys as the screens that spend AI budget (they invalidate `usage` after each call). */
const aiKeys = { provider: ['ai', 'provider'] as const, usage: ['ai', 'usage'] as const };

export function useAiUsage() {
  return useQuery({ queryKey: aiKeys.usage, queryFn: getAiUsage, refetchInterval: 60_000 });
}

export function useAiProvider() {
  return useQuery({ queryKey: aiKeys.provider, queryFn: getAiProvider, staleTime: 5 * 60_000 });
}
