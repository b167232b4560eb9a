import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addNote,
  createCompany,
  createContact,
  deleteCompany,
  exportCompaniesCsv,
  getCompany,
  getDuplicates,
  getTimeline,
  cancelImportJob,
  getImportJob,
  importCompaniesCsv,
  isJobActive,
  listCompanies,
  listCompanyContacts,
  listNotes,
  mergeCompany,
  updateCompany,
  type CompanyCreate,
  type CompanyRead,
  type CompanyUpdate,
  type ContactCreate,
  type ExportParams,
  type ListCompaniesParams,
} from '../api';
import { nextTimelineOffset, TIMELINE_PAGE } from '@/lib/api/leadRecords';


export const companiesKeys = {
  all: ['companies'] as const,
  list: (params: ListCompaniesParams) => ['companies', 'list', params] as const,
  detail: (id: number) => ['companies', 'detail', id] as const,
  duplicates: (id: number) => ['companies', 'detail', id, 'duplicates'] as const,
  notes: (id: number) => ['companies', 'detail', id, 'notes'] as const,
  timeline: (id: number) => ['companies', 'detail', id, 'timeline'] as const,
  contacts: (id: number) => ['companies', 'detail', id, 'contacts'] as const,
};

export function useCompaniesList(params: ListCompaniesParams) {
  return useQuery({ queryKey: companiesKeys.list(params), queryFn: () => listCompanies(params), placeholderData: keepPreviousData });
}

export function useCompany(id: number) {
  return useQuery({ queryKey: companiesKeys.detail(id), queryFn: () => getCompany(id), enabled: id > 0 });
}

export function useDuplicates(id: number) {
  return useQuery({ queryKey: companiesKeys.duplicates(id), queryFn: () => getDuplicates(id), enabled: id > 0 });
}

export function useCompanyNotes(id: number) {
  return useQuery({ queryKey: companiesKeys.notes(id), queryFn: () => listNotes(id), enabled: id > 0 });
}

export function useCompanyContacts(id: number) {
  return useQuery({ queryKey: companiesKeys.contacts(id), queryFn: () => listCompanyContacts(id), enabled: id > 0 });
}

export function useCompanyTimeline(id: number) {
  return useInfiniteQuery({
    queryKey: companiesKeys.timeline(id),
    queryFn: ({ pageParam }) => getTimeline(id, TIMELINE_PAGE, pageParam),
    initialPageParam: 0,
    getNextPageParam: nextTimelineOffset,
    enabled: id > 0,
  });
}

export function useCreateCompany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CompanyCreate) => createCompany(body),
    onSuccess: () => qc.invalidateQueries({ queryKey: companiesKeys.all }),
  });
}

export function useUpdateCompany(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: CompanyUpdate) => updateCompany(id, patch),
    onSuccess: (company) => {
      qc.setQueryData<CompanyRead>(companiesKeys.detail(id), company);
      void qc.invalidateQueries({ queryKey: ['companies', 'list'] });
      void qc.invalidateQueries({ queryKey: companiesKeys.timeline(id) });
      void qc.invalidateQueries({ queryKey: companiesKeys.duplicates(id) });
    },
  });
}

export function useDeleteCompany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteCompany(id),
    onSuccess: (_v, id) => {
      qc.removeQueries({ queryKey: companiesKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: ['companies', 'list'] });
      // Its contacts stay, without a company (cache of the Contacts screens).
      void qc.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}

export function useMergeCompany(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (duplicateId: number) => mergeCompany(id, duplicateId),
    onSuccess: (company, duplicateId) => {
      qc.setQueryData<CompanyRead>(companiesKeys.detail(id), company);
      qc.removeQueries({ queryKey: companiesKeys.detail(duplicateId) });
      void qc.invalidateQueries({ queryKey: companiesKeys.all });
      void qc.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}

export function useAddCompanyNote(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => addNote(id, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: companiesKeys.notes(id) });
      void qc.invalidateQueries({ queryKey: companiesKeys.timeline(id) });
    },
  });
}

export function useAddCompanyContact(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<ContactCreate, 'company_id'>) => createContact({ ...body, company_id: id }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: companiesKeys.contacts(id) });
      void qc.invalidateQueries({ queryKey: companiesKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: companiesKeys.timeline(id) });
      void qc.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}

export function useExportCompanies() {
  return useMutation({ mutationFn: (params: ExportParams) => exportCompaniesCsv(params) });
}

export function useImportCompanies() {
  return useMutation({ mutationFn: (file: File) => importCompaniesCsv(file) });
}

const IMPORT_POLL_MS = 1000;

/** The import job, polled while it runs; the lists are refreshed once when it ends. */
export function useImportJob(jobId: number | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['leads-import-job', jobId],  // outside ['companies']: ending refreshes the lists, not itself
    enabled: jobId !== null,
    queryFn: async () => {
      const job = await getImportJob(jobId as number);
      if (!isJobActive(job.status)) {
        void qc.invalidateQueries({ queryKey: companiesKeys.all });
        void qc.invalidateQueries({ queryKey: ['contacts'] });
      }
      return job;
    },
    refetchInterval: (query) => {
      const job = query.state.data;
      return !job || isJobActive(job.status) ? IMPORT_POLL_MS : false;
    },
  });
}

export function useCancelImport() {
  return useMutation({ mutationFn: (jobId: number) => cancelImportJob(jobId) });
}
