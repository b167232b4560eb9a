import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listReplies, type ListRepliesParams } from '../api';

export function useReplies(query: ListRepliesParams) {
  return useQuery({
    queryKey: ['email', 'replies', query],
    queryFn: () => listReplies(query),
    placeholderData: keepPreviousData,
    // Replies arrive as the IMAP poller finds them.
    refetchInterval: 30_000,
  });
}
