import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addNote,
  createContact,
  createSavedFilter,
  listSavedFilters,
  deleteContact,
  getContact,
  getTimeline,
  listContacts,
  listNotes,
  mergeContact,
  updateContact,
  type ContactCreate,
  type ContactFilter,
  type ContactRead,
  type ContactUpdate,
  type ListContactsParams,
} from '../api';
import { nextTimelineOffset, TIMELINE_PAGE } from '@/lib/api/leadRecords';


export const contactsKeys = {
  all: ['contacts'] as const,
  list: (params: ListContactsParams) => ['contacts', 'list', params] as const,
  detail: (id: number) => ['contacts', 'detail', id] as const,
  notes: (id: number) => ['contacts', 'detail', id, 'notes'] as const,
  timeline: (id: number) => ['contacts', 'detail', id, 'timeline'] as const,
};

export function useContactsList(params: ListContactsParams, enabled = true) {
  return useQuery({ queryKey: contactsKeys.list(params), queryFn: () => listContacts(params), placeholderData: keepPreviousData, enabled });
}

export function useContact(id: number) {
  return useQuery({ queryKey: contactsKeys.detail(id), queryFn: () => getContact(id), enabled: id > 0 });
}

export function useContactNotes(id: number) {
  return useQuery({ queryKey: contactsKeys.notes(id), queryFn: () => listNotes(id), enabled: id > 0 });
}

export function useContactTimeline(id: number) {
  return useInfiniteQuery({
    queryKey: contactsKeys.timeline(id),
    queryFn: ({ pageParam }) => getTimeline(id, TIMELINE_PAGE, pageParam),
    initialPageParam: 0,
    getNextPageParam: nextTimelineOffset,
    enabled: id > 0,
  });
}

/** Contacts show up on company pages too (another feature's cache). */
function invalidateCompanies(qc: ReturnType<typeof useQueryClient>) {
  void qc.invalidateQueries({ queryKey: ['companies'] });
}

export function useCreateContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactCreate) => createContact(body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: contactsKeys.all });
      invalidateCompanies(qc);
    },
  });
}

export function useUpdateContact(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: ContactUpdate) => updateContact(id, patch),
    onSuccess: (contact) => {
      qc.setQueryData<ContactRead>(contactsKeys.detail(id), contact);
      void qc.invalidateQueries({ queryKey: ['contacts', 'list'] });
      void qc.invalidateQueries({ queryKey: contactsKeys.timeline(id) });
      invalidateCompanies(qc);
    },
  });
}

export function useDeleteContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteContact(id),
    onSuccess: (_v, id) => {
      qc.removeQueries({ queryKey: contactsKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: ['contacts', 'list'] });
      invalidateCompanies(qc);
    },
  });
}

export function useMergeContact(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (duplicateId: number) => mergeContact(id, duplicateId),
    onSuccess: (contact, duplicateId) => {
      qc.setQueryData<ContactRead>(contactsKeys.detail(id), contact);
      qc.removeQueries({ queryKey: contactsKeys.detail(duplicateId) });
      void qc.invalidateQueries({ queryKey: contactsKeys.all });
      invalidateCompanies(qc);
    },
  });
}

export function useAddContactNote(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => addNote(id, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: contactsKeys.notes(id) });
      void qc.invalidateQueries({ queryKey: contactsKeys.timeline(id) });
    },
  });
}

/** Saved filters live in leads; the contacts list opens them, the campaign builder uses them as audiences. */
export function useSavedFilters() {
  return useQuery({ queryKey: ['saved-filters'], queryFn: listSavedFilters });
}

/** Saved filters live in leads; the campaign builder lists them (its own query key). */
export function useCreateSavedFilter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ name, filters }: { name: string; filters: ContactFilter }) => createSavedFilter(name, filters),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['saved-filters'] }),
  });
}
