import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createMailbox,
  deleteMailbox,
  getCaught,
  listCaught,
  listMailboxes,
  resumeMailbox,
  testMailbox,
  updateMailbox,
  type MailboxCreate,
  type MailboxUpdate,
} from '../api';

export const mailboxKeys = {
  all: ['email', 'mailboxes'] as const,
  caught: (limit: number, offset: number) => ['email', 'caught', limit, offset] as const,
  caughtOne: (key: string) => ['email', 'caught', 'one', key] as const,
};

export function useMailboxes() {
  return useQuery({ queryKey: mailboxKeys.all, queryFn: listMailboxes });
}

export function useSaveMailbox(id: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MailboxCreate | MailboxUpdate) => (id === null ? createMailbox(body as MailboxCreate) : updateMailbox(id, body)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: mailboxKeys.all }),
  });
}

export function useDeleteMailbox() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteMailbox, onSuccess: () => void qc.invalidateQueries({ queryKey: mailboxKeys.all }) });
}

export function useResumeMailbox() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: resumeMailbox, onSuccess: () => void qc.invalidateQueries({ queryKey: mailboxKeys.all }) });
}

export function useTestMailbox() {
  return useMutation({ mutationFn: testMailbox });
}

export function useCaughtList(limit: number, offset: number) {
  return useQuery({
    queryKey: mailboxKeys.caught(limit, offset),
    queryFn: () => listCaught(limit, offset),
    placeholderData: keepPreviousData,
    // New mail arrives while a campaign runs: keep the list fresh without a reload.
    refetchInterval: 5000,
  });
}

export function useCaughtMessage(key: string | null) {
  return useQuery({ queryKey: mailboxKeys.caughtOne(key ?? ''), queryFn: () => getCaught(key!), enabled: !!key });
}
