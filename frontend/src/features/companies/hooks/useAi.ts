import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  cancelAiJob,
  enrichCompany,
  getAiJob,
  getLastProfile,
  getAiProvider,
  isJobActive,
  startEnrichBatch,
  type AiJob,
  type CompanyEnrichResult,
} from '../api';
import { companiesKeys } from './useCompanies';

/** How often a running enrichment job is polled. */
export const AI_POLL_MS = 1000;

/** Shared with the other screens that show AI output (same cache, same keys). */
export const aiKeys = {
  provider: ['ai', 'provider'] as const,
  usage: ['ai', 'usage'] as const,
  /** The company's latest enrichment (stored by the AI service; null when never enriched). */
  profile: (companyId: number) => ['ai', 'profile', companyId] as const,
  job: (jobId: number) => ['ai', 'job', jobId] as const,
  /** The batch started from the Companies list, with the names of its companies. */
  batch: ['ai', 'enrich-batch'] as const,
};

export type CurrentBatch = { jobId: number; names: Record<number, string> };

export function useAiProvider() {
  return useQuery({ queryKey: aiKeys.provider, queryFn: getAiProvider, staleTime: 5 * 60_000 });
}

/** The profile from the latest enrichment of this company, read back from the AI service. */
export function useAiProfile(companyId: number) {
  return useQuery<CompanyEnrichResult | null>({
    queryKey: aiKeys.profile(companyId),
    queryFn: () => getLastProfile(companyId),
    staleTime: 60_000,
  });
}

export function useEnrichCompany(companyId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => enrichCompany(companyId),
    onSuccess: (result) => {
      qc.setQueryData(aiKeys.profile(companyId), result);
      // Facts, status, contacts and timeline changed.
      void qc.invalidateQueries({ queryKey: companiesKeys.detail(companyId) });
      void qc.invalidateQueries({ queryKey: ['companies', 'list'] });
      void qc.invalidateQueries({ queryKey: ['contacts'] });
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: aiKeys.usage }),
  });
}

export function useCurrentBatch() {
  return useQuery<CurrentBatch | null>({ queryKey: aiKeys.batch, queryFn: skipToken, gcTime: Infinity });
}

export function useStartEnrichBatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (companies: Array<{ id: number; name: string }>) => startEnrichBatch(companies.map((c) => c.id)),
    onSuccess: (job, companies) => {
      qc.setQueryData<AiJob>(aiKeys.job(job.id), job);
      const names: Record<number, string> = {};
      for (const c of companies) names[c.id] = c.name;
      const current: CurrentBatch = { jobId: job.id, names };
      qc.setQueryData(aiKeys.batch, current);
    },
  });
}

export function useDismissBatch() {
  const qc = useQueryClient();
  return () => qc.setQueryData(aiKeys.batch, null);
}

/** An AI job, polled every second while it is queued or running. */
export function useAiJob(jobId: number) {
  return useQuery({
    queryKey: aiKeys.job(jobId),
    queryFn: () => getAiJob(jobId),
    enabled: jobId > 0,
    refetchInterval: (query) => {
      const job = query.state.data;
      return job && isJobActive(job.status) && query.state.status !== 'error' ? AI_POLL_MS : false;
    },
    refetchIntervalInBackground: false,
  });
}

export type AiJobQuery = ReturnType<typeof useAiJob>;

export function useCancelAiJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (jobId: number) => cancelAiJob(jobId),
    onSuccess: (job) => {
      qc.setQueryData<AiJob>(aiKeys.job(job.id), job);
      void qc.invalidateQueries({ queryKey: aiKeys.job(job.id) });
    },
  });
}
