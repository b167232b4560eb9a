import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getSenderProfile, putSenderProfile, type SenderProfile, type SenderProfileUpdate } from '../api';

const key = ['auth', 'me', 'sender-profile'] as const;

export function useSenderProfile() {
  return useQuery({ queryKey: key, queryFn: getSenderProfile });
}

export function useSaveSenderProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SenderProfileUpdate) => putSenderProfile(body),
    onSuccess: (profile) => qc.setQueryData<SenderProfile>(key, profile),
  });
}
