import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDebouncedValue } from '@/lib/useDebouncedValue';
import { getAiProvider, improveEmail, searchCompanies, searchContacts, writeEmail, type ImproveRequest, type WriteEmailRequest } from '../api';

/** Same keys as the other screens that show AI state (one cache). */
const aiKeys = { provider: ['ai', 'provider'] as const, usage: ['ai', 'usage'] as const };

export function useAiProvider() {
  return useQuery({ queryKey: aiKeys.provider, queryFn: getAiProvider, staleTime: 5 * 60_000 });
}

export type AiRequest = { kind: 'write'; body: WriteEmailRequest } | { kind: 'improve'; body: ImproveRequest };

export function useAiWrite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: AiRequest) => (req.kind === 'write' ? writeEmail(req.body) : improveEmail(req.body)),
    onSettled: () => void qc.invalidateQueries({ queryKey: aiKeys.usage }),
  });
}

export function useCompanySearch(text: string, enabled: boolean) {
  const q = useDebouncedValue(text.trim(), 250);
  return useQuery({
    queryKey: ['templates', 'company-search', q],
    queryFn: () => searchCompanies(q),
    enabled: enabled && q.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useContactSearch(text: string, companyId: number | null, enabled: boolean) {
  const q = useDebouncedValue(text.trim(), 250);
  return useQuery({
    queryKey: ['templates', 'contact-search', q, companyId],
    queryFn: () => searchContacts(q, companyId),
    enabled: enabled && (q.length > 0 || companyId !== null),
    placeholderData: keepPreviousData,
  });
}
