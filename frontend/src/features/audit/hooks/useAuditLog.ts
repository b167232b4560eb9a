import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listAudit, type ListAuditParams } from '../api';

export function useAuditLog(params: ListAuditParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: () => listAudit(params),
    placeholderData: keepPreviousData,
  });
}
