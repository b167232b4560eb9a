import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  cancelJob,
  FINDER_JOB_TYPE,
  getFinder,
  getFinderProviders,
  importFinderResults,
  isJobActive,
  listJobs,
  retryFinderResult,
  retryJob,
  startFinder,
  startFinderCsv,
  type FinderRead,
  type FinderRequest,
  type JobRead,
} from '../api';

/** How often a running job is polled. */
export const POLL_MS = 1000;
const RECENT_LIMIT = 10;

export const finderKeys = {
  all: ['finder'] as const,
  job: (id: number) => ['finder', 'job', id] as const,
  recent: () => ['finder', 'recent'] as const,
  providers: () => ['finder', 'providers'] as const,
};

/** Which search providers are configured (settings change only with a restart: fetched once). */
export function useFinderProviders() {
  return useQuery({ queryKey: finderKeys.providers(), queryFn: getFinderProviders, staleTime: Infinity });
}

export type StartInput = { kind: 'request'; body: FinderRequest } | { kind: 'csv'; file: File; autoImport: boolean };

export function useStartFinder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: StartInput) => (input.kind === 'csv' ? startFinderCsv(input.file, input.autoImport) : startFinder(input.body)),
    onSuccess: (data) => {
      qc.setQueryData(finderKeys.job(data.job.id), data);
      void qc.invalidateQueries({ queryKey: finderKeys.recent() });
    },
  });
}

/** A finder job, polled every second while it is queued or running. */
export function useFinderJob(jobId: number) {
  return useQuery({
    queryKey: finderKeys.job(jobId),
    queryFn: () => getFinder(jobId),
    enabled: jobId > 0,
    refetchInterval: (query) => {
      const data = query.state.data;
      return data && isJobActive(data.job.status) && query.state.status !== 'error' ? POLL_MS : false;
    },
    refetchIntervalInBackground: false,
  });
}

export function useRecentFinderJobs() {
  return useQuery({
    queryKey: finderKeys.recent(),
    queryFn: () => listJobs({ type: FINDER_JOB_TYPE, limit: RECENT_LIMIT, offset: 0 }),
    refetchInterval: (query) => (query.state.data?.items.some((j) => isJobActive(j.status)) ? 2 * POLL_MS : false),
  });
}

function mergeJob(qc: ReturnType<typeof useQueryClient>, job: JobRead) {
  qc.setQueryData<FinderRead>(finderKeys.job(job.id), (prev) => (prev ? { ...prev, job } : prev));
  void qc.invalidateQueries({ queryKey: finderKeys.job(job.id) });
  void qc.invalidateQueries({ queryKey: finderKeys.recent() });
}

export function useCancelJob() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (jobId: number) => cancelJob(jobId), onSuccess: (job) => mergeJob(qc, job) });
}

export function useRetryJob() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (jobId: number) => retryJob(jobId), onSuccess: (job) => mergeJob(qc, job) });
}

/** Crawl one site again; the job view polls while the job re-runs. */
export function useRetrySite(jobId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (resultId: number) => retryFinderResult(jobId, resultId),
    onSuccess: (data) => {
      qc.setQueryData(finderKeys.job(jobId), data);
      void qc.invalidateQueries({ queryKey: finderKeys.recent() });
    },
  });
}

export function useImportResults(jobId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (resultIds: number[] | undefined) => importFinderResults(jobId, resultIds),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: finderKeys.job(jobId) });
      // Imported companies appear in the Companies screens (owned by another feature; same cache).
      void qc.invalidateQueries({ queryKey: ['companies'] });
      void qc.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}
