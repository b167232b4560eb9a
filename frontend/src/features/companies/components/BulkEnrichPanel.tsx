import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert, Button, Card, JobStatusBadge, ProgressBar, Skeleton, SparklesIcon, StopIcon, useToast, XIcon } from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { formatNumber } from '@/lib/format';
import { isJobActive, parseBatchResult, type BatchItem } from '../api';
import { aiKeys, useCancelAiJob, useDismissBatch, type AiJobQuery, type CurrentBatch } from '../hooks/useAi';

function progressText(done: number, total: number | null | undefined, active: boolean): string {
  if (!total) return active ? 'Waiting to start…' : '—';
  const pct = Math.round((done / total) * 100);
  return `${formatNumber(done)} / ${formatNumber(total)} · ${pct}%`;
}

/**
 * The enrichment batch started from the list: polled every second while it runs, with Cancel;
 * when it ends the list is refreshed and failures (and what a spent budget skipped) are listed.
 */
export function BulkEnrichPanel({ batch, job: query, canCancel }: { batch: CurrentBatch; job: AiJobQuery; canCancel: boolean }) {
  const cancel = useCancelAiJob();
  const dismiss = useDismissBatch();
  const qc = useQueryClient();
  const { toast } = useToast();
  const refreshedFor = useRef<number | null>(null);
  const job = query.data;
  const active = job ? isJobActive(job.status) : true;

  useEffect(() => {
    if (!job || isJobActive(job.status) || refreshedFor.current === job.id) return;
    refreshedFor.current = job.id;
    void qc.invalidateQueries({ queryKey: ['companies'] });
    void qc.invalidateQueries({ queryKey: ['contacts'] });
    void qc.invalidateQueries({ queryKey: aiKeys.usage });
  }, [job, qc]);

  async function doCancel() {
    try {
      await cancel.mutateAsync(batch.jobId);
    } catch (err) {
      toast({ tone: 'error', title: "Couldn't cancel", description: errorMessage(err) });
    }
  }

  const count = Object.keys(batch.names).length;
  const summary = job ? parseBatchResult(job.result) : null;
  const problems = summary?.items.filter((i) => i.status !== 'enriched') ?? [];
  const name = (item: BatchItem) => batch.names[item.companyId] ?? `Company #${item.companyId}`;

  return (
    <Card className="mb-4 p-5" role="region" aria-label="AI enrichment">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 flex-wrap items-center gap-3">
          <SparklesIcon className="size-4 shrink-0 text-violet-600" />
          <h2 className="text-sm font-semibold text-gray-900">
            Enriching {formatNumber(count)} {count === 1 ? 'company' : 'companies'} with AI
          </h2>
          {job ? <JobStatusBadge status={job.status} stopping={job.cancel_requested} /> : null}
          <span className="text-sm text-gray-700 tabular-nums" data-testid="enrich-progress" role="status">
            {job ? progressText(job.progress_done, job.progress_total, active) : 'Starting…'}
          </span>
        </div>
        <div className="flex gap-2">
          {job && active && canCancel ? (
            <Button
              variant="secondary"
              size="sm"
              icon={<StopIcon className="size-4" />}
              loading={cancel.isPending}
              disabled={job.cancel_requested}
              onClick={() => void doCancel()}
            >
              Cancel
            </Button>
          ) : null}
          {job && !active ? (
            <Button variant="ghost" size="sm" className="px-1.5" aria-label="Dismiss enrichment report" onClick={dismiss}>
              <XIcon className="size-4" />
            </Button>
          ) : null}
        </div>
      </div>

      {job ? (
        <ProgressBar
          className="mt-4"
          value={job.progress_done}
          max={job.progress_total ?? 0}
          label={`Enrichment progress: ${job.progress_done} of ${job.progress_total ?? '?'} companies`}
        />
      ) : (
        <Skeleton className="mt-4 h-2 w-full" />
      )}

      <div aria-live="polite">
        {job && !active ? (
          <div className="mt-4 space-y-3 text-sm">
            {summary ? (
              <p className="text-gray-700" data-testid="enrich-summary">
                {formatNumber(summary.enriched)} enriched · {formatNumber(summary.failed)} failed
                {summary.skipped ? ` · ${formatNumber(summary.skipped)} skipped` : ''}
              </p>
            ) : job.status === 'cancelled' ? (
              <p className="text-gray-700">Cancelled after {formatNumber(job.progress_done)} of {formatNumber(job.progress_total ?? count)}. Companies enriched so far keep their profile.</p>
            ) : null}
            {job.status === 'failed' && job.error ? <Alert title="The enrichment job failed">{job.error}</Alert> : null}
            {problems.length ? (
              <ul className="divide-y divide-gray-100 rounded-lg ring-1 ring-gray-200" aria-label="Companies not enriched">
                {problems.map((item) => (
                  <li key={item.companyId} className="grid grid-cols-1 gap-x-4 gap-y-0.5 px-3.5 py-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
                    <Link to={`/companies/${item.companyId}`} className="truncate font-medium text-accent-700 hover:underline">
                      {name(item)}
                    </Link>
                    <span className="text-gray-600">
                      <span className={item.status === 'failed' ? 'font-medium text-red-700' : 'font-medium text-amber-800'}>
                        {item.status === 'failed' ? 'Failed' : item.status === 'skipped' ? 'Skipped' : item.status}
                      </span>
                      {item.error ? <> — {item.error}</> : null}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>

      {query.isError ? (
        <Alert
          tone="warning"
          className="mt-4"
          title="Lost touch with the server"
          actions={
            <Button size="sm" variant="secondary" onClick={() => void query.refetch()}>
              Try again
            </Button>
          }
        >
          {errorMessage(query.error)}
        </Alert>
      ) : null}
    </Card>
  );
}
